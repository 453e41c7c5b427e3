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
		{"several hosts, sorted", []string{"connector-host-2", "connector-host-1"}, "connlog-2-hosts-", "connector-host-1, connector-host-2"},
		{"no host", []string{"", ""}, "connlog-20261120T080000Z-", ""},
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

// TestExportNamesTheFileOfHostlessLines: lines that name no host (a plain
// log file) are named in the default file name by the one file they were
// read from; by none when they come from several.
func TestExportNamesTheFileOfHostlessLines(t *testing.T) {
	for _, c := range []struct {
		name     string
		sources  []string
		from     []model.SourceID
		wantName string
	}{
		{"one file", []string{"/var/log/twingate/connector.log"}, []model.SourceID{0, 0}, "connlog-connector-"},
		{"the second of two", []string{"a.log", "/tmp/b.log.1"}, []model.SourceID{1, 1}, "connlog-b.log-"},
		{"two files", []string{"a.log", "b.log"}, []model.SourceID{0, 1}, "connlog-20261120T080000Z-"},
		{"a name that is only an extension", []string{"/tmp/.log"}, []model.SourceID{0}, "connlog-20261120T080000Z-"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var es []model.Entry
			for i, id := range c.from {
				e := service(i*1000, model.LevelInfo, "connector", "", "State: Online")
				e.Origin.Host, e.Origin.Journal, e.Source = "", nil, id
				es = append(es, e)
			}
			m := earlierDayModel(t, es, 120, 40)
			for _, s := range c.sources {
				m.sources = append(m.sources, model.SourceStatus{Name: s})
			}
			m = drive(t, m, keys("x")...)
			if got := filepath.Base(m.dialog.Plan().DefaultName); !strings.HasPrefix(got, c.wantName) {
				t.Errorf("default name %q; want it to start %q", got, c.wantName)
			}
		})
	}
}
