package export

import (
	"bytes"
	"strings"
	"testing"

	"connlog/model"
)

// encodedEmailEntries are lines spelling one email plainly, URL-encoded
// (a request's query) and JSON-escaped (a JSON payload in a line).
func encodedEmailEntries() []*model.Entry {
	return []*model.Entry{
		textEntry("login alice.smith@corp.example ok"),
		textEntry("GET /auth?next=%2Fhome&u=alice.smith%40corp.example&x=1"),
		textEntry(`payload {"user":"alice.smith\u0040corp.example","k":"v"}`),
		// A URL carried in another's query is encoded twice: %2540.
		textEntry("GET /login?next=%2Fcb%3Fu%3Dalice.smith%2540corp.example"),
	}
}

// TestRedactEncodedEmails: an email written URL-encoded or JSON-escaped is
// replaced, in every format, by the pseudonym of its plain spelling.
func TestRedactEncodedEmails(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			opts := Options{Format: f, Redact: r}
			if f == FormatBundle {
				opts = bundleOptions(t.TempDir())
				opts.Redact = r
			}
			out := encode(t, encodedEmailEntries(), opts)
			members := map[string][]byte{f.String(): out}
			if f == FormatBundle {
				members = gzipBundleFiles(t, out)
			}
			pseudo, _ := strings.CutSuffix(r.pseudonym(classEmail, "alice.smith@corp.example"), "@redacted")
			for name, b := range members {
				if bytes.Contains(b, []byte("alice.smith")) {
					t.Errorf("%s keeps the email:\n%s", name, b)
				}
				if name != "manifest.json" && bytes.Count(b, []byte(pseudo)) < 4 {
					t.Errorf("%s lacks the pseudonym %s in every spelling:\n%s", name, pseudo, b)
				}
			}
		})
	}
}

// TestRedactEncodedEmailKeepsItsSpelling: the @ of the pseudonym is
// written as the line wrote the email's (a URL stays a URL, a JSON string
// decodes to the pseudonym), and what surrounds it is kept.
func TestRedactEncodedEmailKeepsItsSpelling(t *testing.T) {
	r := NewRedactor()
	pseudo, _ := strings.CutSuffix(r.pseudonym(classEmail, "alice+x@corp.example"), "@redacted")
	for in, want := range map[string]string{
		"u=alice%2Bx%40Corp.Example&x=1":       "u=" + pseudo + "%40redacted&x=1",
		`{"u":"alice+x\u0040corp.example"}`:    `{"u":"` + pseudo + `\u0040redacted"}`,
		`"x\nalice+x\u0040corp.example"`:       `"x\n` + pseudo + `\u0040redacted"`,
		"q=hello%20alice%2Bx%40corp.example":   "q=hello%20" + pseudo + "%40redacted",
		"no at: alice%2Bx%41corp.example %40 ": "no at: alice%2Bx%41corp.example %40 ",
		// Encoded twice (or more), the pseudonym's @ is encoded as often.
		"u=alice%252Bx%2540corp.example&x=1":   "u=" + pseudo + "%2540redacted&x=1",
		"u=alice%25252Bx%252540corp.example":   "u=" + pseudo + "%252540redacted",
		"a%2540b %40 alice%2Bx%40corp.example": "a%2540b %40 " + pseudo + "%40redacted",
	} {
		if got := replaceEmails(r, in); got != want {
			t.Errorf("replaceEmails(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPreviewListsEncodedEmails: the preview lists an encoded email as the
// line writes it, with the pseudonym of its plain spelling.
func TestPreviewListsEncodedEmails(t *testing.T) {
	r := NewRedactor()
	want := r.pseudonym(classEmail, "alice.smith@corp.example")
	got := map[string]string{}
	for _, c := range r.Preview(encodedEmailEntries(), nil, 10) {
		got[c.Before] = c.After
	}
	for _, before := range []string{"alice.smith@corp.example", "alice.smith%40corp.example", `alice.smith\u0040corp.example`, "alice.smith%2540corp.example"} {
		if got[before] != want {
			t.Errorf("preview of %s: %q, want %q (all: %v)", before, got[before], want, got)
		}
	}
}
