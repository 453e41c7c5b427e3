package theme

import (
	"strings"
	"testing"
)

// TestRegexMarksTheStandInOfAControl: a regular expression that matches a
// control character of the text marks the stand-in shown for it (␛, \x07,
// \t, ‹U+202E›) once cleaned; a line's own backslash is no control.
func TestRegexMarksTheStandInOfAControl(t *testing.T) {
	cases := []struct {
		name, raw, query, want string
	}{
		{"escape", "a \x1b[31mred", `/\x1b/`, "a [␛][31mred"},
		{"escape and what follows", "a \x1b[31mred", `/\x1b\[31m/`, "a [␛[31m]red"},
		{"bell", "ding\x07!", `/\x07/`, `ding[\x07]!`},
		{"tab", "k\tv", `/k\tv/`, `[k\tv]`},
		{"bidi override", "x\u202ey", `/\x{202e}/`, "x[‹U+202E›]y"},
		{"a word on the text", "a \x1b[31mred", `red`, "a ␛[31m[red]"},
		{"a literal backslash is no control", `C:\x07dir`, `/\x07/`, `C:\x07dir`},
		{"a literal backslash beside a control", "C:\\x07\x07", `/\x07/`, `C:\x07[\x07]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Plain(c.raw).WithTerms(termsOf(t, c.query)).Clean()
			if got := markedText(m); got != c.want {
				t.Errorf("%s in %q: got %q, want %q", c.query, m.Text, got, c.want)
			}
		})
	}
}

// markedText is m's text with its marks in brackets.
func markedText(m Marked) string {
	var b strings.Builder
	at := 0
	for _, sp := range m.Spans {
		b.WriteString(m.Text[at:sp[0]] + "[" + m.Text[sp[0]:sp[1]] + "]")
		at = sp[1]
	}
	return b.String() + m.Text[at:]
}
