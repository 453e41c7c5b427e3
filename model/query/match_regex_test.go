package query

import (
	"regexp"
	"strings"
	"testing"
)

func TestRequiredLiteral(t *testing.T) {
	for _, c := range []struct{ expr, want string }{
		{`\be07be60bd1a1665e-63\b`, "e07be60bd1a1665e-63"},
		{`\b10\.20\.4\.10:443\b`, "10.20.4.10:443"},
		{`conn=(\w+) closed`, " closed"},
		{`failed to (connect|resolve) to relay`, "failed to "},
		{`(abc)+x`, "abc"},
		{`(abc){2,}`, "abc"},
		{`(abc)?x`, "x"},
		{`(abc)*`, ""},
		{`a|b`, ""},
		{`(?i)timeout`, ""},
		{`time(?i:out)`, "time"},
		{`é\x{FFFD}x`, "é"},
		{`ab\x{FFFD}cde`, "cde"},
		{`.*`, ""},
		{`[ab]c`, "c"},
	} {
		if got := requiredLiteral(c.expr); got != c.want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}

// FuzzRequiredLiteral: whatever a regular expression matches holds its
// required literal, so the substring test never rejects a match.
func FuzzRequiredLiteral(f *testing.F) {
	for _, s := range [][2]string{
		{`\be755-2\b`, "x e755-2 y"}, {`(?i)ERROR`, "error"}, {`a\x{FFFD}b`, "a\xffb"},
		{`(ab|cd)ef`, "cdef"}, {`x(?:yz)+`, "xyzyz"}, {`^\d+ms$`, "41ms"}, {`caf(?i:É)`, "café"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || !re.MatchString(text) {
			return
		}
		if must := requiredLiteral(expr); !strings.Contains(text, must) {
			t.Fatalf("/%s/ matches %q, which lacks the required %q", expr, text, must)
		}
	})
}
