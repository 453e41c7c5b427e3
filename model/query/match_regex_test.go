package query

import (
	"regexp"
	"strings"
	"testing"
)

func TestRequiredPatterns(t *testing.T) {
	for _, c := range []struct {
		expr, want string // the patterns' texts, joined by |
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
		{`a|b`, "", caseExact}, // a character class
		{`timeout|refused`, "timeout|refused", caseExact},
		{`timeout|\d+`, "", caseExact},
		{`(timeout|refused) after`, "timeout|refused", caseExact},
		{`(ab|cd) after`, " after", caseExact},
		{`x(timeout|refused)`, "timeout|refused", caseExact},
		{`(?i)timeout`, "timeout", caseASCII},
		{`(?i)Kelvin`, "KELVIN", caseUnicode},
		{`(?i)(ab|cd)`, "ab|cd", caseASCII},
		{`time(?i:out)`, "time", caseExact},
		{`é\x{FFFD}x`, "é", caseExact},
		{`ab\x{FFFD}cde`, "cde", caseExact},
		{`.*`, "", caseExact},
		{`[ab]c`, "c", caseExact},
	} {
		got := requiredPatterns(c.expr)
		var texts []string
		for _, p := range got {
			texts = append(texts, p.text)
		}
		if strings.Join(texts, "|") != c.want || len(got) > 0 && got[0].mode != c.mode {
			t.Errorf("requiredPatterns(%q) = %q (%+v), want %q (mode %d)", c.expr, texts, got, c.want, c.mode)
		}
	}
}

// FuzzRequiredPatterns: whatever a regular expression matches holds one of
// its required patterns, so the search for them never rejects a match.
func FuzzRequiredPatterns(f *testing.F) {
	for _, s := range [][2]string{
		{`\be755-2\b`, "x e755-2 y"}, {`(?i)ERROR`, "error"}, {`a\x{FFFD}b`, "a\xffb"},
		{`(ab|cd)ef`, "cdef"}, {`x(?:yz)+`, "xyzyz"}, {`^\d+ms$`, "41ms"}, {`caf(?i:É)`, "café"},
		{`(?i)kelvin`, "\u212aelvin"}, {`(?i)ss`, "\u017fS"}, {`(?i)straße`, "STRASSE"},
		{`timeout|refused`, "connection refused"}, {`timeout|\d+`, "42"}, {`(?i)a|\x{212A}`, "k"}, {`(ab|c)d(?i:e)`, "cdE"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || !re.MatchString(text) {
			return
		}
		m := regexMatcher{re: re, must: requiredPatterns(expr)}
		if !m.mayMatch(text) {
			t.Fatalf("/%s/ matches %q, which holds none of the required %+v", expr, text, m.must)
		}
	})
}
