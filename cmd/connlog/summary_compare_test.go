package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSummaryComparePreviousOnShortData: --compare previous over data
// shorter than 15 minutes compares its newer half with its older, as the
// interface's view does, not the data with an empty baseline that makes
// every template new.
func TestSummaryComparePreviousOnShortData(t *testing.T) {
	p := filepath.Join(t.TempDir(), "short.log")
	var sb strings.Builder
	start := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	for i := range 325 { // 08:00:00 to 08:05:24, a line a second
		fmt.Fprintf(&sb, "%s [INFO] [connector] tick %d\n", start.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), i)
	}
	writeLog(t, p, sb.String())
	out, stderr, code := runCLI(t, "summary", "--utc", "--compare", "previous", p)
	if code != 0 || stderr != "" ||
		!strings.Contains(out, "A: 2026-02-10 08:03:28 UTC to 2026-02-10 08:05:28 UTC, 117 entries") ||
		!strings.Contains(out, "B: 2026-02-10 08:01:28 UTC to 2026-02-10 08:03:28 UTC (the baseline), 120 entries") ||
		!strings.Contains(out, "New in A\n  templates and failure reasons seen in A and not in B: none") {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, stderr, out)
	}
}
