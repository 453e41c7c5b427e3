package ui

import (
	"strings"
	"testing"
)

// The selection's count is in the singular for one row.
func TestSelectionCountsOneRow(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	m := drive(t, newTestModel(t, st, 120, 35), keys("g", "v")...)
	if out := screen(m); !strings.Contains(out, "selecting 1 row ") || strings.Contains(out, "1 rows") {
		t.Errorf("one row selected:\n%s", out)
	}
	m = drive(t, m, keys("j")...)
	if out := screen(m); !strings.Contains(out, "selecting 2 rows") {
		t.Errorf("two rows selected:\n%s", out)
	}
}
