package query

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// requiredLiteral returns a string that every match of the RE2 expression
// expr contains, the longest the expression's top level spells out ("" when
// there is none). The regex term tests it with a substring search before
// running the expression: a search for one id over a whole file runs the
// regular expression only on the few lines that hold it.
func requiredLiteral(expr string) string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return ""
	}
	return mustContain(re.Simplify())
}

// mustContain returns a literal every match of re contains. Case-folded
// literals and U+FFFD (which also matches an invalid byte) are never
// required: the text need not hold them as written.
func mustContain(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return ""
		}
		best := "" // the longest part without U+FFFD
		for part := range strings.SplitSeq(string(re.Rune), string(utf8.RuneError)) {
			best = longer(best, part)
		}
		return best
	case syntax.OpCapture, syntax.OpPlus:
		return mustContain(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContain(re.Sub[0])
		}
	case syntax.OpConcat:
		// Literals side by side in a concatenation are side by side in the
		// text; anything else between them ends the run.
		best, run := "", ""
		for _, sub := range re.Sub {
			if lit := plainLiteral(sub); sub.Op == syntax.OpLiteral && lit != "" {
				run += lit
				continue
			}
			best, run = longer(best, run), ""
			best = longer(best, mustContain(sub))
		}
		return longer(best, run)
	}
	return ""
}

// plainLiteral returns the text of a literal node that matches only its
// own bytes, "" for any other.
func plainLiteral(re *syntax.Regexp) string {
	if re.Op != syntax.OpLiteral || re.Flags&syntax.FoldCase != 0 {
		return ""
	}
	for _, r := range re.Rune {
		if r == utf8.RuneError {
			return ""
		}
	}
	return string(re.Rune)
}

func longer(a, b string) string {
	if len(b) > len(a) {
		return b
	}
	return a
}

// mayMatch reports whether text can match: it holds the required literal.
func (m *regexMatcher) mayMatch(text string) bool {
	return m.must == "" || strings.Contains(text, m.must)
}
