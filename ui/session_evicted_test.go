package ui

import (
	"strings"
	"testing"

	"connlog/model/triage"
)

// TestEvictedSessionNoticeFitsOneLine: choosing in the sessions view a
// connection whose events --max-memory evicted since says so in one line
// of the footer, at 80 columns as at 120, and names the budget.
func TestEvictedSessionNoticeFitsOneLine(t *testing.T) {
	for _, w := range []int{80, 120} {
		m := goldenModel(t, w, 24)
		sn := m.store.Snapshot()
		gone := triage.Session{ID: "gone", Opened: sn.End() + 10, Closed: sn.End() + 11} // seqs the store does not hold
		out, _ := m.openSession(gone)
		m = out.(Model)
		if !strings.Contains(m.notice, "--max-memory") {
			t.Fatalf("%d columns: the notice does not name the budget: %q", w, m.notice)
		}
		if _, second := m.footerParts(); len(second) != 1 {
			t.Errorf("%d columns: the notice takes %d lines: %q", w, len(second), second)
		}
	}
}
