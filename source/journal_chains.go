package source

import (
	"slices"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// Bounds on the lines journalChains holds while their pieces come.
const (
	// journalChainBytes is the longest line joined: the bound the decoder
	// joins a file's split lines to. Past it the line is sent cut
	// (model.NoteCutLine) and the pieces after start a line of their own.
	journalChainBytes = decode.MaxJoinedBytes
	// journalChainPieces is the most pieces joined into one line: with
	// Docker's 16 KiB pieces it is journalChainBytes; it also ends a chain
	// of empty pieces, which the bytes never would.
	journalChainPieces = journalChainBytes / (16 << 10)
	// journalChainsOpen is how many lines are held at once, each of another
	// container: Docker writes a line's pieces one after the other, so a few
	// containers' at a time is already rare. A line that would be one more
	// sends the oldest held as it is. With journalChainBytes this bounds
	// what hostile entries can make the source hold to 32 MiB.
	journalChainsOpen = 8
)

// journalPiece is what an entry says of the line its MESSAGE belongs to.
// Docker's journald driver (and podman's conmon) split a line longer than
// their buffer into several entries, every one but the last flagged
// CONTAINER_PARTIAL_MESSAGE=true; Docker 20.10 and later give every piece
// of a line, the last too, the same CONTAINER_PARTIAL_ID.
type journalPiece struct {
	partial   bool   // more of the line comes in a later entry
	container []byte // CONTAINER_ID; read only when it matters (see journalSession.piece)
	partialID []byte // CONTAINER_PARTIAL_ID
}

// journalChain is a line whose pieces are being joined.
type journalChain struct {
	stream    journalStream
	partialID string
	line      model.Record // the first piece's record; Raw the pieces so far
	pieces    int
	lastRead  time.Time // when the newest piece was read
	end       string    // the newest piece's cursor
}

// journalStream names whose line a piece is: the container's, or with no
// container id the unit's and identifier's, on one host (journals of both
// connectors of a pair may be read together). A lean read knows only the
// identifier and the container: its streams are coarser, which only matters
// for pieces flagged outside any container.
type journalStream struct {
	host, container, unit, identifier string
}

// of reports whether an entry with fields f and container id belongs to s.
func (s *journalStream) of(f *model.JournalFields, container []byte) bool {
	if s.host != f.Hostname || s.container != string(container) {
		return false
	}
	return len(container) > 0 || (s.unit == f.Unit && s.identifier == f.Identifier)
}

// newJournalStream names the stream of an entry with fields f.
func newJournalStream(f *model.JournalFields, container []byte) journalStream {
	if len(container) > 0 {
		return journalStream{host: f.Hostname, container: string(container)}
	}
	return journalStream{host: f.Hostname, unit: f.Unit, identifier: f.Identifier}
}

// journalChains joins the pieces of split lines back into one record each,
// as `docker logs` shows the line. The pieces of a line are the entries of
// one stream (see journalStream) from a flagged one up to the first that is
// not flagged; entries of other streams may come between, so a line is
// held per stream. Nothing is lost: a line that cannot be completed (its
// last piece never came, or it passed the bounds above) is sent as it
// stands, and its following pieces, if any, make a record of their own.
//
// The joined record keeps the first piece's time, cursor and fields: an
// on-call engineer looks for the line where it began, when the container
// wrote it, and `journalctl --cursor` with its cursor shows the whole line
// from its first piece. Docker writes a line's pieces microseconds apart,
// so the last piece's time would say much the same. The record is sent
// when the line is done, after the other streams' lines read meanwhile:
// its time can be a few microseconds before theirs. Its EndCursor is the
// last piece's cursor: where reading on resumes (a bundle's last_cursor),
// so that --after-cursor does not read the later pieces again.
type journalChains struct {
	open []journalChain // oldest first
}

// holding reports whether a line is waiting for more pieces.
func (c *journalChains) holding() bool { return len(c.open) > 0 }

// add takes an entry's line: r is its record, p what it says of its pieces.
// It adds to out what is done, in order.
func (c *journalChains) add(out *journalBatch, r model.Record, p journalPiece, now time.Time) {
	if !p.partial && len(c.open) == 0 {
		out.add(r, now)
		return
	}
	i := c.find(r.Journal, p.container)
	if i >= 0 && !c.open[i].continuedBy(p.partialID) {
		c.send(out, i, model.NotePartialLine, now)
		i = -1
	}
	switch {
	case i >= 0:
		c.open[i].append(r, now)
	case p.partial:
		i = c.start(out, r, p, now)
	default:
		out.add(r, now)
		return
	}
	switch ch := &c.open[i]; {
	case !p.partial:
		c.send(out, i, "", now)
	case ch.full():
		c.send(out, i, model.NoteCutLine, now)
	}
}

// addAlone adds r, a line that joins no other (its message could not be
// read): the held line of its stream, which r would have gone on, is sent
// as it stands first.
func (c *journalChains) addAlone(out *journalBatch, r model.Record, p journalPiece, now time.Time) {
	if i := c.find(r.Journal, p.container); i >= 0 {
		c.send(out, i, model.NotePartialLine, now)
	}
	out.add(r, now)
}

// find returns the index of the stream's held line, -1 when none.
func (c *journalChains) find(f *model.JournalFields, container []byte) int {
	for i := range c.open {
		if c.open[i].stream.of(f, container) {
			return i
		}
	}
	return -1
}

// start holds r as the first piece of a line, sending the oldest line held
// first when as many are held as may be, and returns its index.
func (c *journalChains) start(out *journalBatch, r model.Record, p journalPiece, now time.Time) int {
	if len(c.open) >= journalChainsOpen {
		c.send(out, 0, model.NotePartialLine, now)
	}
	c.open = append(c.open, journalChain{stream: newJournalStream(r.Journal, p.container),
		partialID: string(p.partialID), line: r, pieces: 1, lastRead: now})
	return len(c.open) - 1
}

// send sends held line i with note and lets it go.
func (c *journalChains) send(out *journalBatch, i int, note string, now time.Time) {
	line := c.open[i].line
	line.Note = note
	if line.Journal != nil { // the first piece's own fields, read for this record
		line.Journal.EndCursor = c.open[i].end // "" for a line of one piece
	}
	out.add(line, now)
	c.open = slices.Delete(c.open, i, i+1)
}

// sendAll sends every held line as it stands: the input ended, or a loss
// or a boundary comes, which no line goes on across.
func (c *journalChains) sendAll(out *journalBatch, now time.Time) {
	for len(c.open) > 0 {
		c.send(out, 0, model.NotePartialLine, now)
	}
}

// sendQuiet sends the lines whose last piece was read at least quiet
// before now: a followed container stopped mid-line. The session waits
// partialLineTimeout, as long as a quiet file's unterminated line waits.
func (c *journalChains) sendQuiet(out *journalBatch, now time.Time, quiet time.Duration) {
	for i := 0; i < len(c.open); {
		if now.Sub(c.open[i].lastRead) >= quiet {
			c.send(out, i, model.NotePartialLine, now)
			continue
		}
		i++
	}
}

// continuedBy reports whether a piece with partial id id goes on with the
// held line: it does unless the line has an id and the piece another (or
// none), which says the line was cut (its container stopped mid-line).
func (ch *journalChain) continuedBy(id []byte) bool {
	return ch.partialID == "" || ch.partialID == string(id)
}

// append adds a piece: its bytes and its cursor. The first piece's bytes
// belong to the record they were read for: they are copied before anything
// is added.
func (ch *journalChain) append(piece model.Record, now time.Time) {
	if ch.pieces == 1 {
		ch.line.Raw = slices.Clip(ch.line.Raw)
	}
	ch.line.Raw = append(ch.line.Raw, piece.Raw...)
	if piece.Journal != nil {
		ch.end = piece.Journal.Cursor
	}
	ch.pieces++
	ch.lastRead = now
}

// full reports whether the line reached a bound.
func (ch *journalChain) full() bool {
	return len(ch.line.Raw) >= journalChainBytes || ch.pieces >= journalChainPieces
}
