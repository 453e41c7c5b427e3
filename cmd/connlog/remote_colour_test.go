//go:build linux && cgo

package main

import (
	"strings"
	"testing"
	"time"

	"connlog/source/remote/vltest"
)

// A word the logger coloured inside is found in the store as in the journal
// file: the words pushed down to the store do not drop the line that the
// query, searching it without its colours, keeps.
func TestExportFindsAColouredWordInTheStore(t *testing.T) {
	srv := vltest.Start(t)
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	line := func(i int, msg string) vltest.Entry {
		return vltest.Entry{Time: at.Add(time.Duration(i) * time.Second), Host: "gw-fra-1", Unit: "twingate-connector.service",
			Identifier: "twingate-connector", PID: 6479, Message: msg}
	}
	entries := []vltest.Entry{
		line(0, "[INFO] [connector] state=\x1b[31mstalled\x1b[0m relay=\x1b[1;33mice\x1b[0m"),
		line(1, "[INFO] [connector] state=online"),
		line(2, "[INFO] [connector] State=Stalled (plain)"),
	}
	file := vltest.MakeJournal(t, t.TempDir(), "gw-fra-1", entries)
	vltest.Ship(t, srv, file)
	srv.WaitRows(t, "*", len(entries))
	for _, q := range []string{`"state=stalled"`, `"state=stalled" "relay=ice"`} {
		local, localErr, localCode := runCLI(t, "export", "--file", file, "--utc", "--format", "raw", "-q", q)
		fleet, fleetErr, fleetCode := runCLI(t, "export", "--victorialogs", srv.URL(), "--utc", "--format", "raw", "-q", q)
		if localCode != 0 || fleetCode != 0 || !strings.Contains(local, "state=\x1b[31mstalled") {
			t.Fatalf("-q %s: the journal file (exit %d, %s) gives %q; the store (exit %d, %s)", q, localCode, localErr, local, fleetCode, fleetErr)
		}
		if fleet != local {
			t.Errorf("-q %s: the store gives\n%q\nthe journal file\n%q", q, fleet, local)
		}
	}
}
