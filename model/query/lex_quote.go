package query

import (
	"fmt"
	"strings"
)

// phrase lexes a "quoted phrase" at i.
func (l *lexer) phrase(i int) (token, *Error) {
	text, end, err := l.quoted(i)
	if err != nil {
		return token{}, err
	}
	if err := l.expectBoundary(end, "quoted text"); err != nil {
		return token{}, err
	}
	return token{kind: tokPhrase, pos: i, end: end, text: text}, nil
}

// quoted decodes the double-quoted string that opens at i and returns it with
// the offset just past the closing quote. \" stands for a quote and \\ for a
// backslash; any other backslash is kept as it is, so that Windows paths and
// regex-like text need no doubling.
func (l *lexer) quoted(i int) (string, int, *Error) {
	src := l.src
	j := i + 1
	start := j
	var b *strings.Builder
	for j < len(src) {
		switch c := src[j]; {
		case c == '"':
			if b == nil {
				return src[start:j], j + 1, nil
			}
			b.WriteString(src[start:j])
			return b.String(), j + 1, nil
		case c == '\\' && j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\'):
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(src[start:j])
			b.WriteByte(src[j+1])
			j += 2
			start = j
		default:
			j++
		}
	}
	return "", 0, errHint(i, `unclosed " opened`, `end the text with "`)
}

// regex lexes a /regex/ at i, with the flag i for case-insensitive matching.
// Inside, \/ stands for a slash (RE2 reads it as one).
func (l *lexer) regex(i int) (token, *Error) {
	src := l.src
	j := i + 1
	for j < len(src) && src[j] != '/' {
		if src[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(src) {
		return token{}, errHint(i, "unclosed regex opened", `end it with /, or quote the text to search for it: "/path"`)
	}
	if j == i+1 {
		return token{}, errHint(i, "empty regex", `to search for "//", quote it`)
	}
	t := token{kind: tokRegex, pos: i, text: src[i+1 : j]}
	k := j + 1
	if k < len(src) && isASCIILetter(src[k]) && l.isBoundary(k+1) {
		// One letter after the closing slash is meant as a flag;
		// /etc/passwd is text after a regex, reported below.
		if src[k] != 'i' {
			return token{}, errHint(k, fmt.Sprintf("unknown regex flag %q", string(src[k])), "only i (ignore case) is supported")
		}
		t.fold = true
		k++
	}
	if err := l.expectBoundary(k, "regex"); err != nil {
		err.Hint = `put a space between terms, or quote the text to search for it: "/a/b"`
		return token{}, err
	}
	t.end = k
	return t, nil
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
