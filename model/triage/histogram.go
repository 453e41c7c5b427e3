package triage

import (
	"time"

	"connlog/model"
)

// levelCount is how many levels there are (none to critical).
var levelCount = len(model.Levels())

// histogram counts entries per bucket and level, and marks the buckets
// with failed or denied connections, restarts and gaps.
type histogram struct {
	levels                         []series
	failed, denied, restarts, gaps series
	untimed                        int64 // entries with no usable time
}

func newHistogram() histogram { return histogram{levels: make([]series, levelCount)} }

func (h *histogram) add(e *model.Entry, f *facts, b, width int64) {
	if e.Kind == model.KindGap {
		// A gap is a note of lines lost, not an entry of the log: a mark,
		// counted in no level.
		h.gaps.add(b, width, 1)
		return
	}
	h.levels[e.Level].add(b, width, 1)
	switch {
	case f.failed:
		h.failed.add(b, width, 1)
	case f.denied:
		h.denied.add(b, width, 1)
	case e.Kind == model.KindBoundary:
		h.restarts.add(b, width, 1)
	}
}

// Bucket is one time bucket of the timeline.
type Bucket struct {
	Start  time.Time        `json:"start"`
	End    time.Time        `json:"end"`
	Counts map[string]int64 `json:"counts"` // by level name; levels with no entry are left out
	Total  int64            `json:"total"`
	// Failed and Denied count failed and denied connections (and denied
	// audit records); Restarts and Gaps the restarts and losses noted.
	Failed   int64 `json:"failed"`
	Denied   int64 `json:"denied"`
	Restarts int64 `json:"restarts"`
	Gaps     int64 `json:"gaps"`
}

// report lays the histogram out on the axis, one bucket per step from the
// first entry's bucket to the last one's (empty buckets included).
func (h *histogram) report(ax *axis) []Bucket {
	if !ax.nonEmpty {
		return []Bucket{}
	}
	lo, hi, w := ax.lo, ax.hi, ax.width
	out := make([]Bucket, hi-lo+1)
	for i := range out {
		out[i] = Bucket{Start: ax.start(lo + int64(i)), End: ax.start(lo + int64(i) + 1), Counts: map[string]int64{}}
	}
	for l := range h.levels {
		for i, c := range h.levels[l].at(lo, hi, w) {
			if c > 0 {
				out[i].Counts[model.Level(l).String()] = int64(c)
				out[i].Total += int64(c)
			}
		}
	}
	marks := []struct {
		s   *series
		set func(*Bucket, int64)
	}{
		{&h.failed, func(b *Bucket, c int64) { b.Failed = c }},
		{&h.denied, func(b *Bucket, c int64) { b.Denied = c }},
		{&h.restarts, func(b *Bucket, c int64) { b.Restarts = c }},
		{&h.gaps, func(b *Bucket, c int64) { b.Gaps = c }},
	}
	for _, m := range marks {
		for i, c := range m.s.at(lo, hi, w) {
			m.set(&out[i], int64(c))
		}
	}
	return out
}
