package ui

import (
	"strings"
	"testing"

	"connlog/model"
)

// onHost moves an entry to another host, as a fleet's store would hold it.
func onHost(e model.Entry, host string) model.Entry {
	j := *e.Origin.Journal
	j.Hostname = host
	e.Origin.Journal, e.Origin.Host = &j, host
	return e
}

func TestHostColumnOnlyWithMoreThanOneHost(t *testing.T) {
	one := []model.Entry{
		service(0, model.LevelInfo, "connector", "main", "State: Online"),
		service(100, model.LevelWarn, "libsdwan", "operator()", "failed to get SD"),
	}
	fleet := []model.Entry{onHost(one[0], "gw-fra-1"), onHost(one[1], "gw-fra-2")}
	for _, tc := range []struct {
		name     string
		es       []model.Entry
		wantHost bool
	}{{"one host", one, false}, {"two hosts", fleet, true}} {
		t.Run(tc.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, tc.es)
			m := newTestModel(t, st, 120, 20)
			s := screen(m)
			if got := strings.Contains(s, "HOST"); got != tc.wantHost {
				t.Errorf("HOST column shown: %v, want %v\n%s", got, tc.wantHost, s)
			}
			if tc.wantHost && (!strings.Contains(s, "gw-fra-1") || !strings.Contains(s, "gw-fra-2")) {
				t.Errorf("the rows do not name their hosts:\n%s", s)
			}
		})
	}
}
