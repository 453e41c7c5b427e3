package export

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Over every fixture and sample line, and the lines of a report of leaks,
// a redacted ndjson record holds none of the values the export learned,
// anywhere: in no spelling redaction recognises (a second redaction of any
// text of the record changes nothing), and in no field holding a learned
// value as is while its raw line, whose value was read from it, no longer
// does (a field must say what its line says).
func TestRedactedRecordsHoldNoLearnedValue(t *testing.T) {
	corpora := redactionCorpora(t)
	learnedAny := false
	for _, name := range slicesSortedKeys(corpora) {
		t.Run(name, func(t *testing.T) {
			r := NewRedactor()
			rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, corpora[name]), FormatNDJSON))
			learned := learnedValues(r)
			learnedAny = learnedAny || len(learned) > 0
			for i, row := range rows {
				raw := rawOf(t, row)
				checkRedactedAgain(t, r, i, "raw", raw, true)
				checkNoQuotedLearned(t, learned, i, "raw", raw)
				eachLeaf(row, "", func(path string, v any) {
					if path == "raw" || path == "raw_base64" {
						return
					}
					text := leafText(v)
					if s, ok := v.(string); ok {
						checkRedactedAgain(t, r, i, path, s, false)
						checkNoQuotedLearned(t, learned, i, path, s)
					}
					if strings.HasPrefix(path, "fields.") && learned[text] && !holdsWhole(raw, text) {
						t.Errorf("record %d: %s = %s, a learned value its redacted line no longer holds:\n%s", i, path, text, raw)
					}
				})
			}
		})
	}
	if !learnedAny {
		t.Fatal("no fixture taught the redaction a value: the test checks nothing")
	}
}

// redactionCorpora returns the lines of each fixture and sample file the
// redaction tests read, and the report's lines, by name.
func redactionCorpora(t *testing.T) map[string][]string {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/*/*.log")
	journals, _ := filepath.Glob("../../testdata/journal/*.export")
	files = append(append(files, "testdata/lines.txt"), journals...)
	if len(files) < 30 {
		t.Fatalf("found only %d fixtures", len(files))
	}
	out := map[string][]string{"report": reproLines, "quoted CSV cells": quotedCSVLines}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	}
	return out
}

func slicesSortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// learnedValues returns the ids, names and addresses r learned, as they
// are written (an address in its canonical form).
func learnedValues(r *Redactor) map[string]bool {
	r.known.mu.RLock()
	defer r.known.mu.RUnlock()
	out := map[string]bool{}
	for v := range r.known.ids {
		out[v] = true
	}
	for v := range r.known.ips {
		out[v] = true
	}
	return out
}

// checkRedactedAgain fails when redacting s again, the text at path of
// record i, would change it: it still holds a value redaction recognises
// (an email, a learned address, id or name where its rules find it). A
// line is redacted as the record's line is, JSON documents and all.
func checkRedactedAgain(t *testing.T, r *Redactor, i int, path, s string, line bool) {
	t.Helper()
	var none secretSet
	plain := func(s string) string { return redactText(r, s, &none) }
	again := plain(s)
	if line {
		again = redactEncoded(s, plain)
	}
	if again != s {
		t.Errorf("record %d: %s still holds what redaction replaces:\n%s\nredacted again:\n%s", i, path, s, again)
	}
}

// checkNoQuotedLearned fails when s, the text at path of record i, quotes
// a learned value whole in any quotes, which redaction replaces wherever
// it is: a name, or an id of minQuotedIDDigits digits or more (a shorter
// number is kept quoted under a key naming something else).
func checkNoQuotedLearned(t *testing.T, learned map[string]bool, i int, path, s string) {
	t.Helper()
	for v := range learned {
		if isNumber(v) && numberDigits(v) < minQuotedIDDigits || !strings.Contains(s, v) {
			continue
		}
		for _, q := range []string{`"`, `'`, "`"} {
			if strings.Contains(s, q+v+q) {
				t.Errorf("record %d: %s quotes the learned %s:\n%s", i, path, q+v+q, s)
			}
		}
	}
}

// holdsWhole reports whether s writes v whole: not inside a longer word
// or number (the 9 of 1770710460).
func holdsWhole(s, v string) bool {
	whole := false
	replaceWhere(s, v, "", func(from, to int) bool {
		whole = whole || standsAlone(s, from, to, true) || quotedAt(s, from, to)
		return false
	})
	return whole
}

// rawOf returns a record's raw line, decoded when written in base64.
func rawOf(t *testing.T, row map[string]any) string {
	if raw, ok := row["raw"].(string); ok {
		return raw
	}
	b64, _ := row["raw_base64"].(string)
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("raw_base64 %q: %v", b64, err)
	}
	return string(raw)
}

// eachLeaf calls fn with the dotted path and value of every string and
// number v holds.
func eachLeaf(v any, path string, fn func(path string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			eachLeaf(x, strings.TrimPrefix(path+"."+k, "."), fn)
		}
	case []any:
		for _, x := range v {
			eachLeaf(x, path, fn)
		}
	case string, json.Number:
		fn(path, v)
	}
}

// leafText is the text of a string or a number as ndjson wrote it.
func leafText(v any) string {
	if n, ok := v.(json.Number); ok {
		return n.String()
	}
	s, _ := v.(string)
	return s
}
