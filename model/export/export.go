package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"connlog/model"
)

// cancelCheckEvery is how many entries pass between checks of the context:
// often enough to stop within a moment, rarely enough to cost nothing.
const cancelCheckEvery = 64

// ErrCancelled is returned (wrapped with the context's error) when the
// context ends before the export does.
var ErrCancelled = errors.New("export cancelled")

// Export writes entries to the file at path in opts.Format, atomically: the
// file appears complete when Export returns nil, and on any error or
// cancellation nothing is left behind (the temp file, and a bundle's
// members, are removed). An existing file is refused unless opts.Force,
// and one of opts.Inputs always.
func Export(ctx context.Context, path string, entries iter.Seq[*model.Entry], opts Options) (Stats, error) {
	f, err := CreateFile(path, opts.Force, opts.Inputs)
	if err != nil {
		return Stats{}, err
	}
	if opts.TempDir == "" {
		opts.StageBeside(path)
	}
	st, err := Stream(ctx, f, entries, opts)
	if err != nil {
		f.Abort()
		return st, err
	}
	if err := f.Commit(); err != nil {
		var fe *FileError
		if errors.Is(err, ErrSavedElsewhere) && errors.As(err, &fe) {
			st.Path = fe.Path
		}
		return st, err
	}
	st.Path = path
	return st, nil
}

// Stream writes entries to w in opts.Format until they end or ctx is done,
// updating opts.Progress as it goes. On an error or cancellation what
// reached w is incomplete and the caller discards it (Export does). The
// context is checked between entries, so an iterator that can block should
// watch it too.
func Stream(ctx context.Context, w io.Writer, entries iter.Seq[*model.Entry], opts Options) (Stats, error) {
	if opts.Progress == nil {
		opts.Progress = &Progress{}
	}
	p := opts.Progress
	base := Stats{Entries: p.Entries(), Skipped: p.Skipped(), Marks: p.Marks(), Bytes: p.Bytes()}
	stats := func() Stats {
		return Stats{Entries: p.Entries() - base.Entries, Skipped: p.Skipped() - base.Skipped, Marks: p.Marks() - base.Marks,
			Bytes: p.Bytes() - base.Bytes}
	}
	wr, err := New(w, opts)
	if err != nil {
		return Stats{}, err
	}
	n := 0
	for e := range entries {
		if n%cancelCheckEvery == 0 && ctx.Err() != nil {
			break
		}
		n++
		if err := wr.Write(e); err != nil {
			wr.Abort()
			return stats(), err
		}
	}
	if err := ctx.Err(); err != nil {
		wr.Abort()
		return stats(), fmt.Errorf("%w: %w", ErrCancelled, err)
	}
	if err := wr.Close(); err != nil {
		return stats(), err
	}
	return stats(), nil
}

// Slice adapts a slice of entries to the iterator Export and Stream take.
func Slice(entries []*model.Entry) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		for _, e := range entries {
			if !yield(e) {
				return
			}
		}
	}
}
