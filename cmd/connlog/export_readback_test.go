package main

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestExportNDJSONReadsBack hands every fixture over as connlog's ndjson
// export, written in Tokyo, and reads it back in UTC: a raw export of the
// ndjson is the raw export of the fixture byte for byte, and an ndjson
// export of it has the same records, apart from what describes the file
// they were read from (seq, source.name, source.offset).
func TestExportNDJSONReadsBack(t *testing.T) {
	if _, err := time.LoadLocation("Asia/Tokyo"); err != nil {
		t.Skip("no zone database:", err)
	}
	for _, f := range allFixtures(t) {
		rel := strings.TrimPrefix(f, "../../")
		t.Run(rel, func(t *testing.T) {
			name := fixtureCopy(t, rel)
			// Its own process: setting time.Local here raced with what
			// the tests before left running.
			sent, _ := runConnlogInZone(t, "Asia/Tokyo", "export", "--format", "ndjson", name)
			raw := exportOK(t, "export", "--format", "raw", name)
			if err := os.WriteFile("slice.ndjson", []byte(sent), 0o600); err != nil {
				t.Fatal(err)
			}
			if back := exportOK(t, "export", "--format", "raw", "slice.ndjson"); back != raw {
				t.Errorf("raw export of the ndjson differs from the fixture's:\n%.500q\nwant\n%.500q", back, raw)
			}
			sameRecords(t, sent, exportOK(t, "export", "--format", "ndjson", "slice.ndjson"))
		})
	}
}

// exportOK runs the command and returns its output, failing the test on
// an exit other than 0.
func exportOK(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// sameRecords compares two ndjson exports record by record, without what
// names the input they were read from.
func sameRecords(t *testing.T, want, got string) {
	t.Helper()
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(w) != len(g) {
		t.Fatalf("%d records read back, %d sent", len(g), len(w))
	}
	for i := range w {
		if a, b := withoutPlace(t, w[i]), withoutPlace(t, g[i]); !reflect.DeepEqual(a, b) {
			t.Fatalf("record %d read back as\n%s\nwas sent as\n%s", i+1, g[i], w[i])
		}
	}
}

// withoutPlace decodes one record without seq, source.name and
// source.offset.
func withoutPlace(t *testing.T, line string) map[string]any {
	t.Helper()
	if line == "" {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(line), &m); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	delete(m, "seq")
	if src, ok := m["source"].(map[string]any); ok {
		delete(src, "name")
		delete(src, "offset")
	}
	return m
}
