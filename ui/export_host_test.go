package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// TestExportNamesTheDataHosts: the default name and the manifest name the
// hosts the entries came from, never this machine's: one host by its name,
// several by their count, none as unknown.
func TestExportNamesTheDataHosts(t *testing.T) {
	onHost := func(ms int, host string) model.Entry {
		e := service(ms, model.LevelInfo, "connector", "", "State: Online "+host)
		e.Origin.Host, e.Origin.Journal = host, nil
		return e
	}
	cases := []struct {
		name      string
		hosts     []string
		wantName  string
		wantHosts string
	}{
		{"one host", []string{"connector-host-1", "connector-host-1"}, "connlog-connector-host-1-", "connector-host-1"},
		{"several hosts", []string{"connector-host-1", "connector-host-2", "connector-host-1"}, "connlog-2-hosts-", "connector-host-1, connector-host-2"},
		{"no host", []string{"", ""}, "connlog-unknown-host-", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var es []model.Entry
			for i, h := range c.hosts {
				es = append(es, onHost(i*1000, h))
			}
			m := drive(t, earlierDayModel(t, es, 120, 40), keys("x")...)
			if got := filepath.Base(m.dialog.Plan().DefaultName); !strings.HasPrefix(got, c.wantName) {
				t.Errorf("default name %q; want it to start %q", got, c.wantName)
			}
			if m.dialog.Plan().Host != c.wantHosts {
				t.Errorf("manifest host %q; want %q", m.dialog.Plan().Host, c.wantHosts)
			}
		})
	}
}
