package export

import (
	"io"
	"time"

	"connlog/model"
)

// Selector decides what a headless export writes out of what it reads.
type Selector interface {
	// Settle is shown every batch read, in order, before Match of its
	// entries: a selection whose times depend on the day of the data fixes
	// that day on the first batch of a stream.
	Settle(es []model.Entry)
	// Match reports whether e is written.
	Match(e *model.Entry) bool
	// InWindow reports whether e falls in the exported time range, whose
	// gaps are counted whether the query selects them or not.
	InWindow(e *model.Entry) bool
}

// SinkOptions are what a Sink needs beyond the export's Options.
type SinkOptions struct {
	// Follow flushes the output after every batch, so that a reader of a
	// followed export sees each entry as it arrives.
	Follow bool
	// Complete, when set, fills in the fields of an entry decoded lean
	// before it is written: only written entries pay for their fields.
	Complete func(e *model.Entry)
	// Stop is called once, on the first write error, so that the caller
	// stops reading inputs whose entries could no longer be written.
	Stop func()
	// Learn, when set, is shown every entry read that may name a person,
	// written or not, before it is taken: a followed redacted export, which
	// cannot read its input ahead, must still hide in the lines it writes
	// the addresses the events it leaves out (--kind service) name.
	Learn *Redactor
}

// Sink is the Writer of a headless export that reads its inputs as a
// stream of batches (the command line's export): it shows every entry read
// to the pair tracker and the selection, writes the selected ones, counts
// the gaps of the range and remembers the span of what it read. The
// terminal interface exports from its store instead, through New, which
// asks the same Format.UsesPairs.
type Sink struct {
	Writer
	sel     Selector
	opts    SinkOptions
	pairs   *model.PairTracker // nil when the format writes no pairs
	turns   *pairTurns         // what the Writer asks for pairs, when pairs is set
	flusher Flusher            // nil for a bundle, which cannot flush before Close
	err     error
	written int64
	span    Span
	losses  model.Ledger
}

// Span is the range of entry times an export read, written or not; both
// ends are zero when no entry had a time.
type Span struct {
	First, Last time.Time
}

// Add widens the span to t; a line without a time (zero or before 1970)
// leaves it as it is.
func (s *Span) Add(t time.Time) {
	if t.Unix() <= 0 {
		return
	}
	if s.First.IsZero() || t.Before(s.First) {
		s.First = t
	}
	if t.After(s.Last) {
		s.Last = t
	}
}

// NewSink returns a Sink writing to w in opts.Format. When the format
// writes pairs and opts.Pairs is nil, the Sink tracks them itself: it shows
// the tracker every entry read, selected or not, so that a written close
// still finds its filtered-out establishment.
func NewSink(w io.Writer, opts Options, sel Selector, so SinkOptions) (*Sink, error) {
	s := &Sink{sel: sel, opts: so}
	if opts.Format.UsesPairs() && opts.Pairs == nil {
		s.pairs = model.NewPairTracker()
		s.turns = &pairTurns{tracker: s.pairs}
		opts.Pairs = s.turns
	}
	wr, err := New(w, opts)
	if err != nil {
		return nil, err
	}
	s.Writer = wr
	s.flusher, _ = wr.(Flusher)
	return s, nil
}

// learn shows e to SinkOptions.Learn, its fields filled in, unless its
// kind names no one: a service line's module, function and message, a mark.
func (s *Sink) learn(e *model.Entry) {
	if s.opts.Learn == nil || s.err != nil || e.Kind == model.KindService || e.IsMark() {
		return
	}
	if s.opts.Complete != nil {
		s.opts.Complete(e)
	}
	if err := s.opts.Learn.LearnEntry(e); err != nil {
		s.fail(err)
	}
}

// AddSources names inputs that joined the stream as it ran (a followed
// pattern's new files), before any of their entries is taken.
func (s *Sink) AddSources(infos []SourceInfo) {
	if a, ok := s.Writer.(interface{ AddSources([]SourceInfo) }); ok {
		a.AddSources(infos)
	}
}

// Batch takes the entries read since the last batch, in order; its shape
// is that of source.Ingest's sink. After a write error it still watches
// the entries (for the span and the gaps) but writes none.
func (s *Sink) Batch(es []model.Entry, _ bool) {
	s.sel.Settle(es)
	for i := range es {
		s.take(&es[i])
	}
	if s.opts.Follow && s.flusher != nil && s.err == nil {
		if err := s.flusher.Flush(); err != nil {
			s.fail(err)
		}
	}
}

// take shows one entry to everything that watches the stream, then writes
// it when selected.
func (s *Sink) take(e *model.Entry) {
	if s.pairs != nil {
		s.pairs.Observe(e)
	}
	s.learn(e)
	s.span.Add(e.Time)
	if s.err != nil {
		return
	}
	selected := s.sel.Match(e)
	s.noteGap(e, selected)
	if !selected {
		return
	}
	if s.opts.Complete != nil {
		s.opts.Complete(e)
	}
	if s.turns != nil {
		s.turns.remember(e)
	}
	s.written++
	if err := s.Write(e); err != nil {
		s.fail(err)
	}
}

// noteGap counts a gap entry of the exported range, written or not, and
// lists an unwritten one in the output's manifest when the format has one.
// A gap of an input nothing of which was read is counted whatever the
// window: its lines' times are unknown, and the user must learn of it.
func (s *Sink) noteGap(e *model.Entry, written bool) {
	if e.Kind != model.KindGap || !s.sel.InWindow(e) && !model.LossOfAnyWindow(e) {
		return
	}
	s.losses.AddGap(e)
	if g, ok := s.Writer.(GapNoter); ok && !written {
		g.NoteGap(e)
	}
}

// fail keeps the first write error and asks the caller to stop reading.
func (s *Sink) fail(err error) {
	if s.err != nil {
		return
	}
	s.err = err
	if s.opts.Stop != nil {
		s.opts.Stop()
	}
}

// Err returns the first error met writing, or nil.
func (s *Sink) Err() error { return s.err }

// Written returns how many entries were selected and handed to the format.
func (s *Sink) Written() int64 { return s.written }

// Span returns the range of times of every entry read, written or not.
func (s *Sink) Span() Span { return s.span }

// Losses returns the gaps of the exported range, whether the query selected
// their entries or not.
func (s *Sink) Losses() model.Ledger { return s.losses }
