package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// The strip over last year's log writes its days with their year, as the
// table does its rows'.
func TestTimelineWritesAnotherYear(t *testing.T) {
	const day = 24 * 3600 * 1000
	st, _ := newFixtureStore(t, []model.Entry{
		service(-400*day, model.LevelInfo, "connector", "", "last year"),
		service(-300*day, model.LevelInfo, "connector", "", "later last year"),
	})
	m := drive(t, newTestModel(t, st, 120, 30), keys("T")...)
	strip := strings.Split(screen(m), "\n")
	for _, l := range strip {
		if strings.HasPrefix(l, "timeline ") {
			if !strings.Contains(l, "2025-") {
				t.Errorf("the strip's info line has no year: %q", l)
			}
			return
		}
	}
	t.Fatalf("no strip on the screen:\n%s", screen(m))
}
