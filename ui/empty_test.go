package ui

import (
	"fmt"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/triage"
)

// TestAnEmptyTableSaysWhy: an empty table tells an input that sent nothing
// (yet, or at all) from a tab whose lines the input lacks, and both from a
// filter that matches nothing.
func TestAnEmptyTableSaysWhy(t *testing.T) {
	says := func(t *testing.T, m Model, want string) {
		t.Helper()
		if s := screen(m); !strings.Contains(s, want) {
			t.Errorf("the screen does not say %q:\n%s", want, s)
		}
	}
	nothing, _ := newFixtureStore(t, nil)
	m := newTestModel(t, nothing, 100, 12)
	says(t, m, "(no entries yet)")
	says(t, drive(t, m, updatesClosedMsg{}), "(no entries in this input)")
	m.sources = []model.SourceStatus{{Name: "x.log", State: "waiting for /var/log/x.log"}}
	says(t, m, "(no entries yet: waiting for /var/log/x.log)")
	m.sources = []model.SourceStatus{{Name: "x.log", State: "following", Err: "open x.log: permission denied\x1b[31m", Done: true}}
	says(t, m, "(no entries: open x.log: permission denied")
	if strings.Contains(m.View().Content, "\x1b[31m") {
		t.Error("a source's error reaches the terminal unescaped")
	}
	m.sources = append(m.sources, model.SourceStatus{Name: "y.log", State: "waiting for y.log"})
	says(t, m, "(no entries yet)")
	m.sources = []model.SourceStatus{{Name: "x.log", State: "following"}}
	says(t, m, "(no entries yet)")
	m.sources = nil

	// An error longer than a line is wrapped, what to do at its end included.
	narrow := newTestModel(t, nothing, 50, 12)
	narrow.sources = []model.SourceStatus{{Name: "c.log.gz", Err: "c.log.gz: -n reads the last lines of a regular file, and this one is compressed: zcat FILE | tail -n N | connlog -", Done: true}}
	if s := screen(narrow); !strings.Contains(s, "zcat FILE | tail -n N | connlog -)") {
		t.Errorf("a long error is not wrapped whole:\n%s", s)
	}

	var service []model.Entry
	for _, e := range fixtureEntries() {
		if e.Kind == model.KindService {
			service = append(service, e)
		}
	}
	st, _ := newFixtureStore(t, service)
	m = newTestModel(t, st, 100, 12)
	says(t, drive(t, m, keys("5")...), "(no Tailscale flows or Pangolin sessions yet)")
	says(t, drive(t, m, append(keys("4"), updatesClosedMsg{})...), "(no audit records in this input)")
	read := drive(t, m, keys("4")...)
	read.sources = []model.SourceStatus{{Name: "x.log", State: "read to the end", Done: true}} // standard input at its end
	says(t, read, "(no audit records in this input)")
	says(t, drive(t, m, keys("/", "zzzz", "enter")...), "(no entries match the filter)")
	says(t, drive(t, m, keys("2", "/", "zzzz", "enter")...), "(no entries match the filter)")

	// While the view of a new filter is built, over a view that was empty.
	empty := drive(t, m, keys("/", "zzzz", "enter")...)
	building, _ := empty.applyFilter("qqqq", TabAll) // its Cmd, the build, not run
	says(t, building.(Model), "(filtering…)")
	nm, _ := drive(t, m, keys("5")...).Update(keys("1")[0])
	says(t, nm.(Model), "(loading…)")
}

// TestATableOfMutedLinesSaysSo: a view that the muted templates empty says
// how to bring the lines back.
func TestATableOfMutedLinesSaysSo(t *testing.T) {
	var es []model.Entry
	for i := range 20 {
		es = append(es, analytics(1000*i, model.EventFailed, fmt.Sprint("c", i), "alice@example.com", "", 10, 20, 30))
	}
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 100, 12)
	key := string(triage.TemplateKey(nil, &es[0]))
	m.mutes = muteSet{snapshot: st.Snapshot}.toggle(mutedTemplate{key: key, kind: es[0].Kind.String(), level: es[0].Level.String(), count: 20})
	nm, cmd := m.applyFilter("", TabConnections)
	m = runCmd(t, nm.(Model), cmd)
	if s := screen(m); !strings.Contains(s, "(every line is muted: P lists the templates, m un-mutes)") {
		t.Errorf("the screen does not say the lines are muted:\n%s", s)
	}
}
