package ui

import (
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
	"strings"
	"testing"

	"connlog/model"
)

// An input that ended without an entry because its window misses it (a
// journal read with --since and --until) says so in the empty table and the
// footer, asked once, whether the end comes as the updates closing or as the
// sources' states; the answer is shown escaped.
func TestAnEndedInputSaysItsWindowMissesIt(t *testing.T) {
	const note = "no entries from 2025-11-10 to 2025-11-11; the input spans 2026-02-10 08:00–09:30"
	for _, end := range []struct {
		name string
		msg  any
	}{
		{"updates closed", updatesClosedMsg{}},
		{"sources done", updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "twingate-connector", State: "done", Done: true}}}}},
	} {
		t.Run(end.name, func(t *testing.T) {
			nothing, _ := newFixtureStore(t, nil)
			m := newTestModel(t, nothing, 120, 12)
			asked := 0
			m.cfg.WindowMiss = func() string { asked++; return note + "\x1b[31m" }
			m = drive(t, m, end.msg, end.msg)
			s := screen(m)
			if asked != 1 {
				t.Errorf("asked %d times; want once", asked)
			}
			if !strings.Contains(s, "("+note) {
				t.Errorf("the empty table does not say why:\n%s", s)
			}
			if strings.Count(s, note) != 2 {
				t.Errorf("the footer does not say why too:\n%s", s)
			}
			if strings.Contains(m.View().Content, "\x1b[31m") {
				t.Error("the answer reaches the terminal unescaped")
			}
		})
	}
}

// The question is not asked while an input may still send entries, nor
// when entries came, nor when there is none to ask.
func TestWindowMissIsAskedOnlyOfAnEmptyEndedInput(t *testing.T) {
	asked := 0
	ask := func() string { asked++; return "no entries since 2027-01-01; the input spans 2026-02-10 08:00–09:30" }

	nothing, _ := newFixtureStore(t, nil)
	m := newTestModel(t, nothing, 120, 12)
	m.cfg.WindowMiss = ask
	following := updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "twingate-connector", State: "journal: twingate-connector (following)"}}}}
	if s := screen(drive(t, m, following)); asked != 0 || !strings.Contains(s, "(no entries yet)") {
		t.Errorf("asked %d times of an input still followed:\n%s", asked, s)
	}

	full, _ := newFixtureStore(t, fixtureEntries())
	m = newTestModel(t, full, 120, 12)
	m.cfg.WindowMiss = ask
	if drive(t, m, updatesClosedMsg{}); asked != 0 {
		t.Errorf("asked %d times of an input that sent entries", asked)
	}

	m = newTestModel(t, nothing, 120, 12) // files: nothing to ask
	if s := screen(drive(t, m, updatesClosedMsg{})); !strings.Contains(s, "(no entries in this input)") {
		t.Errorf("an input without the question:\n%s", s)
	}
}

// A window from the command line (--since, --until: the first filter) that
// misses the lines read says so in the empty table, with the span of the
// input, as the same window typed in the bar does.
func TestACommandLineWindowSaysItMissesTheInput(t *testing.T) {
	st, _ := newFixtureStore(t, nil)
	cfg := testConfig()
	cfg.Query = "since:2026-12-02"
	m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 12})
	m = runCmd(t, m, m.initCmd)
	es := fixtureEntries()
	st.Append(es)
	m = drive(t, m, updateMsg{model.Update{Appended: len(es)}}, frameMsg{})
	want := "(no entries since 2026-12-02; the input spans 2026-11-20 08:00–08:50)"
	if s := screen(m); m.live.len() != 0 || !strings.Contains(s, want) {
		t.Errorf("%d rows; the empty table does not say %q:\n%s", m.live.len(), want, s)
	}
}

// A log store followed whose first read is over (its live tail open) and
// sent nothing is asked too: a mistyped --host showed an empty, healthy
// live view, where an export names the hosts that have entries.
func TestALiveStoreThatSentNothingSaysWhy(t *testing.T) {
	const note = `VictoriaLogs at logs:9428 holds no entries of --host "gw-frx-1"; the hosts with entries: gw-fra-1`
	nothing, _ := newFixtureStore(t, nil)
	m := newTestModel(t, nothing, 120, 12)
	asked := 0
	m.cfg.WindowMiss = func() string { asked++; return note }
	querying := updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "logs:9428", State: "querying"}}}}
	live := updateMsg{model.Update{Sources: []model.SourceStatus{{Name: "logs:9428", State: model.StateLive}}}}
	if drive(t, m, querying); asked != 0 {
		t.Fatalf("asked %d times during the first read", asked)
	}
	m = drive(t, m, querying, live, live)
	if s := screen(m); asked != 1 || !strings.Contains(s, "("+note) {
		t.Errorf("asked %d times; the empty table does not say why:\n%s", asked, s)
	}
}
