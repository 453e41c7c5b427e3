package main

import "testing"

// A log store read for every host, a pattern or several names is a fleet,
// whose table keeps the HOST column; one host named is not (the title
// names it), nor is a local input.
func TestFleetOfMany(t *testing.T) {
	for _, c := range []struct {
		name  string
		url   string
		hosts []string
		want  bool
	}{
		{"every host", "http://logs:9428", nil, true},
		{"a pattern", "http://logs:9428", []string{"gw-fra-*"}, true},
		{"two names", "http://logs:9428", []string{"gw-fra-1", "gw-fra-2"}, true},
		{"one name", "http://logs:9428", []string{"gw-fra-1"}, false},
		{"local", "", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var cfg Config
			cfg.Remote.VictoriaLogs, cfg.Remote.Hosts = c.url, c.hosts
			if got := fleetOfMany(cfg); got != c.want {
				t.Errorf("fleetOfMany %v, want %v", got, c.want)
			}
		})
	}
}
