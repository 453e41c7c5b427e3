package triageview

import (
	"testing"
	"time"
)

// Moves typed while a view's first report is computed (a held key, keys
// read in one write) act once it is shown: the row enter then chooses is
// the one the same keys choose when typed after the report. Moves typed
// for an earlier computation do not carry into a new one.
func TestMovesTypedBeforeTheReportAct(t *testing.T) {
	keys := []string{"j", "j", "G", "k"}
	t.Run("top values", func(t *testing.T) {
		open := func() TopNView {
			v := NewTopNView(DefaultKeyMap(), styles())
			v.SetSize(100, 20)
			return v.Start(newJob(7, nil))
		}
		report := ResultMsg{Gen: 7, Report: topReport(), Elapsed: time.Second}
		choice := func(v TopNView) string {
			_, table, value, ok := updateTopN(v, "enter").TakeChoice()
			if !ok {
				return "none"
			}
			return table.String() + " " + value.Value
		}
		early := choice(updateTopN(open(), keys...).SetReport(report))
		late := choice(updateTopN(open().SetReport(report), keys...))
		if early != late || early == choice(open().SetReport(report)) {
			t.Errorf("typed before the report: %q; after it: %q (and %q with no keys)", early, late, choice(open().SetReport(report)))
		}
		if again := choice(updateTopN(open(), keys...).Start(newJob(8, nil)).SetReport(ResultMsg{Gen: 8, Report: topReport()})); again != choice(open().SetReport(report)) {
			t.Errorf("moves of an earlier computation carried into a new one: %q", again)
		}
	})
	t.Run("templates", func(t *testing.T) {
		open := func() TemplatesView {
			v := NewTemplatesView(DefaultKeyMap(), styles())
			v.SetSize(100, 20)
			return v.Start(newJob(4, nil), time.UTC)
		}
		report := ResultMsg{Gen: 4, Report: templatesReport()}
		choice := func(v TemplatesView) string {
			_, chosen, _ := updateTemplates(v, "enter").TakeAction()
			if chosen == nil {
				return "none"
			}
			return chosen.Template.Key
		}
		early := choice(updateTemplates(open(), "j", "j", "k").SetReport(report, nil))
		late := choice(updateTemplates(open().SetReport(report, nil), "j", "j", "k"))
		if early != late || early != "k2" {
			t.Errorf("typed before the report: %q; after it: %q; want k2", early, late)
		}
		// They act once: a refreshed report keeps the cursor where it is.
		v := updateTemplates(open(), "j").SetReport(report, nil)
		v = v.Refresh(newJob(5, nil)).SetReport(ResultMsg{Gen: 5, Report: templatesReport()}, nil)
		if got := choice(v); got != "k2" {
			t.Errorf("after a refresh the cursor is on %q; want it still on k2", got)
		}
	})
	t.Run("sessions", func(t *testing.T) {
		open := func() SessionsView {
			v := NewSessionsView(DefaultKeyMap(), styles())
			v.SetSize(100, 20)
			return v.Start(newJob(2, nil), time.UTC)
		}
		report := ResultMsg{Gen: 2, Report: sessionsReport()}
		choice := func(v SessionsView) string {
			_, chosen := updateSessions(v, "enter").TakeChoice()
			if chosen == nil {
				return "none"
			}
			return chosen.ID
		}
		early := choice(updateSessions(open(), "j", "j").SetReport(report))
		late := choice(updateSessions(open().SetReport(report), "j", "j"))
		if early != late || early == choice(open().SetReport(report)) {
			t.Errorf("typed before the report: %q; after it: %q", early, late)
		}
	})
}

func updateSessions(v SessionsView, keys ...string) SessionsView {
	for _, k := range press(keys...) {
		v, _ = v.Update(k)
	}
	return v
}
