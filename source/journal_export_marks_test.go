package source

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/export"
)

// markRecords are a gap and a boundary of every kind connlog's sources
// send, as they send them: those of the journal (a restart or a reboot,
// journald's rate limit) carry the journal fields of the entry they stand
// before, or of journald's notice; those of a file carry none.
func markRecords() []model.Record {
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	next := &model.JournalFields{Cursor: "s=abc;i=9", Hostname: "gw-fra-1", Unit: "twingate-connector.service",
		Identifier: "twingate-connector", PID: 702, Priority: 6, BootID: strings.Repeat("cd", 16),
		InvocationID: strings.Repeat("ef", 16), Transport: "stdout"}
	notice := &model.JournalFields{Cursor: "s=abc;i=5", Hostname: "gw-fra-1", Unit: "twingate-connector.service",
		Identifier: "systemd-journald", Priority: 6, BootID: strings.Repeat("ab", 16)}
	var rs []model.Record
	add := func(r model.Record) {
		r.Source, r.Offset, r.Received = 3, -1, at.Add(time.Duration(len(rs))*time.Second)
		rs = append(rs, r)
	}
	for _, note := range []string{JournalNoteRestart, JournalNoteReboot, "", "new boot 3"} {
		add(model.Record{Mark: model.MarkBoundary, Note: note, Journal: next})
		add(model.Record{Mark: model.MarkBoundary, Note: note})
	}
	add(model.Record{Mark: model.MarkGap, Note: JournalNoteSuppressed, Count: 1234, Journal: notice})
	for _, reason := range []string{model.GapJournalFileDropped, model.GapJournalEntryUnreadable, model.GapJournalHistory,
		model.GapTruncated, model.GapLineTooLong, model.GapNULBytes, model.GapHeadUnread, model.GapCorruptCompressed + ": a.log.1.gz",
		model.GapNotReadAtStop + ": a.log from byte 3", model.GapEvictionReason, model.GapUnreadableReason} {
		add(model.Record{Mark: model.MarkGap, Note: reason, Count: 12})
		add(model.Record{Mark: model.MarkGap, Note: reason})
	}
	return rs
}

// decodeMarks makes the entries the store would hold of records.
func decodeMarks(rs []model.Record) []model.Entry {
	d := decode.New(3, decode.Options{Location: time.UTC})
	var out []model.Entry
	for i := range rs {
		out = d.Decode(&rs[i], out)
	}
	return d.Flush(out)
}

// markShown is what an entry of a gap or boundary shows and is found by.
func markShown(e *model.Entry) string {
	unit := e.Origin.Unit
	if unit == "" && e.Origin.Journal != nil {
		unit = e.Origin.Journal.Unit
	}
	return fmt.Sprintf("%s %s %s %q host %q unit %q count %s", e.Time.Format(time.RFC3339), e.Kind, e.Level,
		e.Message(), e.Origin.HostName(), unit, e.Fields.Value(model.KeyGapCount))
}

// TestJournalExportMarksComeBack: every gap and boundary connlog exports
// in the journal export format comes back as one, saying what it said,
// of the same host and unit, and none as a line; those of the journal
// included, which carry another entry's journal fields.
func TestJournalExportMarksComeBack(t *testing.T) {
	want := decodeMarks(markRecords())
	got := decodeMarks(readRecords(t, Input{Path: writeJournalExport(t, want, export.CompressNone)}, nil))
	if len(got) != len(want) {
		t.Fatalf("read back %d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if g, w := markShown(&got[i]), markShown(&want[i]); g != w || !got[i].IsMark() {
			t.Errorf("entry %d read back as\n  %s (a mark: %v), want\n  %s", i, g, got[i].IsMark(), w)
		}
	}
}
