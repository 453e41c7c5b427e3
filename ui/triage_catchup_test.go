package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/internal/uitest"
)

// TestOpenTriageViewCatchesUpWhenRowsStop: rows adopted too soon after a
// refresh, or while the first report was counted, are counted at the
// clock's next tick once the refresh is due, though no row comes after
// them (the end of a file, a quiet connector): the view does not stay
// behind the table until the next row.
func TestOpenTriageViewCatchesUpWhenRowsStop(t *testing.T) {
	newcomer := func(ms int) []model.Entry {
		return []model.Entry{analytics(ms, model.EventFailed, fmt.Sprint("nn", ms), "newcomer@example.com", "CONNECTION_FAILED: refused", 0, 0, 0)}
	}
	// P: the fixture's 13 entries (its gap and boundary rows are not
	// entries), then the 2 newcomers.
	for _, c := range []struct{ key, shows string }{{"s", "newcomer@example.com"}, {"P", "15 entries"}, {"S", "refused"}} {
		for _, during := range []bool{false, true} {
			st, rp := newFixtureStore(t, fixtureEntries())
			m := newTestModel(t, st, 120, 40)
			now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
			m.cfg.Now = func() time.Time { return now }
			add := func(es []model.Entry) {
				rp.add(es)
				st.Append(es)
				m = drive(t, m, frameMsg{})
			}
			if during {
				// The rows come while the first report is counted: it is
				// counted before them and reaches the model after them.
				nm, count := m.Update(keys(c.key)[0])
				m = nm.(Model)
				report := callCmd(t, count)
				add(newcomer(90_000))
				add(newcomer(91_000))
				m = drive(t, m, report)
			} else {
				m = drive(t, m, keys(c.key)...)
				add(newcomer(90_000))
				add(newcomer(91_000))
			}
			if strings.Contains(screen(m), c.shows) {
				t.Fatalf("%s (during the count: %v): the test needs the view behind before the tick:\n%s", c.key, during, screen(m))
			}
			now = now.Add(triageRefreshEvery)
			m = tickOnce(t, m, now)
			if !strings.Contains(screen(m), c.shows) {
				t.Errorf("%s (during the count: %v): still behind the table at the clock's tick:\n%s", c.key, during, screen(m))
			}
		}
	}
}

// tickOnce hands the model one tick of the clock and runs what it starts,
// but not the next tick.
func tickOnce(t *testing.T, m Model, now time.Time) Model {
	t.Helper()
	nm, cmd := m.Update(clockMsg(now))
	return uitest.Run(t, nm.(Model), cmd, func(m Model, msg tea.Msg) (Model, tea.Cmd) {
		if _, tick := msg.(clockMsg); tick {
			return m, nil
		}
		nm, next := m.Update(msg)
		return nm.(Model), next
	})
}
