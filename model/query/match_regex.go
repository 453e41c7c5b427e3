package query

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// requiredPatterns returns patterns one of which every match of the RE2
// expression expr contains: the literals its top level spells out, or one
// literal of each branch of an alternation (/timeout|refused/); none when
// some match needs no literal at all. A case-folded literal is compared as
// the expression folds case. The regex term looks for them before running
// the expression: a search for one id over a whole file runs the regular
// expression only on the few lines that hold it.
func requiredPatterns(expr string) []pattern {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	var out []pattern
	for _, lit := range mustContain(re.Simplify()) {
		if lit.fold {
			out = append(out, foldLiteral(lit.text))
		} else {
			out = append(out, pattern{text: lit.text, mode: caseExact})
		}
	}
	return out
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

// literal is a piece of text a match must hold, compared exactly or with
// case folded.
type literal struct {
	text string
	fold bool
}

// maxAlternatives bounds the literals one of which is required.
const maxAlternatives = 8

// mustContain returns literals one of which every match of re contains
// (nil for none): the best of the candidates its parts offer. U+FFFD,
// which also matches an invalid byte, is never part of one.
func mustContain(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		var best []literal
		for part := range strings.SplitSeq(string(re.Rune), string(utf8.RuneError)) {
			best = better(best, oneLiteral(part, re.Flags&syntax.FoldCase != 0))
		}
		return best
	case syntax.OpCapture, syntax.OpPlus:
		return mustContain(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustContain(re.Sub[0])
		}
	case syntax.OpAlternate:
		var any []literal
		for _, sub := range re.Sub {
			lits := mustContain(sub)
			if len(lits) == 0 || len(any)+len(lits) > maxAlternatives {
				return nil
			}
			any = append(any, lits...)
		}
		return any
	case syntax.OpConcat:
		// Literals side by side in a concatenation are side by side in the
		// text; anything else between them, or a change of folding, ends
		// the run.
		var best []literal
		var run literal
		for _, sub := range re.Sub {
			text, fold, ok := wholeLiteral(sub)
			if ok && (run.text == "" || fold == run.fold) {
				run.text, run.fold = run.text+text, fold
				continue
			}
			best, run = better(best, oneLiteral(run.text, run.fold)), literal{}
			if ok {
				run = literal{text, fold}
				continue
			}
			best = better(best, mustContain(sub))
		}
		return better(best, oneLiteral(run.text, run.fold))
	}
	return nil
}

// wholeLiteral returns the text and folding of a literal node that holds
// no U+FFFD, ok false for any other node.
func wholeLiteral(re *syntax.Regexp) (text string, fold, ok bool) {
	if re.Op != syntax.OpLiteral || slices.Contains(re.Rune, utf8.RuneError) {
		return "", false, false
	}
	return string(re.Rune), re.Flags&syntax.FoldCase != 0, true
}

// oneLiteral is the candidate of a single literal, none for "".
func oneLiteral(text string, fold bool) []literal {
	if text == "" {
		return nil
	}
	return []literal{{text, fold}}
}

// better returns the better of two candidates: the one whose shortest
// literal is longer (it is found more rarely), then the one with fewer
// literals to look for.
func better(a, b []literal) []literal {
	sa, sb := shortest(a), shortest(b)
	if sb > sa || sb == sa && len(b) < len(a) && len(b) > 0 {
		return b
	}
	return a
}

// shortest is the length of a candidate's shortest literal, 0 for none.
func shortest(lits []literal) int {
	n := 0
	for i, l := range lits {
		if i == 0 || len(l.text) < n {
			n = len(l.text)
		}
	}
	return n
}

// mayMatch reports whether text can match: it holds one of the required
// patterns, if there are any.
func (m *regexMatcher) mayMatch(text string) bool {
	if len(m.must) == 0 {
		return true
	}
	for i := range m.must {
		if m.must[i].contains(text) {
			return true
		}
	}
	return false
}
