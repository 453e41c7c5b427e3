package query

import (
	"regexp"
	"testing"
)

func TestRequiredPattern(t *testing.T) {
	for _, c := range []struct {
		expr, want string
		mode       caseMode
	}{
		{`\be07be60bd1a1665e-63\b`, "e07be60bd1a1665e-63", caseExact},
		{`\b10\.20\.4\.10:443\b`, "10.20.4.10:443", caseExact},
		{`conn=(\w+) closed`, " closed", caseExact},
		{`failed to (connect|resolve) to relay`, "failed to ", caseExact},
		{`(abc)+x`, "abc", caseExact},
		{`(abc){2,}`, "abc", caseExact},
		{`(abc)?x`, "x", caseExact},
		{`(abc)*`, "", caseExact},
		{`a|b`, "", caseExact},
		{`(?i)timeout`, "timeout", caseASCII},
		{`(?i)Kelvin`, "KELVIN", caseUnicode},
		{`(?i)(ab|cd)`, "", caseExact},
		{`time(?i:out)`, "time", caseExact},
		{`é\x{FFFD}x`, "é", caseExact},
		{`ab\x{FFFD}cde`, "cde", caseExact},
		{`.*`, "", caseExact},
		{`[ab]c`, "c", caseExact},
	} {
		got := requiredPattern(c.expr)
		if got.text != c.want || got.mode != c.mode {
			t.Errorf("requiredPattern(%q) = %q (mode %d), want %q (mode %d)", c.expr, got.text, got.mode, c.want, c.mode)
		}
	}
}

// FuzzRequiredPattern: whatever a regular expression matches holds its
// required pattern, so the search for it never rejects a match.
func FuzzRequiredPattern(f *testing.F) {
	for _, s := range [][2]string{
		{`\be755-2\b`, "x e755-2 y"}, {`(?i)ERROR`, "error"}, {`a\x{FFFD}b`, "a\xffb"},
		{`(ab|cd)ef`, "cdef"}, {`x(?:yz)+`, "xyzyz"}, {`^\d+ms$`, "41ms"}, {`caf(?i:É)`, "café"},
		{`(?i)kelvin`, "\u212aelvin"}, {`(?i)ss`, "\u017fS"}, {`(?i)straße`, "STRASSE"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || !re.MatchString(text) {
			return
		}
		if must := requiredPattern(expr); must.text != "" && !must.contains(text) {
			t.Fatalf("/%s/ matches %q, which lacks the required %q (mode %d)", expr, text, must.text, must.mode)
		}
	})
}
