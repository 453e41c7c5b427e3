package source

import (
	"context"
	"testing"
	"time"
)

// silentAfter is a reader that yields its data in one read, then blocks,
// as a pipe whose writer has paused does; waiting is closed once a read
// blocks, which is after the data read was handed on.
type silentAfter struct {
	data    []byte
	waiting chan struct{}
	release chan struct{}
}

func (s *silentAfter) Read(p []byte) (int, error) {
	if len(s.data) > 0 {
		n := copy(p, s.data)
		s.data = s.data[n:]
		return n, nil
	}
	select {
	case <-s.waiting:
	default:
		close(s.waiting)
	}
	<-s.release
	return 0, context.Canceled
}

// A followed standard input stopped with a finish context (a followed
// export stopped by a signal) sends every line it read, though its batch
// had not waited long enough to go and its last line has no newline yet
// (it is sent flagged partial, as at a quiet stop of a file); in the
// journal export format, every entry read, the last one unended too.
func TestStdinStopSendsWhatWasRead(t *testing.T) {
	cases := []struct {
		name, input string
		want        []string
		lastNote    string
	}{
		{"lines", "one\ntwo\nno newline yet", []string{"one", "two", "no newline yet"}, NotePartialLine},
		{"journal export", "__REALTIME_TIMESTAMP=1796551200000000\nMESSAGE=one\n\n__REALTIME_TIMESTAMP=1796551201000000\nMESSAGE=two\n",
			[]string{"one", "two"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := &silentAfter{data: []byte(tc.input), waiting: make(chan struct{}), release: make(chan struct{})}
			defer close(r.release)
			src := NewInput(Input{Path: StdinPath}, 1, FileOptions{Follow: true, Finish: context.Background()}, r)
			run := start(t, src)
			select {
			case <-r.waiting:
			case <-time.After(waitLimit):
				t.Fatal("the input was never read")
			}
			run.cancel()
			if err := run.finish(); err != nil {
				t.Fatalf("Run: %v", err)
			}
			equalLines(t, lineTexts(run.got), tc.want)
			if last := run.got[len(run.got)-1]; last.Note != tc.lastNote {
				t.Fatalf("the last line came with note %q, want %q", last.Note, tc.lastNote)
			}
		})
	}
}
