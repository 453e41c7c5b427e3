package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
	"connlog/source"
)

// learnPersonal reads the inputs once before a redacted export writes
// them, for the personal values of their entries, selected or not (see
// export.Redactor.Learn), so that a value one entry reveals is replaced in
// every record, those before it too. Standard input, which cannot be read
// twice, is first saved to a temporary file in the export's staging
// directory ($TMPDIR for standard output), which the second pass reads
// and done frees. A followed export cannot know what is to come, and
// learns as it goes, which it says on stderr. It returns the standard
// input the export reads.
func learnPersonal(ctx context.Context, cfg Config, opts export.Options, stdin io.Reader, stderr io.Writer) (io.Reader, func(), error) {
	done := func() {}
	if opts.Redact != nil && cfg.Follow {
		fmt.Fprintln(stderr, "connlog: a followed export learns what is personal as entries arrive: "+
			"a line written before the entry that names a client address or id keeps it; export without -f to have it replaced everywhere")
	}
	if opts.Redact == nil || cfg.Follow || cfg.Demo {
		return stdin, done, nil
	}
	if readsStdin(cfg) {
		saved, err := saveStdin(ctx, cfg, stdin, opts.TempDir)
		if err != nil {
			return nil, done, err
		}
		stdin, done = saved, func() { saved.Close() }
	}
	if err := learnFrom(ctx, cfg, opts, stdin); err != nil {
		done()
		return nil, func() {}, err
	}
	if f, ok := stdin.(*os.File); ok && readsStdin(cfg) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			done()
			return nil, func() {}, fmt.Errorf("read standard input again from %s: %w", f.Name(), err)
		}
	}
	return stdin, done, nil
}

// learnFrom is the first pass: every entry of the inputs, with its fields,
// shown to the Redactor, those the export leaves out too: an event the export
// does not write still says whose an address is, and a slice of service
// lines handed over redacted must not keep it. Service lines are read
// lean: their fields (module, function, message) name no one.
func learnFrom(ctx context.Context, cfg Config, opts export.Options, stdin io.Reader) error {
	feeds, infos, err := openFeeds(ctx, cfg, stdin, false)
	if errors.Is(err, errInterruptedOpening) {
		return nothingWritten(cfg)
	}
	if err != nil {
		return err
	}
	defer closeJournalEntries(infos)
	for i := range feeds {
		feeds[i].Decode.LeanService, feeds[i].Decode.IndexAnalytics = leanDecoding, leanDecoding
	}
	var learnErr error
	source.Ingest(ctx, feeds, func(es []model.Entry, _ bool) {
		if learnErr != nil {
			return
		}
		learnErr = opts.Redact.Learn(ctx, func(yield func(*model.Entry) bool) {
			for i := range es {
				if e := &es[i]; e.Kind != model.KindService && !e.IsMark() {
					decode.Complete(e)
					if !yield(e) {
						return
					}
				}
			}
		})
	}, func([]model.SourceStatus) {})
	if ctx.Err() != nil {
		return nothingWritten(cfg)
	}
	if learnErr != nil {
		return fmt.Errorf("nothing was written: %w", learnErr)
	}
	return nil
}

// tempAdvice says what TMPDIR must be to avoid err.
func tempAdvice(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "you may write in"
	case errors.Is(err, fs.ErrNotExist):
		return "that exists"
	}
	return "with room"
}

// saveStdin copies standard input to a temporary file in dir ($TMPDIR
// when empty), unlinked at once so that nothing is left behind, whatever
// ends the export; closing it frees the space. An interruption stops it
// at once, though a read of standard input cannot be.
func saveStdin(ctx context.Context, cfg Config, stdin io.Reader, dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, ".connlog-stdin-*")
	if err != nil {
		return nil, fmt.Errorf("save standard input to read it twice for --redact: %w; set TMPDIR to a directory %s", err, tempAdvice(err))
	}
	os.Remove(f.Name())
	copied := make(chan error, 1)
	go func() {
		_, err := io.Copy(f, stdin)
		copied <- err
	}()
	select {
	case err = <-copied:
	case <-ctx.Done():
		err = nothingWritten(cfg)
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		f.Close()
		if ctx.Err() != nil {
			return nil, nothingWritten(cfg)
		}
		return nil, fmt.Errorf("save standard input to %s to read it twice for --redact: %w; free space there or set TMPDIR", f.Name(), err)
	}
	return f, nil
}
