package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

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
	// compressed is set when r is what a compressed input decompresses to.
	compressed *compressedStdin
	// finish, when set, makes the end of Run's ctx a stop: what was read is
	// sent under finish before Run returns (see FileOptions.Finish).
	finish context.Context
	state  stateText
	// held is the unfinished line being read (see HeldLine).
	held heldLine
	// quietAfter overrides partialLineTimeout when set (tests).
	quietAfter time.Duration
}

// compressedStdin is what a Stdin reading a compressed input knows of it.
type compressedStdin struct {
	c       *compression
	decoded io.Reader // what decompressed reads, which counts the bytes decoded
	release func()    // releases the decoder, on the goroutine that reads it
	err     error     // why it cannot be read at all: a format not read, a broken header
}

// stdinName is how standard input is named: its source, its gaps.
const stdinName = "stdin"

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
func (s *Stdin) Name() string { return stdinName }

// State says whether input is still arriving: "reading", then
// "stdin closed (EOF)" once the writer has finished.
func (s *Stdin) State() string { return s.state.get() }

// Run sends the lines read until EOF, which is a clean end (nil), or until
// ctx is cancelled (also nil). A read that blocks when ctx is cancelled is
// abandoned: standard input cannot be interrupted. A compressed input that
// cannot be read (to its end) ends with a gap saying why, as a file does.
func (s *Stdin) Run(ctx context.Context, out chan<- []model.Record) error {
	s.state.set("reading")
	b := newBatcher(out)
	z := s.compressed
	if z != nil && z.err != nil {
		return s.lossGap(ctx, b, z.err)
	}
	fr := newLineFramer(s.id, s.maxLine, b.emitter(sendUnder(ctx, s.finish)))
	fr.keepNULs = s.keepNULs
	if s.quietAfter > 0 {
		fr.quietAfter = s.quietAfter
	}
	if !s.keepNULs { // a journal export's field lines are not log lines
		fr.held = &s.held
	}
	var release func()
	if z != nil {
		release = z.release
	}
	err := readStream(ctx, s.finish, s.r, fr, b, release)
	switch {
	case ctx.Err() != nil:
		s.state.set("stopped")
		return nil
	case err != nil && z != nil:
		return s.lossGap(ctx, b, withoutPath(err, os.Stdin.Name()))
	case err != nil:
		s.state.set("read error: " + err.Error())
		return fmt.Errorf("read stdin: %w", withoutPath(err, os.Stdin.Name())) // not "read stdin: read /dev/stdin: …"
	}
	s.state.set("stdin closed (EOF)")
	return nil
}

// lossGap ends a compressed input with the gap that says why no more of it
// could be read.
func (s *Stdin) lossGap(ctx context.Context, b *batcher, err error) error {
	z := s.compressed
	note := corruptNote(stdinName, z.decoded, z.c.name, err)
	if errors.Is(err, errUnsupportedCompression) {
		note = unsupportedStdinNote(z.c)
	}
	s.state.set(note)
	return sendLossGap(ctx, b, s.id, note, time.Now())
}
