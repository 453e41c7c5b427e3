package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"connlog/model/export"
	"connlog/ui/theme"
)

// finish closes the writer and commits or removes the output file. An
// interrupted one-shot export leaves no partial file; an interrupted follow
// is the normal way to end one, so what was written is kept, and so it is
// when a followed input fails. written is how many entries the export
// handed to its format.
func finish(ctx context.Context, cfg Config, w export.Writer, out *output, werr error, written int64) error {
	interrupted := ctx.Err() != nil && !cfg.Follow
	switch {
	case cfg.Follow && errors.As(werr, new(inputsFailed)):
		return keptAfterFailure(w, out, werr, written)
	case werr != nil:
		w.Abort()
		out.abort()
		return werr
	case interrupted && out.streamed && written > 0:
		return cutShort(w, out, written)
	case interrupted:
		w.Abort()
		out.abort()
		return fmt.Errorf("interrupted: nothing was written%s", out.describe())
	}
	if err := w.Close(); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}

// cutShort ends an interrupted export to standard output. What reached it
// cannot be taken back, so it is made whole: the entries handed to the
// format are flushed (never half a record) and a compressed stream is
// closed, which a reader needs to decompress it; the message says the
// output is incomplete.
func cutShort(w export.Writer, out *output, written int64) error {
	err := w.Close()
	if err == nil {
		err = out.commit()
	}
	if err != nil {
		return fmt.Errorf("interrupted, then %w; standard output holds part of the first %s", err, theme.Plural(int64(written), "entry"))
	}
	return fmt.Errorf("interrupted: standard output was cut short after %s (what was written is incomplete)", theme.Plural(int64(written), "entry"))
}

// output is stdout or an atomically written file.
type output struct {
	io.Writer
	file *export.AtomicFile
	// streamed says the export reaches the output as it is written: standard
	// output, in any format but a bundle (archived only when it closes).
	streamed bool
}

// claimOutput notes, before any input is opened, which file is at the
// output path (see export.ClaimPath).
func claimOutput(cfg Config) export.Claim {
	if cfg.Output == "-" {
		return export.Claim{}
	}
	return export.ClaimPath(cfg.Output)
}

func openOutput(cfg Config, claim export.Claim, opts export.Options, stdout io.Writer) (*output, error) {
	if cfg.Output == "-" {
		w, err := terminalSafe(opts, stdout)
		return &output{Writer: w, streamed: opts.Format != export.FormatBundle}, err
	}
	f, err := claim.Create(cfg.Force, inputPaths(cfg, opts.Sources))
	if err != nil {
		return nil, withStdoutAdvice(err)
	}
	return &output{Writer: f, file: f}, nil
}

// withStdoutAdvice adds to the refusal of a device, a FIFO or a symbolic
// link what only the command line can do instead: write to standard output.
func withStdoutAdvice(err error) error {
	var fe *export.FileError
	if !errors.As(err, &fe) || !errors.Is(err, export.ErrNotRegular) {
		return err
	}
	advised := *fe
	advised.Msg += ", or write to standard output with -o - (and redirect it)"
	return &advised
}

func (o *output) abort() {
	if o.file != nil {
		o.file.Abort()
	}
}

func (o *output) commit() error {
	if t, ok := o.Writer.(*export.TerminalWriter); ok {
		return t.Flush()
	}
	if o.file == nil {
		return nil
	}
	return o.file.Commit()
}

func (o *output) describe() string {
	if o.file == nil {
		return ""
	}
	return " to " + o.file.Name()
}
