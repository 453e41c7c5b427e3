package query

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// requiredPattern returns a pattern that every match of the RE2 expression
// expr contains: the longest literal its top level spells out, compared
// exactly, or failing one, the longest case-folded literal, compared as
// the expression folds case (its text is "" when there is none). The regex
// term looks for it before running the expression: a search for one id
// over a whole file runs the regular expression only on the few lines
// that hold it.
func requiredPattern(expr string) pattern {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return pattern{}
	}
	re = re.Simplify()
	if lit := mustContain(re, false); lit != "" {
		return pattern{text: lit, mode: caseExact}
	}
	if lit := mustContain(re, true); lit != "" {
		return foldLiteral(lit)
	}
	return pattern{}
}

// foldLiteral is the pattern of a case-folded literal. ASCII letters fold
// into other ASCII letters but for k and s (the Kelvin sign, the long s),
// which regexp folds as Unicode does.
func foldLiteral(lit string) pattern {
	if isASCII(lit) && !strings.ContainsAny(lit, "kKsS") {
		return foldPattern(lit)
	}
	return pattern{text: lit, mode: caseUnicode, anchor: unicodeAnchor(lit)}
}

// mustContain returns a literal every match of re contains, made of the
// literals that fold case or of those that do not (fold). U+FFFD, which
// also matches an invalid byte, is never required.
func mustContain(re *syntax.Regexp, fold bool) string {
	switch re.Op {
	case syntax.OpLiteral:
		best := ""
		if (re.Flags&syntax.FoldCase != 0) == fold {
			for part := range strings.SplitSeq(string(re.Rune), string(utf8.RuneError)) {
				best = longer(best, part)
			}
		}
		return best
	case syntax.OpCapture, syntax.OpPlus:
		return mustContain(re.Sub[0], fold)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContain(re.Sub[0], fold)
		}
	case syntax.OpConcat:
		// Literals side by side in a concatenation are side by side in the
		// text; anything else between them ends the run.
		best, run := "", ""
		for _, sub := range re.Sub {
			if lit := wholeLiteral(sub, fold); lit != "" {
				run += lit
				continue
			}
			best, run = longer(best, run), ""
			best = longer(best, mustContain(sub, fold))
		}
		return longer(best, run)
	}
	return ""
}

// wholeLiteral returns the text of a literal node of the given folding
// that matches its runes only, "" for any other node.
func wholeLiteral(re *syntax.Regexp, fold bool) string {
	if re.Op != syntax.OpLiteral || (re.Flags&syntax.FoldCase != 0) != fold {
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

// mayMatch reports whether text can match: it holds the required pattern.
func (m *regexMatcher) mayMatch(text string) bool {
	return m.must.text == "" || m.must.contains(text)
}
