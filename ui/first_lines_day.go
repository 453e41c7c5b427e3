package ui

import (
	"time"

	"connlog/model"
)

// streamFirstLines is how many of a stream's first entries with a time
// give its day: the batch `connlog export` settles it on (the lines that
// arrive together, up to 1,024).
const streamFirstLines = 1024

// firstLinesSpan is the span of the first streamFirstLines entries with a
// time that sn holds, in the order read: the day of a stream's data, which
// must not depend on how much of it arrived before the first screen (a
// log of two days piped whole is read to its end by then, or not).
func firstLinesSpan(sn *model.Snapshot) (first, last time.Time) {
	n := 0
	for seq := sn.First(); seq < sn.End() && n < streamFirstLines; seq++ {
		if seq == 0 || !sn.Has(seq) {
			continue
		}
		if k := sn.Kind(seq); k == model.KindGap || k == model.KindBoundary {
			continue
		}
		t := sn.Time(seq)
		if t.Unix() <= 0 {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		n++
	}
	return first, last
}
