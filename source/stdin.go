package source

import (
	"context"
	"fmt"
	"io"
	"os"

	"connlog/model"
)

// Stdin reads lines from standard input (or any reader) until it ends:
// `docker logs -f -t c 2>&1 | connlog -`. Its records have Offset -1, since
// a pipe cannot be read twice.
type Stdin struct {
	r       io.Reader
	id      model.SourceID
	maxLine int
	// keepNULs is set for a JournalExport's lines (see lineFramer.keepNULs).
	keepNULs bool
	state    stateText
}

// NewStdin returns a source reading r, which is usually os.Stdin.
func NewStdin(r io.Reader, id model.SourceID) *Stdin {
	return &Stdin{r: r, id: id, maxLine: DefaultMaxLineBytes}
}

// WithMaxLineBytes sets the longest line kept whole (DefaultMaxLineBytes
// when n <= 0) and returns s. Call it before Run.
func (s *Stdin) WithMaxLineBytes(n int) *Stdin {
	s.maxLine = n
	return s
}

// Name returns "stdin".
func (s *Stdin) Name() string { return "stdin" }

// State says whether input is still arriving: "reading", then
// "stdin closed (EOF)" once the writer has finished.
func (s *Stdin) State() string { return s.state.get() }

// Run sends the lines read until EOF, which is a clean end (nil), or until
// ctx is cancelled (also nil). A read that blocks when ctx is cancelled is
// abandoned: standard input cannot be interrupted.
func (s *Stdin) Run(ctx context.Context, out chan<- []model.Record) error {
	s.state.set("reading")
	b := newBatcher(out)
	fr := newLineFramer(s.id, s.maxLine, b.emitter(ctx))
	fr.keepNULs = s.keepNULs
	err := readStream(ctx, s.r, fr, b, nil)
	switch {
	case ctx.Err() != nil:
		s.state.set("stopped")
		return nil
	case err != nil:
		s.state.set("read error: " + err.Error())
		return fmt.Errorf("read stdin: %w", withoutPath(err, os.Stdin.Name())) // not "read stdin: read /dev/stdin: …"
	}
	s.state.set("stdin closed (EOF)")
	return nil
}
