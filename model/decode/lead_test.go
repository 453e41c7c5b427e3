package decode

import (
	"testing"
	"time"

	"connlog/model"
)

// decodeLead decodes recs as one job of a source and settles its leads.
func decodeLead(d *Decoder, recs []model.Record) []model.Entry {
	var es []model.Entry
	for i := range recs {
		es = d.Decode(&recs[i], es)
	}
	d.SettleLead(es)
	return es
}

// Lines before the first timed line of their writer (journalctl's header, a
// banner) take its time, not the read time, which for yesterday's log is
// today; a mark dated by a lead moves with it; a line after the first
// timed one still inherits from the line before it.
func TestLeadTakesTheFirstTimedLinesTime(t *testing.T) {
	d := New(1, Options{Reference: readTime})
	gap := model.Record{Mark: model.MarkGap, Note: model.GapLineTooLong, Count: 1, Received: readTime, Offset: -1}
	recs := lineRecords(
		"-- Logs begin at Mon 2026-11-30 08:00:00 UTC, end at Fri 2026-12-04 10:00:05 UTC. --",
		"connector starting",
		"2026-12-04T10:00:00Z [INFO] [connector] State: Online",
		"continued without a time",
		"2026-12-04T10:00:05Z [ERROR] [connector] boom",
	)
	recs = append(recs[:2], append([]model.Record{gap}, recs[2:]...)...)
	es := decodeLead(d, recs)
	first, second := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), time.Date(2026, 12, 4, 10, 0, 5, 0, time.UTC)
	want := []time.Time{first, first, first, first, first, second}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i, w := range want {
		if !es[i].Time.Equal(w) {
			t.Errorf("entry %d (%q): %v, want %v", i, es[i].Raw, es[i].Time, w)
		}
	}
	if !es[0].Flags.Has(model.FlagTimeInferred) {
		t.Error("the header's time is not its own: it must stay flagged inferred")
	}
	// Once a timed line has come, a later job's untimed lines inherit.
	later := decodeLead(d, lineRecords("after the last timed line", "2026-12-04T11:00:00Z [INFO] [connector] later"))
	if !later[0].Time.Equal(second) {
		t.Errorf("an untimed line after the first timed one took %v, want the line before it's %v", later[0].Time, second)
	}
	// A mark with a time of its own (journald's) is no lead, nor the timed
	// line the leads wait for.
	stamped := model.Record{Mark: model.MarkGap, Note: model.GapSuppressed, Count: 2, Received: readTime, Offset: -1, Journal: &model.JournalFields{}}
	d = New(1, Options{Reference: readTime})
	es = decodeLead(d, append([]model.Record{stamped}, lineRecords("banner", "2026-12-04T10:00:00Z [INFO] [connector] up")...))
	if !es[0].Time.Equal(readTime) || !es[1].Time.Equal(first) {
		t.Errorf("a stamped mark then a lead: %v and %v, want %v and %v", es[0].Time, es[1].Time, readTime, first)
	}
}

// A job without a timed line leaves its leads the read time; the next job's
// untimed lines before its first timed one are leads still, and so are a
// part's first lines after ForgetTimes.
func TestLeadAcrossJobs(t *testing.T) {
	d := New(1, Options{Reference: readTime})
	es := decodeLead(d, lineRecords("banner"))
	if !es[0].Time.Equal(readTime) {
		t.Errorf("a lead with no timed line after it took %v, want the read time", es[0].Time)
	}
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	es = decodeLead(d, lineRecords("more banner", "2026-12-04T10:00:00Z [INFO] [connector] up"))
	if !es[0].Time.Equal(at) {
		t.Errorf("a lead of the second job took %v, want %v", es[0].Time, at)
	}
	d.ForgetTimes()
	part := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	es = decodeLead(d, lineRecords("  a part begins untimed", "2026-12-03T09:00:00Z [INFO] [connector] part"))
	if !es[0].Time.Equal(part) {
		t.Errorf("a part's lead took %v, want %v", es[0].Time, part)
	}
}

// In a compose stream a lead takes the time of its own service's first
// timed line only: another service's is unrelated.
func TestLeadKeepsToItsWriter(t *testing.T) {
	es := decodeLead(New(1, Options{Reference: readTime}), lineRecords(
		"traefik   | some line without a time",
		"pangolin  | (a line without a time)",
		"pangolin  | 2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1",
	))
	if pangolin := time.Date(2026, 1, 29, 16, 17, 37, 0, time.UTC); !es[1].Time.Equal(pangolin) {
		t.Errorf("pangolin's lead took %v, want %v", es[1].Time, pangolin)
	}
	if !es[0].Time.Equal(readTime) {
		t.Errorf("traefik's lead took %v, want the read time", es[0].Time)
	}
	// Another service's timed line first: each lead waits for its own.
	es = decodeLead(New(1, Options{Reference: readTime}), lineRecords(
		"a-1  | banner of a",
		"b-1  | 2026-12-04T09:00:00Z INF b starts",
		"a-1  | 2026-12-04T11:00:00Z INF a starts",
	))
	if a := time.Date(2026, 12, 4, 11, 0, 0, 0, time.UTC); !es[0].Time.Equal(a) {
		t.Errorf("a's lead after b's timed line took %v, want a's first time %v", es[0].Time, a)
	}
	// And in a later job than b's.
	d := New(1, Options{Reference: readTime})
	decodeLead(d, lineRecords("b-1  | 2026-12-04T09:00:00Z INF b starts"))
	es = decodeLead(d, lineRecords("a-1  | banner of a", "a-1  | 2026-12-04T11:00:00Z INF a starts"))
	if a := time.Date(2026, 12, 4, 11, 0, 0, 0, time.UTC); !es[0].Time.Equal(a) {
		t.Errorf("a's lead in a job after b's took %v, want a's first time %v", es[0].Time, a)
	}
}
