package decode

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// TestGapEntriesSayWhatHappened decodes the gap records the sources send:
// the journal reader's dropped file and unreadable entry once read as a
// copytruncate, because their reasons contain "truncated".
func TestGapEntriesSayWhatHappened(t *testing.T) {
	cases := []struct {
		note  string
		count int64
		want  string
	}{
		{model.GapJournalFileDropped, 0, "journal file dropped (truncated or corrupted): an unknown amount may be missing"},
		{model.GapJournalEntryUnreadable, 1, "journal entry unreadable (truncated or corrupted): up to 1 message may be missing"},
		{model.GapJournalHistory, 0, "journal files were rotated or vacuumed while being read: an unknown amount may be missing"},
		{model.GapTruncated, 0, "file truncated (copytruncate): an unknown amount may be missing"},
		{model.GapLineTooLong, 5000, "line too long, its end was dropped: up to 5000 bytes may be missing"},
		{model.GapSuppressed, 12, "journald suppressed messages (rate limit): up to 12 messages may be missing"},
	}
	for _, tc := range cases {
		t.Run(tc.note, func(t *testing.T) {
			es := decodeAll(Options{}, []model.Record{{Mark: model.MarkGap, Note: tc.note, Count: tc.count, Received: readTime, Offset: -1}})
			if len(es) != 1 || es[0].Kind != model.KindGap {
				t.Fatalf("entries %+v, want one gap", es)
			}
			msg := es[0].Fields.Value(model.KeyMessage)
			if msg != tc.want {
				t.Errorf("message %q\nwant    %q", msg, tc.want)
			}
			if tc.note != model.GapTruncated && strings.Contains(msg, "copytruncate") {
				t.Errorf("a %q gap is worded as a copytruncate", tc.note)
			}
		})
	}
}

// TestGapTakesThePreviousEntrysTime: a gap noticed today in yesterday's log
// is dated among yesterday's lines, so a window of them keeps it; a gap
// before any entry (NUL bytes at a file's start) is a lead: it takes the
// first line's time once settled, the time it was noticed until then.
func TestGapTakesThePreviousEntrysTime(t *testing.T) {
	noticed := readTime.Add(36 * time.Hour)
	gap := model.Record{Mark: model.MarkGap, Note: model.GapLineTooLong, Count: 9, Received: noticed, Offset: -1}
	recs := append([]model.Record{gap}, lineRecords(
		"2023-09-15T12:03:47.5Z [INFO] [connector] before",
		"2023-09-15T12:03:49Z [INFO] [connector] after")...)
	recs = append(recs[:2], append([]model.Record{gap}, recs[2:]...)...)
	es := decodeAll(Options{}, recs)
	if len(es) != 4 || es[0].Kind != model.KindGap || es[2].Kind != model.KindGap {
		t.Fatalf("entries %+v, want a gap, a line, a gap and a line", es)
	}
	if first := es[0]; !first.Time.Equal(noticed) || !first.Flags.Has(model.FlagTimeInferred) {
		t.Errorf("gap before any entry at %v (flags %b), want the time it was noticed, %v, inferred", first.Time, first.Flags, noticed)
	}
	// Settled as a lead (see SettleLead), it takes the first line's time.
	led := decodeLead(New(1, Options{}), recs)
	if !led[0].Time.Equal(led[1].Time) {
		t.Errorf("gap before any entry, settled, at %v; want the first line's time %v", led[0].Time, led[1].Time)
	}
	mid := es[2]
	if want := es[1].Time; !mid.Time.Equal(want) || !mid.Flags.Has(model.FlagTimeInferred) {
		t.Errorf("gap after a line at %v (flags %b), want the line's time %v, inferred", mid.Time, mid.Flags, want)
	}
	if !mid.Origin.Received.Equal(noticed) {
		t.Errorf("gap received %v, want the time it was noticed, %v", mid.Origin.Received, noticed)
	}
	if last := es[3]; last.Time.Before(mid.Time) {
		t.Errorf("the line after the gap (%v) is dated before it (%v)", last.Time, mid.Time)
	}
}

// TestStampedGapKeepsItsTime: journald's rate-limit notice is an entry of
// the journal with its own time; the gap it reports keeps that time.
func TestStampedGapKeepsItsTime(t *testing.T) {
	stamped := readTime.Add(time.Minute)
	recs := append(lineRecords("2023-09-15T12:03:47.5Z [INFO] [connector] before"),
		model.Record{Mark: model.MarkGap, Note: model.GapSuppressed, Count: 12, Received: stamped, Offset: -1,
			Journal: &model.JournalFields{Unit: "twingate-connector.service"}})
	es := decodeAll(Options{}, recs)
	if len(es) != 2 || es[1].Kind != model.KindGap {
		t.Fatalf("entries %+v, want a line and a gap", es)
	}
	if g := es[1]; !g.Time.Equal(stamped) || g.Flags.Has(model.FlagTimeInferred) {
		t.Errorf("journald's gap at %v (flags %b), want journald's time %v", g.Time, g.Flags, stamped)
	}
}
