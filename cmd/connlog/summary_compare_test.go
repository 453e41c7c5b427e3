package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSummaryComparePreviousOnShortData: --compare previous over data
// shorter than two 15-minute windows compares its newer half with its
// older, as the interface's view does, not the data with an empty baseline
// that makes every template new, nor a minute of each: the halves hold
// every entry, the newer ending at the newest rounded up to the second.
func TestSummaryComparePreviousOnShortData(t *testing.T) {
	p := filepath.Join(t.TempDir(), "short.log")
	writeLog(t, p, ticks(325, time.Second)) // 08:00:00 to 08:05:24
	out, stderr, code := runCLI(t, "summary", "--utc", "--compare", "previous", p)
	if code != 0 || stderr != "" ||
		!strings.Contains(out, "A: 2026-02-10 08:02:42 UTC to 2026-02-10 08:05:25 UTC, 163 entries") ||
		!strings.Contains(out, "B: 2026-02-10 07:59:59 UTC to 2026-02-10 08:02:42 UTC (the baseline), 162 entries") ||
		strings.Contains(out, "neither window") ||
		!strings.Contains(out, "New in A\n  templates and failure reasons seen in A and not in B: none") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
}

// TestSummaryCompareSaysWhatIsInNeitherWindow: over data longer than both
// windows, the heading (and the JSON's outside) counts the entries older
// than both, so that a comparison of the last half hour is not read as one
// of all the data.
func TestSummaryCompareSaysWhatIsInNeitherWindow(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.log")
	writeLog(t, p, ticks(240, 10*time.Second)) // 08:00:00 to 08:39:50
	out, stderr, code := runCLI(t, "summary", "--utc", "--compare", "previous", p)
	if code != 0 || stderr != "" ||
		!strings.Contains(out, "A: 2026-02-10 08:25:00 UTC to 2026-02-10 08:40:00 UTC, 90 entries") ||
		!strings.Contains(out, "B: 2026-02-10 08:10:00 UTC to 2026-02-10 08:25:00 UTC (the baseline), 90 entries\n"+
			"  60 of the 240 entries with a time are in neither window\n") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
	js, _, _ := runCLI(t, "summary", "--format", "json", "--compare", "previous", p)
	var r struct {
		Changed struct {
			Outside *int64 `json:"outside"`
		} `json:"changed"`
	}
	if err := json.Unmarshal([]byte(js), &r); err != nil || r.Changed.Outside == nil || *r.Changed.Outside != 60 {
		t.Errorf("json outside: %v, %v", r.Changed.Outside, err)
	}
}

// ticks is n connector lines from 08:00:00, every apart.
func ticks(n int, every time.Duration) string {
	var sb strings.Builder
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&sb, "%s [INFO] [connector] tick %d\n", start.Add(time.Duration(i)*every).Format(time.RFC3339Nano), i)
	}
	return sb.String()
}
