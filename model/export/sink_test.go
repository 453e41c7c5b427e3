package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// testSelector selects by kind and bounds the window at until; it records
// what it was shown.
type testSelector struct {
	kind    model.Kind
	until   time.Time
	settled int
}

func (s *testSelector) Settle(es []model.Entry)   { s.settled += len(es) }
func (s *testSelector) Match(e *model.Entry) bool { return e.Kind == s.kind && s.InWindow(e) }
func (s *testSelector) InWindow(e *model.Entry) bool {
	return s.until.IsZero() || !e.Time.After(s.until)
}

// batchOf copies entries into the batch shape a stream delivers.
func batchOf(es ...*model.Entry) []model.Entry {
	out := make([]model.Entry, len(es))
	for i, e := range es {
		out[i] = *e
	}
	return out
}

// TestSinkPairsAFilteredOutEstablishment: a close is written with the pair
// of its establishment although the query left that out, because the sink
// shows every entry read to its tracker.
func TestSinkPairsAFilteredOutEstablishment(t *testing.T) {
	var buf bytes.Buffer
	sel := &testSelector{kind: model.KindAnalytics}
	closed := analyticsEntry()
	s, err := NewSink(&buf, Options{Format: FormatNDJSON}, onlySeq{sel, closed.Seq}, SinkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Batch(batchOf(relayedEntry(), closed), false)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("one object expected: %v\n%s", err, buf.Bytes())
	}
	pair, _ := got["pair"].(map[string]any)
	if pair == nil || pair["partner"] != float64(relayedEntry().Seq) {
		t.Fatalf("pair = %#v, want the establishment's seq %d", got["pair"], relayedEntry().Seq)
	}
	if s.Written() != 1 {
		t.Errorf("written = %d, want 1", s.Written())
	}
}

// onlySeq narrows a selector to one Seq.
type onlySeq struct {
	*testSelector
	seq int64
}

func (o onlySeq) Match(e *model.Entry) bool { return e.Seq == o.seq && o.testSelector.Match(e) }

// TestSinkWritesWhatNewWrites: for every format, a sink fed the entries
// in batches writes the bytes New writes for the selected ones.
func TestSinkWritesWhatNewWrites(t *testing.T) {
	all := mixedEntries()
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			var got bytes.Buffer
			opts := Options{Format: f, Bundle: BundleInfo{Version: "test"}}
			s, err := NewSink(&got, opts, &testSelector{kind: model.KindAnalytics}, SinkOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if (s.pairs != nil) != f.UsesPairs() {
				t.Fatalf("pair tracker %v for a format that uses pairs: %v", s.pairs != nil, f.UsesPairs())
			}
			s.Batch(batchOf(all[:3]...), false)
			s.Batch(batchOf(all[3:]...), false)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			var selected []*model.Entry
			for _, e := range all {
				if e.Kind == model.KindAnalytics {
					selected = append(selected, e)
				}
			}
			tracker := model.NewPairTracker()
			opts.Pairs = tracker // learns from the written entries, which are all the analytics ones
			want := encode(t, selected, opts)
			if f != FormatBundle && !bytes.Equal(got.Bytes(), want) {
				t.Errorf("sink wrote\n%s\nNew writes\n%s", got.Bytes(), want)
			}
			if got.Len() == 0 || s.Written() != int64(len(selected)) {
				t.Errorf("wrote %d bytes, %d entries; want %d entries", got.Len(), s.Written(), len(selected))
			}
		})
	}
}

// TestSinkCountsTheGapsOfTheRange: a gap in the window counts whether the
// query selects it or not; one past the window does not count.
func TestSinkCountsTheGapsOfTheRange(t *testing.T) {
	gap := gapEntry()
	late := gapEntry()
	late.Time = gap.Time.Add(time.Hour)
	for _, kind := range []model.Kind{model.KindGap, model.KindAnalytics} {
		sel := &testSelector{kind: kind, until: gap.Time}
		s, err := NewSink(&bytes.Buffer{}, Options{Format: FormatRaw}, sel, SinkOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s.Batch(batchOf(gap, late), false)
		l := s.Losses()
		if l.Events != 1 || l.ByKind["rotation"] != 42 {
			t.Errorf("selecting %s: losses %+v, want one gap of 42 lines", kind, l)
		}
		if sel.settled != 2 {
			t.Errorf("selecting %s: %d entries settled, want 2", kind, sel.settled)
		}
	}
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

var errDiskGone = errors.New("disk gone")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errDiskGone
	}
	w.n -= len(p)
	return len(p), nil
}

// TestSinkStopsOnTheFirstWriteError: following (a flush per batch), the
// first failed write is kept, the caller is told to stop once, and later
// entries are watched (their times widen the span) but not written.
func TestSinkStopsOnTheFirstWriteError(t *testing.T) {
	stops := 0
	s, err := NewSink(&failingWriter{}, Options{Format: FormatRaw}, &testSelector{kind: model.KindService},
		SinkOptions{Follow: true, Stop: func() { stops++ }})
	if err != nil {
		t.Fatal(err)
	}
	first, later := serviceEntry(), serviceEntry()
	later.Time = first.Time.Add(time.Minute)
	s.Batch(batchOf(first), false)
	s.Batch(batchOf(later), false)
	if !errors.Is(s.Err(), errDiskGone) || stops != 1 {
		t.Fatalf("err %v, %d stops; want %v once", s.Err(), stops, errDiskGone)
	}
	if s.Written() != 1 {
		t.Errorf("written %d after the error, want 1", s.Written())
	}
	if sp := s.Span(); !sp.First.Equal(first.Time) || !sp.Last.Equal(later.Time) {
		t.Errorf("span %v..%v, want %v..%v", sp.First, sp.Last, first.Time, later.Time)
	}
}

// TestSinkFollowFlushesEachBatch: a followed export shows each batch at
// once; a one-shot one may keep it buffered until Close.
func TestSinkFollowFlushesEachBatch(t *testing.T) {
	for _, follow := range []bool{true, false} {
		var buf bytes.Buffer
		s, err := NewSink(&buf, Options{Format: FormatRaw}, &testSelector{kind: model.KindService}, SinkOptions{Follow: follow})
		if err != nil {
			t.Fatal(err)
		}
		s.Batch(batchOf(serviceEntry()), false)
		if shown := strings.Contains(buf.String(), "failed to get SD"); shown != follow {
			t.Errorf("follow %v: line shown before Close: %v", follow, shown)
		}
	}
}

// TestSinkCompletesOnlyWrittenEntries: a lean entry's fields are filled in
// only when it is written.
func TestSinkCompletesOnlyWrittenEntries(t *testing.T) {
	var completed []model.Kind
	s, err := NewSink(&bytes.Buffer{}, Options{Format: FormatRaw}, &testSelector{kind: model.KindService},
		SinkOptions{Complete: func(e *model.Entry) { completed = append(completed, e.Kind) }})
	if err != nil {
		t.Fatal(err)
	}
	s.Batch(batchOf(analyticsEntry(), serviceEntry(), auditEntry()), false)
	if len(completed) != 1 || completed[0] != model.KindService {
		t.Errorf("completed %v, want only the service entry", completed)
	}
}

// observingFinder is a pair finder that learns from the stream, as the
// pair tracker does, and counts what it was shown.
type observingFinder struct{ observed, asked int }

func (o *observingFinder) Observe(*model.Entry) { o.observed++ }
func (o *observingFinder) PairOf(*model.Entry) (model.Pair, bool) {
	o.asked++
	return model.Pair{}, false
}

// TestNewAsksUsesPairs: New, which the interface's export goes through,
// gives a pair finder only to the formats that use pairs, by the same
// Format.UsesPairs the headless export asks.
func TestNewAsksUsesPairs(t *testing.T) {
	for _, f := range Formats() {
		o := &observingFinder{}
		encode(t, []*model.Entry{analyticsEntry()}, Options{Format: f, Pairs: o, Bundle: BundleInfo{Version: "test"}})
		if used := o.observed > 0 || o.asked > 0; used != f.UsesPairs() {
			t.Errorf("%s: the pair finder was used %v (observed %d, asked %d); the format uses pairs: %v",
				f, used, o.observed, o.asked, f.UsesPairs())
		}
	}
}
