package source

import (
	"runtime"
	"slices"

	"connlog/source/journalfile"
)

// nativeStreamAfter is how many Next calls in a row, when the caller said
// it reads to the end, start reading ahead: a short read never pays for
// the goroutines.
const nativeStreamAfter = 4096

// ReadAhead says whether the caller will read forward to the end without
// other calls (a one-shot export): the reader may then decode the entries
// ahead, in parallel.
func (n *nativeJournal) ReadAhead(on bool) { n.sequential = on }

// Next moves to the next matching entry: from the stream when one reads
// ahead, else from the reader, starting a stream after enough steps.
func (n *nativeJournal) Next() (bool, error) {
	if n.stream != nil {
		return n.nextStreamed(), nil
	}
	ok, err := n.j.Next()
	n.read, n.streamed = false, false
	if err != nil || !ok {
		n.nexts = 0
		return ok, err
	}
	n.nexts++
	if n.sequential && n.nexts >= nativeStreamAfter {
		n.startStream()
	}
	return true, nil
}

// startStream reads ahead from the current entry on. The current entry is
// read first and served from then on like a streamed one: the reader
// belongs to the stream's goroutines until it stops.
func (n *nativeJournal) startStream() {
	loc, err := n.j.Location()
	if err != nil || n.collect() != nil {
		return
	}
	n.scur = journalfile.StreamEntry{Loc: loc, Vals: slices.Clone(n.vals), Unreadable: n.unreadable}
	n.streamed = true
	// The files lost before the current entry are reported with it, not
	// with the stream's first entry after it.
	n.streamProblems = append(n.streamProblems, n.j.Problems()...)
	n.stream = n.j.NewStream(n.names, runtime.GOMAXPROCS(0))
}

// nextStreamed takes the next entry of the stream.
func (n *nativeJournal) nextStreamed() bool {
	e, problems, ok := n.stream.Next()
	n.streamProblems = append(n.streamProblems, problems...)
	if !ok {
		n.endStream()
		return false
	}
	n.scur, n.streamed, n.read, n.unreadable = e, true, true, e.Unreadable
	copy(n.vals, e.Vals)
	return true
}

// endStream stops reading ahead and puts the reader back on the entry the
// caller is on, so that any call can follow. Should that entry be gone, its
// place and values stay those the stream gave.
func (n *nativeJournal) endStream() {
	if n.stream == nil {
		return
	}
	n.stream.Stop()
	n.stream, n.nexts = nil, 0
	n.streamProblems = append(n.streamProblems, n.j.Problems()...)
	if !n.streamed {
		return
	}
	if n.j.SeekCursor(n.scur.Loc.Cursor()) == nil {
		if ok, err := n.j.Next(); ok && err == nil && n.TestCursorOf(n.scur.Loc) {
			n.streamed = false
		}
	}
}
