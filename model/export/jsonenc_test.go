package export

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\x00\x1b[31m", "São Paulo \u202e",
		"bad \xff\xfe utf8 \xc3\x28", "line\u2028para\u2029end"} {
		t.Run(s, func(t *testing.T) { checkJSONString(t, s) })
	}
}

// TestAppendJSONStringEscapesLineSeparators: U+2028 and U+2029 are valid
// in JSON but end a line in JavaScript; encoding/json escapes them and so
// must the one encoder every JSON writer of connlog shares.
func TestAppendJSONStringEscapesLineSeparators(t *testing.T) {
	got := string(AppendJSONString(nil, "a\u2028b\u2029c"))
	if want := `"a\u2028b\u2029c"`; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	std, _ := json.Marshal("a\u2028b\u2029c")
	if got != string(std) {
		t.Fatalf("got %s, encoding/json writes %s", got, std)
	}
}

// checkJSONString checks that s encodes to valid JSON that reads back as s
// (with invalid bytes as U+FFFD) and carries no raw line separator.
func checkJSONString(t *testing.T, s string) {
	t.Helper()
	out := AppendJSONString(nil, s)
	var back string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("%q encodes to invalid JSON %s: %v", s, out, err)
	}
	want := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		want = append(want, r)
		i += n
	}
	if back != string(want) {
		t.Fatalf("%q round-trips to %q", s, back)
	}
	if strings.ContainsAny(string(out), "\u2028\u2029") {
		t.Fatalf("%q encodes to %q, with a raw line separator", s, out)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("hello")
	f.Add("\x00\xff\"\\\u2028")
	f.Fuzz(func(t *testing.T, s string) { checkJSONString(t, s) })
}
