package decode

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// realWorldDir holds real lines users posted publicly, one file per family,
// each with a header citing its sources and a .want file of expectations
// written by hand: one line per entry, "kind level time", where time is
// RFC 3339, "~<time>" for a time inherited from an earlier line of the same
// writer, or "inferred" for a line with no time and nothing to inherit.
const realWorldDir = "../../testdata/realworld"

// realWorldReference is the moment the fixtures are read as of: syslog
// stamps without a year are placed before it, as the golden test does with
// the file's modification time.
var realWorldReference = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// realWorldTarget is the share of entries whose kind, level and time must
// match the expectations.
const realWorldTarget = 0.98

// stripHeader drops the fixture's comment lines, which are not log lines.
func stripHeader(content []byte) []byte {
	var out []byte
	for _, line := range bytes.SplitAfter(content, []byte("\n")) {
		if !bytes.HasPrefix(line, []byte("#")) {
			out = append(out, line...)
		}
	}
	return out
}

// expectation is one line of a .want file.
type expectation struct {
	kind, level, time string
}

func readExpectations(t *testing.T, path string) []expectation {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("%s: bad expectation %q", path, line)
		}
		out = append(out, expectation{f[0], f[1], f[2]})
	}
	return out
}

// timeMatches compares an entry's time and inference flag with an
// expectation's time column.
func timeMatches(e *model.Entry, want string) bool {
	inferred := e.Flags.Has(model.FlagTimeInferred)
	switch {
	case want == "inferred":
		return inferred && e.Time.Equal(readTime)
	case strings.HasPrefix(want, "~"):
		t, err := time.Parse(time.RFC3339Nano, want[1:])
		return err == nil && inferred && e.Time.Equal(t)
	}
	t, err := time.Parse(time.RFC3339Nano, want)
	return err == nil && !inferred && e.Time.Equal(t)
}

// describe prints an entry in the .want format, for failure messages.
func describe(e *model.Entry) string {
	ts := e.Time.UTC().Format(time.RFC3339Nano)
	if e.Flags.Has(model.FlagTimeInferred) {
		ts = "~" + ts
	}
	return fmt.Sprintf("%s %s %s", e.Kind, e.Level, ts)
}

// TestRealWorldLines decodes every fixture of realWorldDir and prints the
// share of entries whose kind, level and time are right.
func TestRealWorldLines(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realWorldDir, "*.log"))
	if len(files) == 0 {
		t.Fatal("no real-world fixtures")
	}
	total, right := 0, 0
	for _, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := readExpectations(t, strings.TrimSuffix(f, ".log")+".want")
		es := decodeAll(Options{Reference: realWorldReference, Location: time.UTC}, fileRecords(stripHeader(content)))
		if len(es) != len(want) {
			t.Errorf("%s: %d entries, %d expectations", filepath.Base(f), len(es), len(want))
		}
		for i := range es {
			total++
			if i >= len(want) {
				continue
			}
			e, w := &es[i], want[i]
			if e.Kind.String() == w.kind && e.Level.String() == w.level && timeMatches(e, w.time) {
				right++
				continue
			}
			t.Logf("%s entry %d: got %s, want %s %s %s (%.100q)", filepath.Base(f), i+1, describe(e), w.kind, w.level, w.time, e.Raw)
		}
	}
	share := float64(right) / float64(max(total, 1))
	fmt.Printf("real-world lines: kind, level and time right for %.1f%% of %d entries (%d files)\n", 100*share, total, len(files))
	if share < realWorldTarget {
		t.Errorf("right for %.1f%% of entries, want at least %.0f%%", 100*share, 100*realWorldTarget)
	}
}
