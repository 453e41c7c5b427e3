package model

import (
	"testing"
	"time"
)

func TestLedgerCountsLinesAndBytesApart(t *testing.T) {
	var l Ledger
	at := time.Unix(0, 0)
	l.Add(GapEvictionReason, 11000, at)
	l.Add("line too long", 19922944, at)
	l.Add("truncated", 0, at)
	l.Add("suppressed by journald", 5, at)
	if l.Lines() != 11005 || l.Bytes() != 19922944 || l.Unknown != 1 || l.Events != 4 {
		t.Errorf("lines %d bytes %d unknown %d events %d", l.Lines(), l.Bytes(), l.Unknown, l.Events)
	}
	want := "4 gaps: 11005 lines, 19922944 bytes, 1 of unknown size (line too long, memory budget, suppressed by journald, truncated)"
	if got := l.Summary(); got != want {
		t.Errorf("Summary = %q\nwant %q", got, want)
	}
	if (Ledger{}).Summary() != "" {
		t.Error("an empty ledger has a summary")
	}
}
