//go:build linux && cgo

package main

import (
	"strings"
	"testing"

	"connlog/source/remote/vltest"
)

// A log store that sends nothing says why, as a local input does: no
// entry of the hosts asked for (and which hosts have entries of the units
// asked for), no entry of the units on any host, or filters that matched
// none of what it holds. Holding nothing of the hosts and units asked for
// is exit 1, as a journal's unknown unit is; filters that matched nothing
// stay exit 0, as an empty local result does.
func TestStoreEmptyResultSaysWhy(t *testing.T) {
	srv := vltest.Start(t)
	shipFleet(t, srv)
	store := "VictoriaLogs at " + strings.TrimPrefix(srv.URL(), "http://")
	tests := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no such host", []string{"export", "--host", "nomatch*"}, 1,
			store + ` holds no entries of --host "nomatch*" -u "twingate-connector"; the hosts with entries of -u "twingate-connector": gw-ams-1, gw-fra-1, gw-fra-2`},
		{"no such host, summarised", []string{"summary", "--host", "nomatch*"}, 1,
			store + ` holds no entries of --host "nomatch*" -u "twingate-connector"; the hosts with entries of -u "twingate-connector": gw-ams-1, gw-fra-1, gw-fra-2`},
		{"no such host in a window", []string{"export", "--host", "gw-fra-9", "--all-units", "--since", "2026-02-10 08:00", "--until", "2026-02-10 09:00"}, 1,
			store + ` holds no entries of --host "gw-fra-9"; the hosts with entries in the window --since "2026-02-10 08:00" --until "2026-02-10 09:00": gw-ams-1, gw-fra-1, gw-fra-2`},
		{"no such unit", []string{"export", "--host", "gw-fra-*", "-u", "nomatch"}, 1,
			store + ` holds no entries of --host "gw-fra-*" -u "nomatch"; no host has entries of -u "nomatch": name another unit with -u/-t, or use --all-units`},
		{"words the store matched in nothing", []string{"export", "--host", "gw-fra-1", "-q", "nosuchwordanywhere"}, 0,
			`connlog: no entries matched --host "gw-fra-1" -q "nosuchwordanywhere": the store sent none`},
		{"a window the hosts have nothing in", []string{"export", "--host", "gw-fra-1", "--since", "2026-03-01"}, 0,
			`connlog: no entries since 2026-03-01; the input spans 2026-02-10`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, append(append([]string{}, tc.args[0], "--utc", "--victorialogs", srv.URL()), tc.args[1:]...)...)
			if code != tc.code || !strings.Contains(stderr, tc.says) || strings.Count(stderr, "holds no entries") > 1 {
				t.Errorf("exit %d, stderr %q; want exit %d saying %q once", code, stderr, tc.code, tc.says)
			}
			if tc.args[0] == "export" && out != "" {
				t.Errorf("wrote %q", out)
			}
		})
	}
}

// A time without a date means that time on the day of the newest entry the
// store holds of the hosts and units asked for, as on journal files, not
// today.
func TestStoreTimeWithoutADateIsOnTheDayOfItsNewestEntry(t *testing.T) {
	srv := vltest.Start(t)
	shipFleet(t, srv)
	base := []string{"export", "--utc", "--victorialogs", srv.URL(), "--all-units"}
	dated, _, code := runCLI(t, append(base, "--since", "2026-02-10 08:00", "--until", "2026-02-10 09:00")...)
	if code != 0 || dated == "" {
		t.Fatalf("the dated window: exit %d, %d bytes", code, len(dated))
	}
	got, stderr, code := runCLI(t, append(base, "--since", "08:00", "--until", "09:00")...)
	if code != 0 || got != dated {
		t.Errorf("--since 08:00 --until 09:00: exit %d, stderr %q, %d bytes; want the %d bytes of 2026-02-10 08:00–09:00",
			code, stderr, len(got), len(dated))
	}
}
