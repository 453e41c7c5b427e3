package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// checkGoneEverywhere checks that no format of the redacted export of
// lines writes any of spellings, and that the pseudonym of user id user
// stands in their place in each.
func checkGoneEverywhere(t *testing.T, user string, spellings []string, lines ...string) {
	t.Helper()
	for _, f := range append(redactedFormats, FormatBundle) {
		r := NewRedactor()
		out := exportRedacted(t, r, f, linesEntries(lines...))
		for _, s := range spellings {
			if i := bytes.Index(out, []byte(s)); i >= 0 {
				t.Errorf("%s export keeps %s: …%s…", f, s, out[max(i-80, 0):min(i+40, len(out))])
			}
		}
		// The text format shows no id; the others write the lines.
		if p := r.pseudonym(classUser, user); f != FormatText && !bytes.Contains(out, []byte(p)) {
			t.Errorf("%s export lacks the pseudonym %s of %s:\n%s", f, p, user, out)
		}
	}
}

// A number under a key that names a user, though no field of personal data
// ({"actor":{"user":113256}}), is that user's id: the record's fields lose
// it as its line does, with the same pseudonym.
func TestANumberUnderAUserKeyIsReplacedInTheFieldsAsInTheLine(t *testing.T) {
	event := eventNaming("113256", "200903")
	checkGoneEverywhere(t, "113256", []string{"113256"}, event,
		`ANALYTICS {"event_type":"x","actor":{"user":113256}}`, `{"msg":"y","actor":{"user":113256}}`,
		`{"msg":"z","actor":{"user":"113256"}}`)
	r := NewRedactor()
	rows := decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(event, `{"msg":"y","actor":{"user":113256}}`)))
	fields, _ := rows[len(rows)-1]["fields"].(map[string]any)
	if got, want := fieldAt(fields, "actor.user"), r.pseudonym(classUser, "113256"); got != want {
		t.Errorf("field actor.user = %v, want %s", got, want)
	}
}

// A learned integer id written otherwise in text, where it is replaced
// written as digits (user_id=113256.0, user=+113256, user=1.13256e5), is
// that id, and gets its pseudonym.
func TestAnIntegerIDWrittenOtherwiseInTextIsReplaced(t *testing.T) {
	checkGoneEverywhere(t, "113256", []string{"113256", "1.13256"}, eventNaming("113256", "200903"),
		`[INFO] [connector] policy user_id=113256.0 user=+113256 user=1.13256e5 user=1.13256E+05 user_id="113256.00" user=113256.`)
}

// An id inside a list of objects under a plural of its key ("users":
// [{"id":113256}], "devices": [{"id":"200903"}]) is replaced in the line
// and the fields.
func TestAnIDInAListOfObjectsIsReplaced(t *testing.T) {
	checkGoneEverywhere(t, "113256", []string{"113256", "200903"}, eventNaming("113256", "200903"),
		`ANALYTICS {"event_type":"y","users":[{"id":113256},{"id":1}],"devices":[{"id":"200903"}]}`,
		`{"msg":"z","users":[{"id":113256}]}`)
}

// A small learned id (2) is replaced only where it may stand for that id:
// under a key naming a user, or its own, or none; a quoted number under
// another key ("count":"2") is not an id, and stays, in the line as in the
// fields.
func TestASmallIDIsReplacedOnlyWhereItMayBeTheID(t *testing.T) {
	event := eventNaming("2", "200903")
	lines := []string{event,
		`ANALYTICS {"event_type":"z","count":"2","n":2,"other":"1","items":[{"count":"2"}],"resource":{"id":"2"}}`,
		`[INFO] [connector] sent count="2" retries: "2" user="2"`,
		`{"msg":"m","count":"2","actor":{"user":"2"},"users":[{"id":"2"}]}`,
		`{"msg":"own","user_id":"2","count":"2"}`}
	r := NewRedactor()
	p := r.pseudonym(classUser, "2")
	raw := string(exportRedacted(t, r, FormatRaw, linesEntries(lines...)))
	for _, kept := range []string{`"count":"2","n":2,"other":"1","items":[{"count":"2"}],"resource":{"id":"2"}}`,
		`sent count="2" retries: "2" user="` + p + `"`, `{"msg":"m","count":"2","actor":{"user":"` + p + `"},"users":[{"id":"` + p + `"}]}`,
		`{"msg":"own","user_id":"` + p + `","count":"2"}`} {
		if !strings.Contains(raw, kept) {
			t.Errorf("raw export lacks %s:\n%s", kept, raw)
		}
	}
	r = NewRedactor()
	for i, row := range decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(lines...)))[1:] {
		fields, _ := row["fields"].(map[string]any)
		if got := fieldAt(fields, "count"); got != nil && got != "2" {
			t.Errorf("record %d: field count = %v, want 2", i+1, got)
		}
		if got := fieldAt(fields, "actor.user"); got != nil && got != r.pseudonym(classUser, "2") {
			t.Errorf("record %d: field actor.user = %v, want the pseudonym", i+1, got)
		}
	}
}

// numberAt reads the number a run of word bytes opens, with a '+' before
// it and an exponent's sign after it, less the full stops ending it.
func TestNumberAt(t *testing.T) {
	for _, tt := range []struct{ s, number, id string }{
		{"user=113256.0 x", "113256.0", "113256"},
		{"user=+113256 x", "+113256", "113256"},
		{"user=1.13256e+05, x", "1.13256e+05", "113256"},
		{"user=1.13256E+5", "1.13256E+5", "113256"},
		{"user=1.13256e-5", "", ""},
		{"user=113256.", "113256", "113256"},
		{"user=-200903.0", "-200903.0", "-200903"},
		{"user=113256", "", ""},
		{"user=1e+", "", ""},
		{"user=10.0.0.1", "", ""},
		{"user=abc", "", ""},
		{"user=-", "", ""},
		{"user=1.13256e+05x", "", ""},
		{"user=a+113256", "", ""},
		{"user=(+113256)", "+113256", "113256"},
	} {
		i := strings.IndexByte(tt.s, '=') + 1 // the run: from the first digit or '-' on
		if d := strings.IndexAny(tt.s[i:], "0123456789-"); d >= 0 {
			i += d
		}
		j := i
		for j < len(tt.s) && tokenByte(tt.s[j]) {
			j++
		}
		from, to, id, ok := numberAt(tt.s, i, j, ^uint64(0))
		if ok != (tt.id != "") || ok && (tt.s[from:to] != tt.number || id != tt.id) {
			t.Errorf("numberAt(%q) = %q, %q, %v; want %q, %q", tt.s, tt.s[from:to], id, ok, tt.number, tt.id)
		}
	}
}

// A line that writes a learned number in any way is redacted without a
// panic, and a JSON document stays one.
func FuzzRedactLearnedNumber(f *testing.F) {
	f.Add(`{"users":[{"id":113256.0}],"count":"2"}`, "113256")
	f.Add(`user=+113256 user=1.13256e+05. "2" count="2"`, "2")
	f.Add(`{"actor":{"user":-1e+5}}`, "-100000")
	f.Fuzz(func(t *testing.T, line, id string) {
		lines := []string{eventNaming(id, "200903"), line}
		out := exportRedacted(t, NewRedactor(), FormatRaw, linesEntries(lines...))
		got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		if json.Valid([]byte(line)) && !strings.Contains(line, "\n") && !json.Valid([]byte(got[len(got)-1])) {
			t.Errorf("%q redacted is no JSON: %q", line, got[len(got)-1])
		}
	})
}
