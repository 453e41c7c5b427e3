package export

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// A manifest whose caller named no host (a headless export) names the
// hosts its entries came from, sorted (as its "hosts" counts are), so that
// two exports of the same entries say the same; a named host is kept.
func TestManifestHostFromEntries(t *testing.T) {
	at := func(host string) *model.Entry {
		return &model.Entry{Time: time.Unix(1, 0), Origin: model.Origin{Host: host, Offset: -1}}
	}
	for _, c := range []struct {
		name, named string
		hosts       []string
		want        string
	}{
		{"one host", "", []string{"gw-1", "gw-1"}, "gw-1"},
		{"several, sorted", "", []string{"gw-2", "", "gw-1", "gw-2"}, "gw-1, gw-2"},
		{"none", "", []string{""}, ""},
		{"named by the caller", "conn-1", []string{"gw-1"}, "conn-1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newManifest(Options{Bundle: BundleInfo{Host: c.named}})
			for _, h := range c.hosts {
				m.observe(at(h))
			}
			m.finish(Options{}, nil, time.Unix(2, 0))
			if m.Host != c.want {
				t.Errorf("host %q, want %q", m.Host, c.want)
			}
		})
	}
}

// The reopen command of a bundle of several hosts, or of a journal's
// entries, reads entries.ndjson, which keeps each entry's host: raw.log
// holds the lines alone, so that a query on the host would select nothing
// there, and the table would show no host. A bundle of lines of one host,
// or of none, reopens raw.log, as before.
func TestManifestReopensSeveralHostsFromTheEntries(t *testing.T) {
	at := func(host string) *model.Entry {
		e := &model.Entry{Time: time.Unix(1, 0), Origin: model.Origin{Host: host, Offset: -1}}
		if h, ok := strings.CutPrefix(host, "journal:"); ok { // its line does not name its host
			e.Origin = model.Origin{Offset: -1, Journal: &model.JournalFields{Hostname: h}}
		}
		return e
	}
	for _, c := range []struct {
		name  string
		opts  Options
		hosts []string
		want  string
	}{
		{"one host", Options{}, []string{"gw-1", "gw-1"}, "connlog -q 'host:gw-1' raw.log"},
		{"one host of a journal", Options{}, []string{"journal:gw-1"}, "connlog -q 'host:gw-1' entries.ndjson"},
		{"no host", Options{}, []string{""}, "connlog -q 'host:gw-1' raw.log"},
		{"several hosts", Options{}, []string{"gw-2", "gw-1"}, "connlog -q 'host:gw-1' entries.ndjson"},
		{"several, the caller named them", Options{Bundle: BundleInfo{Host: "gw-1, gw-2"}}, []string{"gw-2", "gw-1"}, "connlog -q 'host:gw-1' entries.ndjson"},
		{"a fleet", Options{Hosts: true}, []string{"gw-1"}, "connlog -q 'host:gw-1' entries.ndjson"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.opts.Bundle.Query = "host:gw-1"
			m := newManifest(c.opts)
			for _, h := range c.hosts {
				m.observe(at(h))
			}
			m.finish(c.opts, nil, time.Unix(2, 0))
			if m.Reopen != c.want {
				t.Errorf("reopen %q, want %q", m.Reopen, c.want)
			}
		})
	}
}
