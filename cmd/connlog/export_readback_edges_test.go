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

// TestExportNDJSONSortedReadsBack hands every fixture over as connlog's
// ndjson export with its keys sorted (`jq -S -c .`): it reads back as the
// export does, a raw export of it the fixture's byte for byte.
func TestExportNDJSONSortedReadsBack(t *testing.T) {
	for _, f := range allFixtures(t) {
		rel := strings.TrimPrefix(f, "../../")
		t.Run(rel, func(t *testing.T) {
			name := fixtureCopy(t, rel)
			sent := exportOK(t, "export", "--format", "ndjson", name)
			raw := exportOK(t, "export", "--format", "raw", name)
			if err := os.WriteFile("sorted.ndjson", []byte(keysSorted(t, sent)), 0o600); err != nil {
				t.Fatal(err)
			}
			if back := exportOK(t, "export", "--format", "raw", "sorted.ndjson"); back != raw {
				t.Errorf("raw export of the sorted ndjson differs from the fixture's:\n%.500q\nwant\n%.500q", back, raw)
			}
			sameRecords(t, sent, exportOK(t, "export", "--format", "ndjson", "sorted.ndjson"))
		})
	}
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
