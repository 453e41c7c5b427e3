package inert

import (
	"strings"
	"testing"
)

// TestRawSpan: a part of a value as shown maps onto the bytes of the value
// it shows, a stand-in cut by either end taken whole, so that Sanitize of
// the part found is what was shown there (or holds it, for a cut
// stand-in).
func TestRawSpan(t *testing.T) {
	const s = "evil\x1b]0;pwned\x07@\u202eé\xff"
	shown := Sanitize(s) // evil␛]0;pwned\x07@‹U+202E›é\xff
	for _, tc := range []struct {
		part, want string
	}{
		{"evil", "evil"},
		{"evil␛", "evil\x1b"},
		{"␛]0;", "\x1b]0;"},
		{`pwned\x07@`, "pwned\x07@"},
		{`\x0`, "\x07"},
		{`7@`, "\x07@"},
		{"U+202E", "\u202e"},
		{"›é", "\u202eé"},
		{`é\xff`, "é\xff"},
		{`ff`, "\xff"},
		{shown, s},
	} {
		from := strings.Index(shown, tc.part)
		if from < 0 {
			t.Fatalf("%q is not in %q", tc.part, shown)
		}
		a, b := RawSpan(s, from, from+len(tc.part))
		if got := s[a:b]; got != tc.want {
			t.Errorf("RawSpan of %q = %q, want %q", tc.part, got, tc.want)
		}
	}
	if a, b := RawSpan("plain", 1, 3); a != 1 || b != 3 {
		t.Errorf("RawSpan of plain text = %d, %d, want 1, 3", a, b)
	}
}

// FuzzRawSpan: the bytes RawSpan gives, made inert, show the part asked
// for, whatever the text and wherever the part is cut.
func FuzzRawSpan(f *testing.F) {
	f.Add("evil\x1b]0;pwned\x07@\u202eé\xff", 3, 9)
	f.Add("plain", 0, 5)
	f.Fuzz(func(t *testing.T, s string, from, n int) {
		shown := Sanitize(s)
		if from < 0 || n <= 0 || from+n > len(shown) {
			return
		}
		a, b := RawSpan(s, from, from+n)
		if a < 0 || a >= b || b > len(s) {
			t.Fatalf("RawSpan(%q, %d, %d) = %d, %d", s, from, from+n, a, b)
		}
		if part := shown[from : from+n]; !strings.Contains(Sanitize(s[a:b]), part) {
			t.Fatalf("RawSpan(%q, %d, %d) = %q, which shows %q, not %q", s, from, from+n, s[a:b], Sanitize(s[a:b]), part)
		}
	})
}
