package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestEmptyTimeRangeIsAUsageError: a range that ends before it begins is a
// mistake in the command, refused with exit 2 and what to do, wherever it
// is given: --since/--until and -S/-U of export and summary (dated, or
// without a date on a file or on standard input, whose day is known only
// once read), the query's since: against --until, and --compare; a range
// of one instant is not empty.
func TestEmptyTimeRangeIsAUsageError(t *testing.T) {
	in := nulGapLogFile(t) // 2026-02-10 08:00:00 and 08:00:01 UTC
	for _, args := range [][]string{
		{"export", "--since", "2026-02-10T08:05:00Z", "--until", "2026-02-10T08:00:00Z", in},
		{"export", "-S", "08:05", "-U", "08:00", in},
		{"summary", "--since", "08:05", "--until", "08:00", in},
		{"export", "-q", "since:08:05", "--until", "08:00", in},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != 2 || !strings.Contains(stderr, "the time range is empty: ") ||
			!strings.Contains(stderr, "2026-02-10 08:05:00 UTC is after --until 2026-02-10 08:00:00 UTC; give the earlier time to ") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	for _, command := range []string{"export", "summary"} {
		var out, errOut bytes.Buffer
		lines := "2026-02-10T08:00:00Z [INFO] [connector] one\n"
		if code := run([]string{command, "-S", "08:05", "-U", "08:00", "-"}, strings.NewReader(lines), &out, &errOut); code != 2 ||
			!strings.Contains(errOut.String(), "the time range is empty: --since 2026-02-10 08:05:00 UTC") {
			t.Errorf("%s of standard input: exit %d, stderr %q", command, code, errOut.String())
		}
	}
	if _, stderr, code := runCLI(t, "summary", "--compare", "08:02..08:00", in); code != 2 || !strings.Contains(stderr, "write the earlier time first") {
		t.Errorf("--compare: exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := runCLI(t, "export", "--since", "08:00:01", "--until", "08:00:01", in); code != 0 || stderr != "" {
		t.Errorf("one instant: exit %d, stderr %q", code, stderr)
	}
}

// TestEmptyTimeRangeOfTheInterface: the interface refuses the same range
// before it starts, for files (its first filter) and for the journal (the
// window it reads).
func TestEmptyTimeRangeOfTheInterface(t *testing.T) {
	files := Config{Files: []string{"a.log"}, SinceText: "2026-02-10 08:05", UntilText: "2026-02-10 08:00"}
	if _, err := tuiQuery(files); !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "the time range is empty") {
		t.Errorf("files: %v", err)
	}
	journal := Config{Units: []string{"twingate-connector"}, SinceText: "2026-02-10 08:05", UntilText: "2026-02-10 08:00"}
	if _, err := journalOptions(journal, false); !errors.As(err, new(usageError)) || !strings.Contains(err.Error(), "the time range is empty") {
		t.Errorf("the journal: %v", err)
	}
}
