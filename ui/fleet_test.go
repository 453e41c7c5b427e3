package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/theme"
)

// onHost moves an entry to another host, as a fleet's store would hold it.
func onHost(e model.Entry, host string) model.Entry {
	j := *e.Origin.Journal
	j.Hostname = host
	e.Origin.Journal, e.Origin.Host = &j, host
	return e
}

// The HOST column shows while the rows on screen come from several hosts,
// and stays once the entries do or may (a fleet) when the rows on screen
// are all one host's, as at the tail of a fleet where one host is busy:
// no row loses its host. Local entries of one host have no such column.
func TestHostColumnWithMoreThanOneHost(t *testing.T) {
	one := []model.Entry{
		service(0, model.LevelInfo, "connector", "main", "State: Online"),
		service(100, model.LevelWarn, "libsdwan", "operator()", "failed to get SD"),
	}
	fleet := []model.Entry{onHost(one[0], "gw-fra-1"), onHost(one[1], "gw-fra-2")}
	tail := []model.Entry{onHost(one[0], "gw-ams-1")} // off screen, above the tail
	for i := 1; i <= 40; i++ {
		tail = append(tail, onHost(service(i*100, model.LevelInfo, "connector", "main", "processing request"), "gw-fra-1"))
	}
	for _, tc := range []struct {
		name     string
		es       []model.Entry
		fleet    bool
		wantHost bool
		shown    []string // hosts the rows on screen name
	}{
		{"one host", one, false, false, nil},
		{"two hosts", fleet, false, true, []string{"gw-fra-1", "gw-fra-2"}},
		{"local, another host off screen", tail, false, true, []string{"gw-fra-1"}},
		{"a fleet of one host so far", tail[1:2], true, true, []string{"gw-fra-1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, tc.es)
			cfg := testConfig()
			cfg.Fleet = tc.fleet
			m := withStyles(New(cfg, st, nil), unstyled(theme.Default()))
			m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 20})
			s := screen(runCmd(t, m, m.initCmd))
			if got := strings.Contains(s, "HOST"); got != tc.wantHost {
				t.Errorf("HOST column shown: %v, want %v\n%s", got, tc.wantHost, s)
			}
			for _, h := range tc.shown {
				if !strings.Contains(s, h) {
					t.Errorf("the rows do not name their host %s:\n%s", h, s)
				}
			}
			if strings.Contains(s, "gw-ams-1") {
				t.Errorf("the first host is on screen; the test wants the tail alone:\n%s", s)
			}
		})
	}
}
