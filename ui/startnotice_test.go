package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// TestStartNoticeShowsUntilAKey: what was noticed about the inputs as they
// opened (two names of one file) is in the footer from the first screen,
// not only on standard error once the interface ends; a key that is not a
// move clears it, as any notice.
func TestStartNoticeShowsUntilAKey(t *testing.T) {
	st, _ := newFixtureStore(t, fixtureEntries())
	cfg := testConfig()
	cfg.Notice = "a.log and b.log are the same file: read once, as a.log"
	m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 24})
	m = runCmd(t, m, m.initCmd)
	if !strings.Contains(screen(m), "are the same file: read once, as a.log") {
		t.Fatalf("the first screen does not say it:\n%s", screen(m))
	}
	if m = drive(t, m, keys("esc")...); strings.Contains(screen(m), "are the same file") {
		t.Errorf("a key does not clear it:\n%s", screen(m))
	}
}
