package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"connlog/model"
)

// Writer takes entries one at a time and writes them in one format.
type Writer interface {
	// Write adds one entry. The Writer copies what it keeps, so the caller
	// may reuse e and its buffers as soon as Write returns.
	Write(e *model.Entry) error
	// Close finishes the output (flushes buffers, ends the compressed
	// stream, writes a bundle's archive). It does not close the io.Writer
	// given to New.
	Close() error
	// Abort gives up: it releases buffers and temp files without finishing
	// the output. The caller discards whatever reached the io.Writer. Abort
	// after Close, or twice, does nothing.
	Abort()
}

// bufSize is the write buffer between a format and its destination.
const bufSize = 64 << 10

// errClosed is returned by a Writer used after Close or Abort.
var errClosed = errors.New("export writer already closed")

// formatWriter is one format's encoder; the pipeline around it handles
// redaction, compression and progress.
type formatWriter interface {
	// write encodes e and reports whether the format could hold it.
	write(e *model.Entry) (bool, error)
	// close flushes what the format buffers.
	close() error
	// abort drops what the format holds (temp files).
	abort()
}

// New returns a Writer of opts.Format onto w, compressed with opts.Compress,
// redacted with opts.Redact and counted into opts.Progress.
func New(w io.Writer, opts Options) (Writer, error) {
	if opts.Progress == nil {
		opts.Progress = &Progress{}
	}
	if !opts.Format.UsesPairs() {
		opts.Pairs = nil // nothing to look up, nor a tracker to feed
	}
	if opts.Redact != nil {
		// The names of the inputs are written too (ndjson, CSV, journal,
		// the manifest), and may name a user or a client.
		opts.Sources = redactSources(opts.Redact, opts.Sources)
		if opts.Format == FormatBundle {
			opts.words = newWordAddrs(opts.Redact, opts.Bundle.Query)
			opts.terms = newQueryTerms(opts.Redact, opts.Bundle.Query)
		}
	}
	comp, err := Compress(countingWriter{w: w, p: opts.Progress}, opts.Compress)
	if err != nil {
		return nil, err
	}
	p := &pipeline{comp: comp, progress: opts.Progress}
	if o, ok := opts.Pairs.(observer); ok {
		p.observer = o
	}
	if opts.Redact != nil {
		p.group = newRecordGroup(&opts, p.emit)
	}
	fw, err := newFormatWriter(comp, opts)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	return p, nil
}

// newRecordGroup returns the group that redacts the records of an export
// with opts, emitting them to emit. A format that writes pairs is given
// them through the group when records are redacted concurrently (see
// pairMemo).
func newRecordGroup(opts *Options, emit func(*model.Entry) error) *recordGroup {
	g := &recordGroup{r: opts.Redact, emit: emit, words: opts.words, terms: opts.terms}
	g.out = newRecordTaker(g, redactWorkers(opts.RedactWorkers))
	if opts.Pairs != nil && g.out.concurrent() {
		g.pairs = &pairMemo{finder: opts.Pairs}
		opts.Pairs = g.pairs
	}
	return g
}

func newFormatWriter(w io.Writer, opts Options) (formatWriter, error) {
	switch opts.Format {
	case FormatRaw:
		return newRawWriter(bufio.NewWriterSize(w, bufSize)), nil
	case FormatText:
		return newTextWriter(bufio.NewWriterSize(w, bufSize), opts.Location, opts.Hosts), nil
	case FormatNDJSON:
		return newNDJSONWriter(bufio.NewWriterSize(w, bufSize), opts), nil
	case FormatCSV:
		return newCSVWriter(bufio.NewWriterSize(w, bufSize), opts), nil
	case FormatJournal:
		return newJournalWriter(bufio.NewWriterSize(w, bufSize), opts), nil
	case FormatBundle:
		return newBundleWriter(w, opts)
	}
	return nil, fmt.Errorf("unknown export format %d", opts.Format)
}

// pipeline is the Writer New returns: redaction, then the format, then
// compression, then the destination.
type pipeline struct {
	fw       formatWriter
	comp     io.WriteCloser
	progress *Progress
	group    *recordGroup // nil unless redacting
	observer observer     // nil unless the pair finder learns from the stream
	done     bool
	// err is the error emitting the records taken met where it could not
	// be returned (see drained), returned by the next call that can.
	err error
}

// drained emits every record the group took, before the format is told of
// anything else (an input that joined, a gap), as it would have been by
// then had the records been written at their turns.
func (p *pipeline) drained() {
	if p.group != nil && p.err == nil {
		p.err = p.group.out.drain()
	}
}

// observer is a pair finder that learns from the entries as they pass, such
// as model.PairTracker.
type observer interface {
	Observe(e *model.Entry)
}

// AddSources names inputs that joined the export as it ran (see
// Options.Sources), redacted as the others were.
func (p *pipeline) AddSources(infos []SourceInfo) {
	if p.group != nil {
		infos = redactSources(p.group.r, infos)
	}
	if a, ok := p.fw.(sourceAdder); ok {
		p.drained()
		a.addSources(infos)
	}
}

// Write implements Writer.
func (p *pipeline) Write(e *model.Entry) error {
	if p.done {
		return errClosed
	}
	p.progress.entries.Add(1)
	if p.observer != nil {
		p.observer.Observe(e)
	}
	if p.group == nil {
		return p.emit(e)
	}
	if p.err != nil {
		return p.err
	}
	return p.group.add(e)
}

// emit hands one (possibly redacted) entry to the format.
func (p *pipeline) emit(e *model.Entry) error {
	ok, err := p.fw.write(e)
	switch {
	case err != nil:
	case !ok:
		p.progress.skipped.Add(1)
	case isMarker(e):
		p.progress.marks.Add(1)
	}
	return err
}

// Close implements Writer.
func (p *pipeline) Close() error {
	if p.done {
		return errClosed
	}
	p.done = true
	if p.group != nil {
		err := p.err
		if err == nil {
			err = p.group.flush()
		}
		p.group.out.stop()
		if err != nil {
			p.abortAll()
			return err
		}
	}
	if err := p.fw.close(); err != nil {
		p.abortAll()
		return err
	}
	if err := p.comp.Close(); err != nil {
		return writeError("finish compressed stream", err)
	}
	return nil
}

// Abort implements Writer.
func (p *pipeline) Abort() {
	if p.done {
		return
	}
	p.done = true
	p.abortAll()
}

func (p *pipeline) abortAll() {
	if p.group != nil {
		p.group.out.stop()
	}
	p.fw.abort()
	// Closing the compressor releases its state; what it writes is discarded
	// with the rest of the output.
	_ = p.comp.Close()
}

// GapNoter is implemented by Writers whose output lists the gaps of the
// exported range (a bundle's manifest) even when the gap entries themselves
// are not written: a query that selects other entries must not hide what
// was lost among them.
type GapNoter interface {
	NoteGap(e *model.Entry)
}

// NoteGap lists a gap entry that was not written in the manifest, for
// formats that have one.
func (p *pipeline) NoteGap(e *model.Entry) {
	if n, ok := p.fw.(GapNoter); ok && !p.done && e.Kind == model.KindGap {
		p.drained()
		n.NoteGap(e)
	}
}
