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
