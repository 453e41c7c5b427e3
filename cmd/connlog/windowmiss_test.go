//go:build linux && cgo

package main

import (
	"strings"
	"testing"

	"connlog/source/remote/vltest"
)

// A log store read with a window that misses it says where its entries
// of the hosts and units asked for begin and end, as the same journal read
// locally does; a window that meets them says nothing.
func TestStoreWindowMissNamesTheStoresSpan(t *testing.T) {
	srv := vltest.Start(t)
	files := shipFleet(t, srv)
	for _, window := range [][]string{{"--until", "2026-02-09"}, {"--since", "2026-02-11 08:00", "--until", "2026-02-11 09:00"}} {
		for host, file := range files {
			_, local, _ := runCLI(t, append([]string{"export", "--utc", "--file", file}, window...)...)
			out, fleet, code := runCLI(t, append([]string{"export", "--utc", "--victorialogs", srv.URL(), "--host", host}, window...)...)
			if code != 0 || out != "" || !strings.Contains(local, "; the input spans 2026-02-10 08:00:00–08:00:") || fleet != local {
				t.Errorf("%s %v: exit %d, output %q; the store says %q, the journal file %q", host, window, code, out, fleet, local)
			}
		}
	}
	_, errs, _ := runCLI(t, "export", "--utc", "--victorialogs", srv.URL(), "--since", "2026-02-10 08:00", "-q", "user:nobody-at-all")
	if strings.Contains(errs, "no entries since") || strings.Contains(errs, "the input spans") ||
		!strings.Contains(errs, `connlog: no entries matched -q "user:nobody-at-all"`) {
		t.Errorf("a window meeting the store is explained, or the query matching nothing is not: %q", errs)
	}
	miss := tuiWindowMiss(t.Context(), Config{Remote: remoteFlags{VictoriaLogs: srv.URL()}, Units: listFlag{defaultUnit}, UTC: true, SinceText: "2027-01-01"})
	if miss == nil || !strings.HasPrefix(miss(), "no entries since 2027-01-01; the input spans 2026-02-10 08:00:00–08:00:") {
		t.Errorf("the interface is not told why the store sent nothing")
	}
}
