package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"

	"connlog/model/export"
	"connlog/source/synth"
)

// TestRedactedExportIsTheSameOnManyWorkers: a redacted export writes the
// same bytes whether its records are redacted on the writer's goroutine,
// as one at a time, or on several in batches, in every format and
// compression, of the fixtures and of a generated connector's log with
// every optional stream.
func TestRedactedExportIsTheSameOnManyWorkers(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "synth.log")
	writeSynthCorpus(t, corpus, 3000)
	inputs := map[string]func(*testing.T) []string{"synth": func(*testing.T) []string { return []string{corpus} }}
	for _, f := range allFixtures(t) {
		rel := strings.TrimPrefix(f, "../../")
		inputs[rel] = func(t *testing.T) []string { return []string{fixtureCopy(t, rel)} }
	}
	journals, _ := filepath.Glob("../../testdata/journal/*.export") // journal export text
	for _, j := range journals {
		rel := strings.TrimPrefix(j, "../../")
		inputs[rel] = func(t *testing.T) []string { return []string{fixtureCopy(t, rel)} }
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			in := input(t)
			for _, format := range []string{"raw", "text", "ndjson", "csv", "journal", "bundle"} {
				for _, compress := range []string{"none", "gzip", "zstd"} {
					if compress != "none" && name != "synth" && format != "ndjson" {
						continue // every compression of every format is run on the corpus
					}
					args := append([]string{"export", "--redact", "--utc", "--format", format, "--compress", compress}, in...)
					one := redactedWith(t, 1, args)
					// Three workers, more than CI's cores: their batches end in
					// every order (model/export's tests vary the counts and the
					// batch sizes; two counts here took a minute more under the
					// race detector).
					for _, workers := range []int{3} {
						if many := redactedWith(t, workers, args); !sameExport(t, format, compress, one, many) {
							t.Errorf("%s, %s: %d workers wrote other bytes than one worker: %s", format, compress, workers,
								firstDifference(decompressed(t, compress, one), decompressed(t, compress, many)))
						}
					}
				}
			}
		})
	}
}

// writeSynthCorpus writes n lines of the generator's connector log, with
// audit records, newt and Tailscale lines and hostile bytes, to path.
func writeSynthCorpus(t *testing.T, path string, n int) {
	t.Helper()
	g := synth.New(7, synth.Options{Audit: true, Newt: true, Tailscale: true, Hostile: true})
	var b bytes.Buffer
	var line []byte
	for range n {
		line, _, _ = g.Next(line[:0])
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// redactedWith runs a redacted export with workers goroutines redacting,
// keyed as every other export of the test is, and returns its output.
func redactedWith(t *testing.T, workers int, args []string) []byte {
	t.Helper()
	oldNew, oldWorkers := newRedactor, redactWorkers
	newRedactor, redactWorkers = testRedactor.Fresh, workers
	defer func() { newRedactor, redactWorkers = oldNew, oldWorkers }()
	var out, errOut bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
	}
	return out.Bytes()
}

// testRedactor's key is the one the exports of the tests share, so that
// their pseudonyms can be compared.
var testRedactor = export.NewRedactor()

// sameExport compares two exports of format byte for byte. A line
// without a time of its own carries the moment it was read, which differs
// between two exports: then the exports, decompressed, are compared with
// those times masked. A bundle's members are compared, its manifest but
// for when it was made.
func sameExport(t *testing.T, format, compress string, a, b []byte) bool {
	t.Helper()
	if bytes.Equal(a, b) {
		return true
	}
	if format == "raw" {
		return false // it writes no time that is not the line's
	}
	a, b = decompressed(t, compress, a), decompressed(t, compress, b)
	if format == "bundle" {
		ma, errA := redactedMembers(a)
		mb, errB := redactedMembers(b)
		return errA == nil && errB == nil && len(ma) > 0 && slices.Equal(ma, mb)
	}
	now := time.Now()
	return maskRecentTimes(string(a), now) == maskRecentTimes(string(b), now)
}

// decompressed returns data decompressed as compress says.
func decompressed(t *testing.T, compress string, data []byte) []byte {
	t.Helper()
	var r io.Reader
	var err error
	switch compress {
	case "none":
		return data
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(data))
	case "zstd":
		r, err = zstd.NewReader(bytes.NewReader(data))
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// createdAt and memberSum are what a manifest says of when it was made
// and of its members' bytes, which hold read times (of a length that
// varies: trailing zeros are not written).
var (
	createdAt = regexp.MustCompile(`"created": *"[^"]*"`)
	memberSum = regexp.MustCompile(`"(sha256|size)": *("[^"]*"|\d+)`)
)

// bundleMembers returns the names and contents of a bundle's members, in
// order, the manifest's time of making, its members' sums and sizes and the read
// times blanked: the members are compared themselves.
func redactedMembers(data []byte) ([]string, error) {
	members, err := tarMembers(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range members {
		out = append(out, m.name, maskRecentTimes(memberSum.ReplaceAllString(createdAt.ReplaceAllString(string(m.body), `"created":""`), `"$1":""`), time.Now()))
	}
	return out, nil
}

// firstDifference shows the first line where a and b differ.
func firstDifference(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n%q\n%q", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, %d lines", len(la), len(lb))
}
