package source

import (
	"fmt"

	"connlog/model"
)

// journalChainLookback is how many entries before a window's first one are
// looked at for a line whose pieces go on into the window: Docker writes a
// line's pieces one after the other, and other containers' lines seldom
// come between them.
const journalChainLookback = 16

// beginAtFirstPieces moves the position, the first entry of a window read
// forward from there (the newest -n lines, a tail-first chunk), back onto
// the first piece of every line that would otherwise begin before the
// window and end in it, so that the window reads such a line whole. It looks
// back journalChainLookback entries, and on while a line found goes on, at
// most journalChainPieces entries more: a line still unfinished there is
// read as two records, its older pieces flagged partial and the rest. It
// returns how many shown entries the window gained.
func (s *journalSession) beginAtFirstPieces() (int, error) {
	var scan journalPieceScan
	for scan.steps < journalChainLookback || (scan.open > 0 && scan.steps < journalChainLookback+journalChainPieces) {
		moved, err := s.sd.Previous()
		if err != nil {
			return 0, fmt.Errorf("read the journal backwards: %w", err)
		}
		if !moved {
			break
		}
		scan.steps++
		if s.hiddenEntry() {
			continue
		}
		scan.shown++
		f := s.streamFields()
		scan.see(&f, s.piece(true))
	}
	for range scan.steps - scan.begin {
		if _, err := s.sd.Next(); err != nil {
			return 0, fmt.Errorf("read the journal: %w", err)
		}
	}
	return scan.gained, nil
}

// journalPieceScan follows, entry by entry back from a window's first, the
// streams whose line goes on into the window.
type journalPieceScan struct {
	streams []journalScanStream
	open    int // streams whose line's first piece is not reached yet
	steps   int // entries moved back
	shown   int // of them, the shown ones
	begin   int // entries back to the first piece of the oldest such line
	gained  int // of them, the shown ones
}

// journalScanStream is a stream seen by a journalPieceScan.
type journalScanStream struct {
	stream    journalStream
	partialID string
	open      bool // its line goes on into the window
}

// see takes the entry scan.steps back, with fields f and piece p. The
// first entry of a stream seen opens it when it is a flagged piece: its
// line goes on into the window. An open stream's next entry back is an
// earlier piece of the same line, which the window must include, or the
// end of the line before, which closes the stream.
func (scan *journalPieceScan) see(f *model.JournalFields, p journalPiece) {
	k := scan.find(f, p.container)
	switch {
	case k < 0:
		scan.streams = append(scan.streams, journalScanStream{stream: newJournalStream(f, p.container),
			partialID: string(p.partialID), open: p.partial})
		if !p.partial {
			return
		}
		scan.open++
	case !scan.streams[k].open:
		return
	case p.partial && (len(p.partialID) == 0 || scan.streams[k].partialID == string(p.partialID)):
		scan.streams[k].partialID = string(p.partialID)
	default:
		scan.streams[k].open = false
		scan.open--
		return
	}
	scan.begin, scan.gained = scan.steps, scan.shown
}

// find returns the index of the entry's stream, -1 when not seen yet.
func (scan *journalPieceScan) find(f *model.JournalFields, container []byte) int {
	for k := range scan.streams {
		if scan.streams[k].stream.of(f, container) {
			return k
		}
	}
	return -1
}
