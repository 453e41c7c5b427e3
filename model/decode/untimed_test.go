package decode

import (
	"testing"
	"time"

	"connlog/model"
)

// A line with no time of its own nor one to inherit is dated when it was
// read, or at the time DateUntimedAt gave: the lines after it inherit that
// date, whenever they were read, and so does a gap noticed before any line.
// A line with a time, and the lines it dates, keep theirs; leads still
// take the first timed line's.
func TestDateUntimedAt(t *testing.T) {
	at := readTime.Add(-time.Hour)
	late := func(recs []model.Record, d time.Duration) []model.Record {
		for i := range recs {
			recs[i].Received = readTime.Add(d)
		}
		return recs
	}
	timed := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	gap := model.Record{Mark: model.MarkGap, Note: model.GapLineTooLong, Count: 1, Received: readTime, Offset: -1}
	pastGap := gap
	pastGap.Received = at.Add(-24 * time.Hour)
	for _, c := range []struct {
		name string
		at   time.Time
		jobs [][]model.Record
		want []time.Time
	}{
		{"no date given: when read", time.Time{},
			[][]model.Record{lineRecords("first"), late(lineRecords("second"), time.Minute)},
			[]time.Time{readTime, readTime}},
		{"a log without times", at,
			[][]model.Record{lineRecords("first", "second"), late(lineRecords("third"), time.Minute)},
			[]time.Time{at, at, at}},
		{"a gap before any line", at,
			[][]model.Record{{gap}, lineRecords("first")},
			[]time.Time{at, at}},
		{"a gap its source dated before reading began (a rotated file's last write)", at,
			[][]model.Record{{pastGap}},
			[]time.Time{pastGap.Received}},
		{"timed lines keep their times", at,
			[][]model.Record{lineRecords("2026-12-04T10:00:00Z [INFO] [connector] up", "continued"), lineRecords("again")},
			[]time.Time{timed, timed, timed}},
		{"a lead takes the first timed line's", at,
			[][]model.Record{lineRecords("banner", "2026-12-04T10:00:00Z [INFO] [connector] up")},
			[]time.Time{timed, timed}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := New(1, Options{Reference: readTime})
			d.DateUntimedAt(c.at)
			var got []model.Entry
			for _, recs := range c.jobs {
				got = append(got, decodeLead(d, recs)...)
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d entries, want %d", len(got), len(c.want))
			}
			for i, w := range c.want {
				if !got[i].Time.Equal(w) {
					t.Errorf("entry %d (%q): %v, want %v", i, got[i].Raw, got[i].Time, w)
				}
			}
		})
	}
	// Given the zero time again, the next line with nothing to inherit is
	// dated when read.
	d := New(1, Options{Reference: readTime})
	d.DateUntimedAt(at)
	d.DateUntimedAt(time.Time{})
	if es := decodeLead(d, lineRecords("written later")); !es[0].Time.Equal(readTime) {
		t.Errorf("after the zero time: %v, want when read, %v", es[0].Time, readTime)
	}
}
