package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileLogFile is a log whose content tries to act on the terminal and to
// break a Markdown table.
func hostileLogFile(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "hostile.log")
	lines := "2026-02-10T08:00:00.000000000Z [ERROR] [libsdwan] evil \x1b]52;c;cGF5bG9hZA==\x07 name \u202e|cell|\n" +
		"2026-02-10T08:00:01.000000000Z [WARN] [libsdwan] plain warning 42\n"
	if err := os.WriteFile(p, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSummaryTextIsInert: log content reaches the terminal with its escape
// sequences, controls and bidi overrides shown as visible glyphs.
func TestSummaryTextIsInert(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		out, errOut, code := runCLI(t, "summary", "--format", format, hostileLogFile(t))
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s output holds raw control characters: %q", format, out)
		}
		if !strings.Contains(out, "␛") || !strings.Contains(out, "‹U+202E›") {
			t.Errorf("%s output does not show the escapes: %s", format, out)
		}
	}
}

// TestSummaryMarkdownTable: a template with pipes stays in its cell.
func TestSummaryMarkdownTable(t *testing.T) {
	out, _, code := runCLI(t, "summary", "--format", "markdown", hostileLogFile(t))
	if code != 0 {
		t.Fatal(code)
	}
	if !strings.Contains(out, "## Templates") || !strings.Contains(out, `\|cell\|`) {
		t.Errorf("markdown:\n%s", out)
	}
	header := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| COUNT | LEVEL |") {
			header = l
		}
		if strings.HasPrefix(l, "| ") && strings.Contains(l, "evil") && strings.Count(l, " | ") != strings.Count(header, " | ") {
			t.Errorf("a template broke its table row: %q (header %q)", l, header)
		}
	}
}

// TestSummaryUsage: mistakes on the command line exit 2 with a message
// that says what to do; a missing input exits as export does.
func TestSummaryUsage(t *testing.T) {
	log := hostileLogFile(t)
	cases := []struct {
		name string
		args []string
		code int
		says string
	}{
		{"format", []string{"--format", "ndjson", log}, 2, "summary writes text, markdown or json"},
		{"compare", []string{"--compare", "yesterday", log}, 2, "use previous, FROM..TO"},
		{"compare backwards", []string{"--compare", "2026-02-10 09:00..2026-02-10 08:00", log}, 2, "ends before it starts"},
		{"top", []string{"--top", "0", log}, 2, "--top"},
		{"top missing", []string{log, "--top"}, 2, "needs a value"},
		{"export flag", []string{"-o", "x", log}, 2, "belong to export"},
		{"query", []string{"-q", "level>=", log}, 2, "bad query"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, append([]string{"summary"}, c.args...)...)
			if code != c.code || !strings.Contains(errOut, c.says) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, c.code, errOut, c.says)
			}
		})
	}
	// The other way round: summary's own flags given to export or the
	// interface say where they belong.
	for _, args := range [][]string{{"export", "--top", "3", log}, {"--compare", "previous", log}} {
		if _, errOut, code := runCLI(t, args...); code != 2 || !strings.Contains(errOut, "is a flag of summary: connlog summary "+args[len(args)-3]) {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	_, _, exportCode := runCLI(t, "export", filepath.Join(t.TempDir(), "missing.log"))
	_, errOut, code := runCLI(t, "summary", filepath.Join(t.TempDir(), "missing.log"))
	if code != exportCode || code == 0 || errOut == "" {
		t.Errorf("missing input: summary exits %d (%q), export %d", code, errOut, exportCode)
	}
}

// TestSummaryQueryNarrows: -q selects what is summarised, as in export.
func TestSummaryQueryNarrows(t *testing.T) {
	s := summaryOf(t, "-q", "level>=error", hostileLogFile(t))
	if s.Entries != 1 || len(s.Templates) != 1 || s.Templates[0].Level != "error" {
		t.Errorf("summary of level>=error: %+v", s)
	}
	fixed := summaryOf(t, "--compare", "2026-02-10 08:00:01..2026-02-10 08:00:02", hostileLogFile(t))
	if fixed.Changed == nil || len(fixed.Changed.New) == 0 || len(fixed.Changed.Gone) == 0 {
		t.Errorf("fixed windows: %+v", fixed.Changed)
	}
}

// TestSummaryInterrupted: stopped before its inputs end, summary prints
// what it read and says so, with a non-zero status.
func TestSummaryInterrupted(t *testing.T) {
	cfg, sf, err := parseSummaryArgs([]string{hostileLogFile(t)}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	err = runSummary(ctx, cfg, sf, strings.NewReader(""), &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "interrupted: the summary covers only") || !strings.Contains(out.String(), "Summary") {
		t.Errorf("err %v, output %q", err, out.String())
	}
}

// TestSummaryDatesANightsTimes: a log of less than a day that crosses
// midnight gives its templates' first and last times with their dates
// (22:51 and 00:29 alone read as one day's), and the timeline's buckets
// read as a person writes them (1m, not 1m0s).
func TestSummaryDatesANightsTimes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "night.log")
	lines := "2026-12-05T22:51:00Z [INFO] [connector] tick 1\n" +
		"2026-12-06T00:29:30Z [INFO] [connector] tick 2\n"
	if err := os.WriteFile(p, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "summary", "--utc", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	_, templates, _ := strings.Cut(out, "\nTemplates\n")
	if !strings.Contains(templates, "12-05 22:51:00") || !strings.Contains(templates, "12-06 00:29:30") {
		t.Errorf("the template's times lack their dates:\n%s", out)
	}
	if strings.Contains(out, "0s per column") || !strings.Contains(out, "m per column") {
		t.Errorf("the timeline's bucket width:\n%s", out)
	}
}

// TestSummaryYearsOfANewYear: a log across the new year gives its
// templates' times and the timeline's rows with their years (12-31 and
// 01-01 alone read as one year's).
func TestSummaryYearsOfANewYear(t *testing.T) {
	p := filepath.Join(t.TempDir(), "newyear.log")
	lines := "2025-12-31T23:51:00Z [INFO] [connector] tick 1\n" +
		"2026-01-01T00:29:30Z [INFO] [connector] tick 2\n"
	if err := os.WriteFile(p, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "summary", "--utc", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	timeline, templates, _ := strings.Cut(out, "\nTemplates\n")
	if !strings.Contains(templates, "2025-12-31 23:51:00") || !strings.Contains(templates, "2026-01-01 00:29:30") {
		t.Errorf("the template's times lack their years:\n%s", out)
	}
	if !strings.Contains(timeline, "2025-12-31 23:") {
		t.Errorf("the timeline's rows lack their year:\n%s", out)
	}
}

// TestSummaryMarkdownKeepsEntities: an HTML entity in a log line reads as
// written once rendered ("&amp;", not "&"): its ampersand is escaped.
func TestSummaryMarkdownKeepsEntities(t *testing.T) {
	p := filepath.Join(t.TempDir(), "entity.log")
	if err := os.WriteFile(p, []byte("2026-02-10T08:00:00.000000000Z [ERROR] [libsdwan] got &amp; and &lt;b&gt;\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "summary", "--format", "markdown", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `got \&amp; and \&lt;b\&gt;`) {
		t.Errorf("an entity is left to render as its character:\n%s", out)
	}
}
