package journalfile

import (
	"bytes"
	"fmt"
	"testing"
)

// TestStreamReadsWhatNextReads reads a matched, interleaved journal with a
// Stream of several workers and one by one, and requires the same entries
// and values in the same order; a Stream stopped early leaves the Journal
// where the caller can seek back.
func TestStreamReadsWhatNextReads(t *testing.T) {
	j, _ := openInterleaved(t, 1200, Expr{{{"_SYSTEMD_UNIT=u1.service", "_SYSTEMD_UNIT=u2.service"}}})
	want, _ := readAll(t, j)
	names := []string{"MESSAGE", "SYSLOG_IDENTIFIER"}
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprint(workers), func(t *testing.T) {
			if err := j.SeekHead(); err != nil {
				t.Fatal(err)
			}
			s := j.NewStream(names, workers)
			var got []byte
			for {
				e, _, ok := s.Next()
				if !ok {
					break
				}
				if e.Err != nil || string(e.Vals[1]) != "synthetic" {
					t.Fatalf("entry %s: %v, identifier %q", e.Loc.Cursor(), e.Err, e.Vals[1])
				}
				got = append(append(got, e.Vals[0]...), '\n')
			}
			if !s.Stop() {
				t.Fatal("Stop after the end says the stream did not end")
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("the stream read other entries than Next:\n got %.200q\nwant %.200q", got, want)
			}
		})
	}
	if err := j.SeekHead(); err != nil {
		t.Fatal(err)
	}
	s := j.NewStream(names, 2)
	e, _, _ := s.Next()
	if s.Stop() {
		t.Fatal("a stream stopped after one entry says it ended")
	}
	if err := j.SeekCursor(e.Loc.Cursor()); err != nil {
		t.Fatal(err)
	}
	if ok, _ := j.Next(); !ok {
		t.Fatal("cannot seek back to the stream's entry")
	}
	if l, _ := j.Location(); l != e.Loc {
		t.Fatalf("back at %s, want %s", l.Cursor(), e.Loc.Cursor())
	}
}
