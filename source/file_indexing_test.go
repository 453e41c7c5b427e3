package source

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// A file opened tail first says it is indexing until every block of its
// head is stored, not only read and sent: an interface that waits for the
// end of the indexing to export every matching row must find the whole
// head in its store when the state changes.
func TestIndexingLastsUntilTheHeadIsStored(t *testing.T) {
	path := logPath(t)
	content := joinLines(varied(3000))
	appendTo(t, path, content)
	f := NewFile(path, 1, FileOptions{Follow: true, TailFirst: true})
	f.tailSizes = tailFirstSizes{min: 1, tail: 5000, blockBytes: 1000}
	r := start(t, f)
	var held [][]model.Record // taken, not stored yet
	lines := 0
	for lines < 3000 {
		select {
		case b := <-r.out:
			held = append(held, b)
			for _, rec := range b {
				if rec.Mark == model.MarkLine {
					lines++
				}
			}
		case <-time.After(waitLimit):
			t.Fatalf("%d lines of 3000 came", lines)
		}
	}
	// The backfill, all sent, returns meanwhile: the state must not change.
	for end := time.Now().Add(200 * time.Millisecond); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if st := f.State(); !strings.HasPrefix(st, model.StateIndexing) {
			t.Fatalf("every block read and sent but none stored: state %q; want it to say %s", st, model.StateIndexing)
		}
	}
	for _, b := range held[:len(held)-1] {
		releaseStored(b)
	}
	if st := f.State(); !strings.HasPrefix(st, model.StateIndexing) {
		t.Fatalf("a block still to store: state %q; want it to say %s", st, model.StateIndexing)
	}
	releaseStored(held[len(held)-1])
	waitFor(t, "the state to leave indexing", func() bool { return f.State() == "following" })
}
