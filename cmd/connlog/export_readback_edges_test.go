package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// keysSorted rewrites each line of an ndjson export as `jq -S -c .` does:
// the keys of every object in order, numbers as written.
func keysSorted(t *testing.T, ndjson string) string {
	t.Helper()
	var b strings.Builder
	for line := range strings.SplitSeq(strings.TrimSuffix(ndjson, "\n"), "\n") {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var record map[string]any
		if err := dec.Decode(&record); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		var out bytes.Buffer
		enc := json.NewEncoder(&out) // encoding/json writes a map's keys sorted
		enc.SetEscapeHTML(false)
		if err := enc.Encode(record); err != nil {
			t.Fatal(err)
		}
		b.Write(out.Bytes())
	}
	return b.String()
}

// TestExportNDJSONReadsBackLastLine hands over a file whose last line has
// no newline: the ndjson export says so, and a raw export of it, read from
// a file or standard input, keys sorted or not, ends as the file did.
func TestExportNDJSONReadsBackLastLine(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const data = "line one\nline two"
	if err := os.WriteFile("a.log", []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	sent := exportOK(t, "export", "--format", "ndjson", "a.log")
	for name, slice := range map[string]string{"as written": sent, "keys sorted": keysSorted(t, sent)} {
		if err := os.WriteFile("slice.ndjson", []byte(slice), 0o600); err != nil {
			t.Fatal(err)
		}
		if back := exportOK(t, "export", "--format", "raw", "slice.ndjson"); back != data {
			t.Errorf("%s: raw export of the file = %q, want %q", name, back, data)
		}
		var out, errOut bytes.Buffer
		if code := run([]string{"export", "--format", "raw", "-"}, strings.NewReader(slice), &out, &errOut); code != 0 || out.String() != data {
			t.Errorf("%s: raw export of standard input = %q (exit %d: %s), want %q", name, out.String(), code, errOut.String(), data)
		}
	}
}
