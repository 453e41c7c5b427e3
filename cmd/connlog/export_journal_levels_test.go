package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestJournalExportRoundTripKeepsLevels exports log files in the journal
// export format and reads the export back, directly and as the journal
// systemd-journal-remote makes of it: every entry keeps its level, a line
// without one (plain text, a syslog line) included, which must read back
// as no level rather than info.
func TestJournalExportRoundTripKeepsLevels(t *testing.T) {
	const remote = "/lib/systemd/systemd-journal-remote"
	if _, err := os.Stat(remote); err != nil {
		t.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh does)", remote)
	}
	for _, fixture := range []string{"bare.log", "syslog.log", "journal-json.log"} {
		t.Run(fixture, func(t *testing.T) {
			name := fixtureCopy(t, filepath.Join("testdata", "envelopes", fixture))
			want := exportedLevels(t, "export", "--format", "ndjson", name)
			if !slices.Contains(want, "none") || !slices.Contains(want, "info") {
				t.Fatalf("fixture levels %v: want entries with and without a level", want)
			}
			if _, errOut, code := runCLI(t, "export", "-o", "x.export", name); code != 0 {
				t.Fatalf("export to x.export: exit %d: %s", code, errOut)
			}
			compareLevels(t, "the export read back", exportedLevels(t, "export", "--format", "ndjson", "x.export"), want)

			in, err := os.Open("x.export")
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			cmd := exec.Command(remote, "--output=x.journal", "-")
			cmd.Stdin = in
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("journal-remote: %v\n%s", err, out)
			}
			got := exportedLevels(t, "export", "--format", "ndjson", "--all-units", "-n", "all", "--file", "x.journal")
			compareLevels(t, "the journal imported from the export", got, want)
		})
	}
}

// exportedLevels runs connlog with args (an ndjson export) and returns the
// level of each entry, in order.
func exportedLevels(t *testing.T, args ...string) []string {
	t.Helper()
	out, errOut, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("connlog %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	var levels []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var e struct {
			Level string `json:"level"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		levels = append(levels, e.Level)
	}
	return levels
}

func compareLevels(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s has %d entries, want %d", what, len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: entry %d has level %q, want %q", what, i+1, got[i], want[i])
		}
	}
}
