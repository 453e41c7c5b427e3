package main

import (
	"fmt"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/theme"
)

// timelineColumns is how many buckets one line of the timeline shows, so
// that it fits an 80-column terminal after its label.
const timelineColumns = 60

// blocks draw a count against the largest of its row: a space for none,
// then eighths. Block characters and letters, not colour, so that the
// timeline reads the same with --no-color or pasted into a ticket.
var blocks = []rune(" ▁▂▃▄▅▆▇█")

// timelineSection draws the histogram as rows of blocks, one column per
// bucket: every entry, warnings and worse, failed or denied connections,
// and marks for restarts (R), gaps (G) or both (B).
func timelineSection(r triage.Report, loc *time.Location) section {
	hs := r.Histogram
	s := section{title: "Timeline",
		note: fmt.Sprintf("%s per column from %s", model.ShortDuration(r.BucketWidth), theme.Stamp(hs[0].Start, loc))}
	rows := []struct {
		label string
		value func(triage.Bucket) int64
	}{
		{"all", func(b triage.Bucket) int64 { return b.Total }},
		{"warn+", func(b triage.Bucket) int64 { return b.Counts["warn"] + b.Counts["error"] + b.Counts["critical"] }},
		{"failed", func(b triage.Bucket) int64 { return b.Failed + b.Denied }},
	}
	layout := clockLayout(r.From, r.To, loc)
	if layout == clockOfDay {
		layout = clockDated // a row of columns says its day
	}
	for from := 0; from < len(hs); from += timelineColumns {
		chunk := hs[from:min(from+timelineColumns, len(hs))]
		s.pre = append(s.pre, fmt.Sprintf("%-7s%s", "", clock(chunk[0].Start, loc, layout)))
		for _, row := range rows {
			s.pre = append(s.pre, fmt.Sprintf("%-7s%s", row.label, spark(chunk, row.value, hs)))
		}
		s.pre = append(s.pre, fmt.Sprintf("%-7s%s", "marks", marks(chunk)))
	}
	s.pre = append(s.pre, "rows: all entries, warn and worse, failed or denied connections; marks: R restart, G gap, B both")
	return s
}

// spark draws one row; the scale is the row's largest count over the
// whole timeline, so that chunks compare.
func spark(chunk []triage.Bucket, value func(triage.Bucket) int64, all []triage.Bucket) string {
	var top int64
	for _, b := range all {
		top = max(top, value(b))
	}
	var sb strings.Builder
	for _, b := range chunk {
		v := value(b)
		i := 0
		if v > 0 {
			i = 1 + int((v*int64(len(blocks)-2))/max(top, 1))
		}
		sb.WriteRune(blocks[min(i, len(blocks)-1)])
	}
	return strings.TrimRight(sb.String(), " ")
}

func marks(chunk []triage.Bucket) string {
	var sb strings.Builder
	for _, b := range chunk {
		switch {
		case b.Restarts > 0 && b.Gaps > 0:
			sb.WriteByte('B')
		case b.Restarts > 0:
			sb.WriteByte('R')
		case b.Gaps > 0:
			sb.WriteByte('G')
		default:
			sb.WriteByte(' ')
		}
	}
	return strings.TrimRight(sb.String(), " ")
}
