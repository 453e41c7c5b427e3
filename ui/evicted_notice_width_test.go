package ui

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// A go-to to a time the budget evicted, and a search that found nothing
// in the lines held, say so on one line of the terminal, at 80 columns as
// at 120: the time asked with its date, that it was evicted (or is not
// held), how many lines went and why.
func TestEvictedNoticesFitOneLine(t *testing.T) {
	for _, w := range []int{120, 80} {
		m, st := evictedModel(t, w, 30)
		ev := st.Snapshot().Eviction()
		count := theme.Commas(ev.Lines)
		cases := []struct {
			name string
			keys []string
			says []string
		}{
			{"go-to among the evicted lines", []string{"G", ":", "2026-11-20 08:00:10", "enter"}, []string{"11-20 08:00:10", "evicted", count}},
			{"go-to before the first entry", []string{"G", ":", "2026-11-20 07:00", "enter"}, []string{"before the first entry", "11-20 08:00:00", count}},
			{"search back to the evicted lines", []string{"g", "/", "ctrl+s", `"line 5 "`, "enter"}, []string{`no matches of "line 5 "`, "lines held", count}},
		}
		for _, c := range cases {
			v := drive(t, m, keys(c.keys...)...)
			checkOneLineNotice(t, v, w, c.name, append(c.says, "--max-memory")...)
		}
		notRead := model.Entry{Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
			Fields: model.Fields{model.Str(model.KeyGapReason, model.GapEvictionReason), model.Int(model.KeyGapCount, 5000)}}
		st.Prepend([]model.Entry{notRead})
		v := drive(t, drive(t, m, frameMsg{}), keys("G", ":", "2026-11-20 07:00", "enter")...)
		checkOneLineNotice(t, v, w, "go-to before the lines held", "11-20 07:00:00: before the lines held", "--max-memory")
	}
}

// checkOneLineNotice checks that m's notice takes one line of the screen
// and says each of says.
func checkOneLineNotice(t *testing.T, m Model, w int, name string, says ...string) {
	t.Helper()
	if m.notice == "" {
		t.Fatalf("%d cols, %s: no notice:\n%s", w, name, screen(m))
	}
	if lines := m.noticeLines(m.styles.Notice); len(lines) != 1 {
		t.Errorf("%d cols, %s: the notice takes %d lines:\n%s", w, name, len(lines), screen(m))
	}
	for _, s := range says {
		if !strings.Contains(m.notice, s) {
			t.Errorf("%d cols, %s: the notice %q does not say %q", w, name, m.notice, s)
		}
	}
}
