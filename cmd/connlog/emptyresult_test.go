package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareWindowsMissingTheDataAreExplained: --compare windows that
// miss the data print "none" everywhere; stderr says why and which span
// the data covers, as the interface's compare does. Windows that meet it
// say nothing.
func TestCompareWindowsMissingTheDataAreExplained(t *testing.T) {
	in := hostileLogFile(t) // 2026-02-10 08:00:00–08:00:01 UTC
	_, stderr, code := runCLI(t, "summary", "--utc", "--compare", "2026-01-01 10:00..2026-01-01 10:15", in)
	if code != 0 || !strings.Contains(stderr, "no entry falls in either window") ||
		!strings.Contains(stderr, "the input spans 2026-02-10 08:00:00–08:00:01") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = runCLI(t, "summary", "--utc", "--compare", "2026-02-10 08:00:01..2026-02-10 08:00:02", in)
	if code != 0 || stderr != "" {
		t.Errorf("windows that both hold entries: exit %d, stderr %q", code, stderr)
	}
}

// TestCompareEmptyWindowIsSaid: a window that holds no entry while the
// other does makes everything new (or gone): the heading and stderr say
// so, with the span of the data.
func TestCompareEmptyWindowIsSaid(t *testing.T) {
	in := hostileLogFile(t) // 2026-02-10 08:00:00–08:00:01 UTC
	for _, c := range []struct{ windows, heading, stderr string }{
		{"2026-02-10 08:00..2026-02-10 08:15", "(the baseline): no entries, so everything in the other window shows as new",
			"the baseline B (2026-02-10 07:45–08:00) holds no entries, so everything in A shows as new; the input spans 2026-02-10 08:00:00–08:00:01"},
		{"2026-02-10 09:00..2026-02-10 09:15,2026-02-10 08:00..2026-02-10 08:15", "A: 2026-02-10 09:00:00 UTC to 2026-02-10 09:15:00 UTC: no entries, so everything in the other window shows as gone",
			"window A (2026-02-10 09:00–09:15) holds no entries, so everything in B shows as gone"},
	} {
		out, stderr, code := runCLI(t, "summary", "--utc", "--compare", c.windows, in)
		if code != 0 || !strings.Contains(out, c.heading) || !strings.Contains(stderr, c.stderr) {
			t.Errorf("%s: exit %d, stderr %q, output:\n%s", c.windows, code, stderr, out)
		}
	}
}

// TestExportFilterSelectingNothingIsExplained: -u, -q and --kind that
// select none of the entries read say so on stderr with how many there
// were, and the exit status stays 0; a filter that selects some says
// nothing.
func TestExportFilterSelectingNothingIsExplained(t *testing.T) {
	in := hostileLogFile(t) // two entries
	for _, filter := range [][]string{{"-u", "newt"}, {"-q", "nosuchword"}, {"--kind", "audit"}, {"-q", "plain", "--level", "error"}} {
		stdout, stderr, code := runCLI(t, append(append([]string{"export"}, filter...), in)...)
		if code != 0 || stdout != "" || !strings.Contains(stderr, "connlog: no entries matched "+filter[0]) ||
			!strings.Contains(stderr, "the input had 2 entries") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", filter, code, stdout, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "export", "-q", "plain", in); code != 0 || stderr != "" {
		t.Errorf("a query selecting an entry: exit %d, stderr %q", code, stderr)
	}
	// A window that misses the data is explained once, by its span.
	if _, stderr, _ := runCLI(t, "export", "--since", "2027-01-01", in); strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no entries since 2027-01-01") {
		t.Errorf("a window missing the data: stderr %q", stderr)
	}
}

// TestSummaryFilterSelectingNothingIsExplained: summary says on stderr, as
// export does, that its filters selected none of the entries read, and
// still prints its report of 0 entries with status 0.
func TestSummaryFilterSelectingNothingIsExplained(t *testing.T) {
	in := hostileLogFile(t) // two entries
	for _, filter := range [][]string{{"-q", "nosuchword"}, {"--kind", "audit"}} {
		stdout, stderr, code := runCLI(t, append(append([]string{"summary", "--utc"}, filter...), in)...)
		if code != 0 || !strings.Contains(stdout, "0 entries") || strings.Count(stderr, "\n") != 1 ||
			!strings.Contains(stderr, "connlog: no entries matched "+filter[0]) ||
			!strings.Contains(stderr, "the input had 2 entries, 2026-02-10 08:00:00–08:00:01") {
			t.Errorf("%q: exit %d, stderr %q", filter, code, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "summary", "-q", "plain", in); code != 0 || stderr != "" {
		t.Errorf("a query selecting an entry: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, _ := runCLI(t, "summary", "--since", "2027-01-01", in); strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "no entries since 2027-01-01") {
		t.Errorf("a window missing the data: stderr %q", stderr)
	}
}

// TestCountsOfOneAreSingular: what export and summary say of one entry
// says "1 entry", not "1 entries".
func TestCountsOfOneAreSingular(t *testing.T) {
	in := filepath.Join(t.TempDir(), "one.log")
	if err := os.WriteFile(in, []byte("2026-02-10T08:00:00Z [INFO] [connector] only line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, _ := runCLI(t, "export", "-q", "nosuchword", in); !strings.Contains(stderr, "the input had 1 entry,") {
		t.Errorf("export: stderr %q; want the input had 1 entry", stderr)
	}
	if out, _, code := runCLI(t, "summary", in); code != 0 || !strings.Contains(out, "1 entry\n") || strings.Contains(out, "1 entries") {
		t.Errorf("summary: exit %d, output:\n%s", code, out)
	}
}

// TestNothingMatchedCountsEntriesAsSummaryDoes: the entries the input had
// are counted as summary counts them, a gap apart (it is no entry), so
// that export and summary of the same input say the same number.
func TestNothingMatchedCountsEntriesAsSummaryDoes(t *testing.T) {
	live := unreadSiblingLog(t) // 9 lines and the gap of app.log.3.lzma
	out, _, code := runCLI(t, "summary", "--with-rotated", live)
	if code != 0 || !strings.Contains(out, " 9 entries\n") {
		t.Fatalf("summary: exit %d, output:\n%s", code, out)
	}
	for _, cmd := range []string{"export", "summary"} {
		_, stderr, _ := runCLI(t, cmd, "-q", "nosuchword", "--with-rotated", live)
		if !strings.Contains(stderr, "the input had 9 entries and 1 gap or restart mark,") {
			t.Errorf("%s: stderr %q; want the input had 9 entries and 1 gap or restart mark", cmd, stderr)
		}
	}
}
