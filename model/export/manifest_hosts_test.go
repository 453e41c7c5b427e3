package export

import (
	"testing"
	"time"

	"connlog/model"
)

// A manifest whose caller named no host (a headless export) names the
// hosts its entries came from; a named host is kept.
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
		{"several, in order", "", []string{"gw-2", "", "gw-1", "gw-2"}, "gw-2, gw-1"},
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
