package ui

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// heldSpan is how a go-to names the span of the lines held, the year of
// the test's clock left out of its dates.
func heldSpan(t *testing.T, st *model.Store) string {
	t.Helper()
	sn := st.Snapshot()
	return strings.ReplaceAll(query.SpanText(sn.Time(sn.FirstLine()), sn.Time(sn.End()-1), time.UTC), "2026-", "")
}

// `:` to a time in the lines the budget evicted says so, with how many
// went and the span of the part held, and puts the cursor on the gap row
// that tells of them, from the end of the log (following) or with a filter
// that hides that row (then on the first row); a time before the first
// line read says that it is before the first entry, which was evicted.
// The notice is one line at 120 columns: where the cursor went is said
// when that fits too.
func TestGotoAnEvictedTime(t *testing.T) {
	m, st := evictedModel(t, 120, 30)
	ev := st.Snapshot().Eviction()
	evicted := "evicted (" + theme.Commas(ev.Lines) + " lines, --max-memory); held " + heldSpan(t, st)
	in := "11-20 08:00:10: " + evicted
	before := "before the first entry (11-20 08:00:00), " + evicted
	cases := []struct {
		filter, at, notice string
		onGap              bool
	}{
		{"", "2026-11-20 08:00:10", in + ": at the gap row", true},
		{"", "2026-11-20 07:00", before, true},
		{"kind:service", "2026-11-20 08:00:10", in + ": at the first row", false},
		{"kind:service", "2026-11-20 07:00", before, false},
	}
	for _, c := range cases {
		v := m
		if c.filter != "" {
			v = drive(t, v, keys("/", c.filter, "enter")...)
		}
		v = drive(t, v, keys("G", ":", c.at, "enter")...)
		want := ev.GapSeq
		if !c.onGap {
			want = v.live.seqAt(0)
		}
		if v.notice != c.notice || v.table.CursorSeq() != want {
			t.Errorf("filter %q, :%s: cursor on %d, notice %q; want %d, %q", c.filter, c.at, v.table.CursorSeq(), v.notice, want, c.notice)
		}
	}
}

// When lines were counted without being read (a backfill stopped by the
// budget), where the input begins is not known: a time before the lines
// held is said to be before them, with what was evicted.
func TestGotoBeforeTheLinesHeldWhenSomeWereNotRead(t *testing.T) {
	m, st := evictedModel(t, 120, 30)
	notRead := model.Entry{Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason, model.GapEvictionReason), model.Int(model.KeyGapCount, 5000)}}
	st.Prepend([]model.Entry{notRead})
	m = drive(t, m, frameMsg{})
	sn := st.Snapshot()
	ev := sn.Eviction()
	if !ev.Earliest.IsZero() {
		t.Fatalf("eviction %+v knows where the input begins: the test does not test", ev)
	}
	v := drive(t, m, keys("G", ":", "2026-11-20 07:00", "enter")...)
	want := "11-20 07:00:00: before the lines held (" + theme.Commas(ev.Lines) + " lines, --max-memory); held " + heldSpan(t, st) + ": at the gap row"
	if v.notice != want || v.table.CursorSeq() != ev.GapSeq {
		t.Errorf(":07:00: cursor on %d, notice %q; want %d, %q", v.table.CursorSeq(), v.notice, ev.GapSeq, want)
	}
}
