package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// nulGapLogFile is a log of two entries with a run of four NUL bytes
// between them, which is read as a gap.
func nulGapLogFile(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "nul.log")
	writeLog(t, p, "2026-02-10T08:00:00.000000000Z [INFO] [connector] one\n\x00\x00\x00\x00\n"+
		"2026-02-10T08:00:01.000000000Z [INFO] [connector] two\n")
	return p
}

// TestSummarySaysWhatWasLost: a summary of a range with a gap says so in
// its heading and on stderr with export's words, counts the gap row as no
// entry, and holds a loss object in its JSON form (zeros when nothing was
// lost); --fail-on-loss exits 3 after printing the report, as export does.
func TestSummarySaysWhatWasLost(t *testing.T) {
	in := nulGapLogFile(t)
	_, exportErr, _ := runCLI(t, "export", in)
	warning := "1 gap: 4 bytes (nul bytes); query kind:gap to see them"
	out, stderr, code := runCLI(t, "summary", in)
	if code != 0 || !strings.Contains(out, "  2 entries\n  lost: "+warning) ||
		stderr != strings.Replace(exportErr, "exported", "summarised", 1) || !strings.Contains(stderr, warning) {
		t.Errorf("exit %d, stderr %q (export's %q), output:\n%s", code, stderr, exportErr, out)
	}
	jsonOut, _, _ := runCLI(t, "summary", "--format", "json", in)
	var s struct {
		Entries int64 `json:"entries"`
		GapRows int64 `json:"gap_rows"`
		Loss    *struct {
			Gaps, Lines, Bytes int64
			Reasons            map[string]int64
		} `json:"loss"`
	}
	if err := json.Unmarshal([]byte(jsonOut), &s); err != nil || s.Entries != 2 || s.GapRows != 1 || s.Loss == nil ||
		s.Loss.Gaps != 1 || s.Loss.Bytes != 4 || s.Loss.Reasons["nul bytes"] != 4 {
		t.Errorf("json %v: %+v", err, s)
	}
	out, stderr, code = runCLI(t, "summary", "--fail-on-loss", in)
	if code != 3 || !strings.Contains(out, "lost: ") || !strings.Contains(stderr, "--fail-on-loss was given") {
		t.Errorf("--fail-on-loss: exit %d, stderr %q", code, stderr)
	}
	clean, _, _ := runCLI(t, "summary", "--format", "json", hostileLogFile(t))
	if !strings.Contains(clean, `"loss": {
    "gaps": 0,`) {
		t.Errorf("no loss: %s", clean)
	}
	if _, stderr, code := runCLI(t, "summary", "--fail-on-loss", hostileLogFile(t)); code != 0 || stderr != "" {
		t.Errorf("--fail-on-loss without a gap: exit %d, stderr %q", code, stderr)
	}
}

// TestSummaryCountsTheJournalsEntries: a journal of a restart, journald's
// rate limit and a reboot shows boundary and gap rows, which are no entry
// of it: the summary counts the entries the export writes but them.
func TestSummaryCountsTheJournalsEntries(t *testing.T) {
	dir := copiedJournalDir(t)
	out, errOut, code := runCLI(t, "export", "--format", "ndjson", "-D", dir)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	var entries, notes int64
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Kind string `json:"kind"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if e.Kind == "boundary" || e.Kind == "gap" {
			notes++
		} else {
			entries++
		}
	}
	if notes < 2 {
		t.Fatalf("the fixture journal shows %d boundary and gap rows, want a restart and a reboot", notes)
	}
	sum, errOut, code := runCLI(t, "summary", "--format", "json", "-D", dir)
	if code != 0 {
		t.Fatalf("summary: exit %d: %s", code, errOut)
	}
	var r struct {
		Entries int64 `json:"entries"`
	}
	if err := json.Unmarshal([]byte(sum), &r); err != nil {
		t.Fatal(err)
	}
	if r.Entries != entries {
		t.Errorf("summary counts %d entries; the export writes %d, and %d boundary and gap rows", r.Entries, entries, notes)
	}
}
