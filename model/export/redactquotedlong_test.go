package export

import (
	"strings"
	"testing"
)

// A learned numeric id of minQuotedIDDigits digits or more is that id
// wherever it is a quoted whole value, whatever key opens it (owner="113256",
// "tags":["113256"]): it is replaced in the line and in the fields alike,
// with the pseudonym the event gave it. A bare number keeps its rule
// (n=113256 stays).
func TestALongNumericIDIsReplacedWhereverItIsQuoted(t *testing.T) {
	lines := []string{eventNaming("113256", "200903"),
		`[INFO] [connector] user 113256 owner="113256" n=113256 count="2" id 2`,
		`{"owner":"113256","n":113256,"actor":{"user":113256},"count":"2","tags":["113256"],"note":"113256.0"}`}
	r := NewRedactor()
	p := r.pseudonym(classUser, "113256")
	raw := string(exportRedacted(t, r, FormatRaw, linesEntries(lines...)))
	for _, want := range []string{
		`user ` + p + ` owner="` + p + `" n=113256 count="2" id 2`,
		`{"owner":"` + p + `","n":113256,"actor":{"user":"` + p + `"},"count":"2","tags":["` + p + `"],"note":"` + p + `"}`,
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("raw export lacks %s:\n%s", want, raw)
		}
	}
	r = NewRedactor()
	rows := decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(lines...)))
	fields, _ := rows[len(rows)-1]["fields"].(map[string]any)
	p = r.pseudonym(classUser, "113256")
	for key, want := range map[string]any{"owner": p, "tags": p, "note": p, "actor.user": p, "count": "2"} {
		if got := fieldAt(fields, key); got != want {
			t.Errorf("ndjson field %s = %v, want %v", key, got, want)
		}
	}
	if got := fieldAt(fields, "n"); got == nil || got.(interface{ String() string }).String() != "113256" {
		t.Errorf("ndjson field n = %v, want the number 113256", got)
	}
}

// A learned numeric id shorter than minQuotedIDDigits (42) quoted under a
// key that names something else ("count":"42", count="42") is a count, and
// stays, in the line and the fields; under a user's key it is replaced.
func TestAShortNumericIDQuotedUnderACountIsKept(t *testing.T) {
	lines := []string{eventNaming("42", "200903"),
		`[INFO] [connector] sent count="42" user="42"`,
		`{"msg":"m","count":"42","tags":["42"],"user":"42"}`}
	r := NewRedactor()
	p := r.pseudonym(classUser, "42")
	raw := string(exportRedacted(t, r, FormatRaw, linesEntries(lines...)))
	for _, want := range []string{`sent count="42" user="` + p + `"`, `{"msg":"m","count":"42","tags":["42"],"user":"` + p + `"}`} {
		if !strings.Contains(raw, want) {
			t.Errorf("raw export lacks %s:\n%s", want, raw)
		}
	}
	rows := decodeNDJSON(t, exportRedacted(t, NewRedactor(), FormatNDJSON, linesEntries(lines...)))
	fields, _ := rows[len(rows)-1]["fields"].(map[string]any)
	for _, key := range []string{"count", "tags"} {
		if got := fieldAt(fields, key); got != "42" {
			t.Errorf("ndjson field %s = %v, want 42", key, got)
		}
	}
}

// A line's key="value" (logfmt's owner="113256") quotes its value as a
// JSON document does: its field loses a long learned id as the line does,
// and a bare one (n=113256) keeps it in both.
func TestALongNumericIDQuotedInALogfmtLineIsReplacedInItsField(t *testing.T) {
	lines := []string{eventNaming("113256", "200903"),
		`time=2026-02-10T08:00:04Z level=info msg=m owner="113256" n=113256`}
	r := NewRedactor()
	rows := decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(lines...)))
	last := rows[len(rows)-1]
	fields, _ := last["fields"].(map[string]any)
	p := r.pseudonym(classUser, "113256")
	for key, want := range map[string]any{"owner": p, "n": "113256"} {
		if got := fieldAt(fields, key); got != want {
			t.Errorf("ndjson field %s = %v, want %v", key, got, want)
		}
	}
	if raw, _ := last["raw"].(string); !strings.Contains(raw, `owner="`+p+`" n=113256`) {
		t.Errorf("ndjson raw = %s, want owner's pseudonym and n kept", raw)
	}
}
