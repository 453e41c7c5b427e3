package export

import (
	"io"
	"iter"
	"sync/atomic"

	"connlog/model"
)

// Progress is how far an export has come. The export updates it and any
// goroutine may read it at any time, for a progress bar that polls.
type Progress struct {
	entries atomic.Int64
	skipped atomic.Int64
	marks   atomic.Int64
	bytes   atomic.Int64
	staged  atomic.Int64
	learned atomic.Int64
	toLearn atomic.Int64
}

// Entries returns how many entries the export has taken so far.
func (p *Progress) Entries() int64 { return p.entries.Load() }

// Skipped returns how many entries the format could not hold (see Stats).
func (p *Progress) Skipped() int64 { return p.skipped.Load() }

// Marks returns how many of the entries taken so far were gap or boundary
// marks the format wrote (see Stats).
func (p *Progress) Marks() int64 { return p.marks.Load() }

// Bytes returns how many bytes have reached the destination so far, after
// compression. Compressors and buffers hold some back until they fill, and a
// bundle writes its archive only when it closes, so this lags the entries.
func (p *Progress) Bytes() int64 { return p.bytes.Load() }

// Staged returns how many bytes a bundle has written to its members so
// far: they are archived into the destination only when it closes, so
// Bytes stays 0 until then, and this is what shows that the work goes on.
// It is 0 for every other format, which writes to the destination.
func (p *Progress) Staged() int64 { return p.staged.Load() }

// Learned returns how many entries a redacted export has read once before
// writing any, for the personal values they reveal (see Redactor.Learn),
// and of how many.
func (p *Progress) Learned() (done, total int64) { return p.learned.Load(), p.toLearn.Load() }

// Learning passes entries, total of them, on to Redactor.Learn, counting
// them in Learned.
func (p *Progress) Learning(total int64, entries iter.Seq[*model.Entry]) iter.Seq[*model.Entry] {
	p.toLearn.Store(total)
	return func(yield func(*model.Entry) bool) {
		for e := range entries {
			p.learned.Add(1)
			if !yield(e) {
				return
			}
		}
	}
}

// Stats is the outcome of an export.
type Stats struct {
	// Entries is how many entries the export took.
	Entries int64
	// Skipped is how many of them the format could not hold: entries of
	// other kinds in a single-kind CSV, and gap or boundary markers (which
	// carry no line) in a raw export.
	Skipped int64
	// Marks is how many of them were gap or boundary marks the format
	// wrote: rows that say what happened between lines, not lines, which a
	// count of what was written says apart. The entries written are
	// Entries - Skipped - Marks.
	Marks int64
	// Bytes is the size of the output, after compression.
	Bytes int64
	// Path is the file written, empty when writing to a stream.
	Path string
}

// countingWriter counts what reaches the destination into a Progress.
type countingWriter struct {
	w io.Writer
	p *Progress
}

// Write passes b on and counts what was written.
func (c countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.p.bytes.Add(int64(n))
	return n, err
}
