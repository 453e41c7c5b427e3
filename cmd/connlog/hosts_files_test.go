package main

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
)

// Syslog files of two machines exported together: the text names each
// line's host and the CSV has a host column, as the interface's export of
// the same view does (its store saw the two hosts); one machine's file
// alone is exported as before, without them.
func TestExportOfFilesOfSeveralHostsNamesTheHost(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log")
	writeFile(t, a, "2026-11-20T08:00:00+00:00 gw-a twingate-connector[1]: [INFO] [connector] from a\n")
	writeFile(t, b, "2026-11-20T08:00:01+00:00 gw-b twingate-connector[1]: [INFO] [connector] from b\n")
	out, errs, code := runCLI(t, "export", "--utc", "--format", "text", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], " gw-a ") || !strings.Contains(lines[1], " gw-b ") {
		t.Errorf("text of two hosts' files names no host:\n%s", out)
	}
	out, errs, code = runCLI(t, "export", "--utc", "--format", "csv", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][len(rows[0])-1] != "host" || rows[2][len(rows[2])-1] != "gw-b" {
		t.Errorf("CSV of two hosts' files (%v):\n%s", err, out)
	}
	out, _, _ = runCLI(t, "export", "--utc", "--format", "text", a)
	if strings.Contains(out, " gw-a ") {
		t.Errorf("one host's file names its host on every line:\n%s", out)
	}
}
