package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A redacted export pairs connections as the export that is not: an
// establishment is open until its close is read, and a close names its
// establishment. Redaction writes a record once it ends, after the next
// entry is read; the pairs must not tell of entries read meanwhile.
func TestRedactedExportPairsAsThePlainOne(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "synth.log")
	writeSynthCorpus(t, corpus, 3000)
	for _, in := range []string{"../../testdata/payloads/analytics.log", corpus} {
		for _, workers := range []int{1, 4} {
			args := []string{"export", "--utc", "--format", "ndjson", in}
			plain, _, code := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d", args, code)
			}
			redacted := string(redactedWith(t, workers, append([]string{"export", "--redact"}, args[1:]...)))
			want, got := pairsOf(t, plain), pairsOf(t, redacted)
			if len(want) == 0 {
				t.Fatalf("%s: no pairs to compare", in)
			}
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("%s, %d workers: entry %d's pair redacted %s, plain %s", in, workers, i, got[i], want[i])
					}
				}
				t.Fatalf("%s, %d workers: %d pairs redacted, %d plain", in, workers, len(got), len(want))
			}
		}
	}
}

// pairsOf returns the "pair" object of each ndjson line that has one.
func pairsOf(t *testing.T, ndjson string) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(ndjson), "\n") {
		var rec struct {
			Pair json.RawMessage `json:"pair"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if len(rec.Pair) > 0 {
			out = append(out, string(rec.Pair))
		}
	}
	return out
}
