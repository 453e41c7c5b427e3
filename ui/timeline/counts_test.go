package timeline

import (
	"testing"
	"time"

	"connlog/model"
)

func TestCountBucketsByLevelAndMark(t *testing.T) {
	es := []model.Entry{
		entry(t0, model.LevelInfo, model.KindService),
		entry(t0.Add(200*time.Millisecond), model.LevelError, model.KindService),
		failed(t0.Add(1500 * time.Millisecond)),
		denied(t0.Add(1600 * time.Millisecond)),
		entry(t0.Add(2*time.Second), model.LevelNone, model.KindBoundary),
		entry(t0.Add(2*time.Second), model.LevelWarn, model.KindGap),
		entry(time.Time{}, model.LevelInfo, model.KindText), // no time
	}
	c := countOf(t, es)
	if c.Width() != time.Second {
		t.Fatalf("width %v; want 1s for a 2 s span", c.Width())
	}
	if c.Entries() != 7 || c.Untimed() != 1 {
		t.Fatalf("entries %d untimed %d; want 7 and 1", c.Entries(), c.Untimed())
	}
	want := []Tally{
		{Levels: [8]uint32{model.LevelInfo: 1, model.LevelError: 1}},
		{Levels: [8]uint32{model.LevelInfo: 2}, Failed: 1, Denied: 1},
		{Levels: [8]uint32{model.LevelNone: 1, model.LevelWarn: 1}, Restarts: 1, Gaps: 1},
	}
	if len(c.buckets) != len(want) {
		t.Fatalf("%d buckets; want %d", len(c.buckets), len(want))
	}
	for i := range want {
		if c.buckets[i] != want[i] {
			t.Errorf("bucket %d: %+v; want %+v", i, c.buckets[i], want[i])
		}
	}
	if from, to := c.Span(); !from.Equal(t0) || !to.Equal(t0.Add(3*time.Second)) {
		t.Errorf("span %v–%v", from, to)
	}
}

// TestCountWidensPastTheCap spreads entries over a day: the width steps up
// until the buckets fit the cap, and no entry is lost on the way.
func TestCountWidensPastTheCap(t *testing.T) {
	var es []model.Entry
	for i := range 24 * 60 {
		es = append(es, entry(t0.Add(time.Duration(i)*time.Minute), model.LevelInfo, model.KindService))
	}
	c := countOf(t, es)
	if c.Width() != 30*time.Second {
		t.Errorf("width %v; want 30s, the finest that fits a day in %d buckets", c.Width(), maxBuckets)
	}
	if len(c.buckets) > maxBuckets || c.Entries() != int64(len(es)) {
		t.Errorf("%d buckets holding %d entries", len(c.buckets), c.Entries())
	}
}

// TestAddEqualsRecount checks the incremental path: counting a view in two
// batches and adding them gives what one count of it gives, whatever
// widths the batches ended at.
func TestAddEqualsRecount(t *testing.T) {
	var es []model.Entry
	for i := range 3000 {
		at := t0.Add(time.Duration(i*i) * time.Millisecond) // denser at the start
		es = append(es, entry(at, model.Level(i%8), model.KindService))
		if i%97 == 0 {
			es = append(es, failed(at))
		}
	}
	whole := countOf(t, es)
	for _, cut := range []int{1, 100, 2999} {
		part := countOf(t, es[:cut])
		part.Add(countOf(t, es[cut:]))
		if part.Width() != whole.Width() || part.first != whole.first || len(part.buckets) != len(whole.buckets) {
			t.Fatalf("cut %d: %v from %d ×%d; want %v from %d ×%d", cut, part.Width(), part.first, len(part.buckets),
				whole.Width(), whole.first, len(whole.buckets))
		}
		for i := range whole.buckets {
			if part.buckets[i] != whole.buckets[i] {
				t.Fatalf("cut %d: bucket %d differs", cut, i)
			}
		}
	}
}

func TestFitStepFillsTheWidth(t *testing.T) {
	for _, c := range []struct {
		name string
		span time.Duration
		cols int
		want time.Duration
	}{
		{"a minute at 80", time.Minute, 80, time.Second},
		{"ten minutes at 80", 10 * time.Minute, 80, 10 * time.Second},
		{"ten minutes at 20", 10 * time.Minute, 20, 30 * time.Second},
		{"two hours at 160", 2 * time.Hour, 160, time.Minute},
		{"a day at 80", 24 * time.Hour, 80, 30 * time.Minute},
		{"a week at 20", 7 * 24 * time.Hour, 20, 12 * time.Hour},
	} {
		t.Run(c.name, func(t *testing.T) {
			cnt := countOf(t, []model.Entry{entry(t0, model.LevelInfo, model.KindService),
				entry(t0.Add(c.span-time.Nanosecond), model.LevelInfo, model.KindService)})
			if got := time.Duration(widthAt(cnt.fitStep(c.cols))); got != c.want {
				t.Errorf("%v; want %v", got, c.want)
			}
		})
	}
}

func TestNotableLevelColoursTheBar(t *testing.T) {
	for _, c := range []struct {
		name string
		t    Tally
		want model.Level
	}{
		{"one error in a quiet bucket", Tally{Levels: [8]uint32{model.LevelInfo: 5, model.LevelError: 1}}, model.LevelError},
		{"one error in 70,000 lines", Tally{Levels: [8]uint32{model.LevelDebug: 70000, model.LevelError: 1}}, model.LevelNone},
		{"warnings at 2%, errors at 0.1%", Tally{Levels: [8]uint32{model.LevelDebug: 1000, model.LevelWarn: 20, model.LevelError: 1}}, model.LevelWarn},
		{"only debug", Tally{Levels: [8]uint32{model.LevelDebug: 10}}, model.LevelNone},
	} {
		if got := c.t.Notable(); got != c.want {
			t.Errorf("%s: %v; want %v", c.name, got, c.want)
		}
	}
}
