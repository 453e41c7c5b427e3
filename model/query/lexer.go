package query

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexer splits query text into tokens. It works on bytes and reports byte
// offsets; it never fails on odd bytes (invalid UTF-8 is just text).
type lexer struct {
	src  string
	pos  int
	toks []token
}

// lex returns the tokens of src, ending with a tokEOF at len(src).
func lex(src string) ([]token, *Error) {
	l := &lexer{src: src}
	for {
		l.skipSpace()
		if l.pos >= len(src) {
			l.toks = append(l.toks, token{kind: tokEOF, pos: len(src), end: len(src)})
			return l.toks, nil
		}
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		l.toks = append(l.toks, t)
		l.pos = t.end
	}
}

// next lexes the token that starts at l.pos, which is not a space.
func (l *lexer) next() (token, *Error) {
	i := l.pos
	switch l.src[i] {
	case '(':
		return token{kind: tokLParen, pos: i, end: i + 1}, nil
	case ')':
		return token{kind: tokRParen, pos: i, end: i + 1}, nil
	case '"':
		return l.phrase(i)
	case '/':
		return l.regex(i)
	case '-':
		if l.isBoundary(i+1) && !l.isByte(i+1, '(') {
			return token{}, errHint(i+1, `expected a term after "-"`, `to search for "-", quote it`)
		}
		return token{kind: tokNeg, pos: i, end: i + 1}, nil
	}
	return l.wordOrField(i)
}

// wordOrField lexes a field term when the text starts with a field name
// followed by an operator, and a bare word (or keyword) otherwise.
func (l *lexer) wordOrField(i int) (token, *Error) {
	t, isField, err := l.field(i)
	if err != nil || isField {
		return t, err
	}
	end := l.runEnd(i)
	text := l.src[i:end]
	for _, kw := range [...]struct {
		word string
		kind tokKind
	}{{"and", tokAnd}, {"or", tokOr}, {"not", tokNot}} {
		if strings.EqualFold(text, kw.word) {
			return token{kind: kw.kind, pos: i, end: end, text: text}, nil
		}
	}
	return token{kind: tokWord, pos: i, end: end, text: text}, nil
}

// field lexes name<op>value at i. isField is false when the text there is
// not a field name followed by an operator, so that 10.0.0.1:22, [INFO] and
// libsdwan/controller stay bare words.
func (l *lexer) field(i int) (t token, isField bool, err *Error) {
	name, literal, nameEnd, err := l.fieldName(i)
	if err != nil || nameEnd < 0 {
		return token{}, false, err
	}
	o, width := l.operator(nameEnd)
	if width == 0 {
		if literal && l.isByte(i+1, '"') {
			return token{}, false, errHint(nameEnd, fmt.Sprintf("expected an operator after %s", l.src[i:nameEnd]),
				"use one of : = != > >= < <=")
		}
		return token{}, false, nil
	}
	t = token{kind: tokField, pos: i, text: name, literal: literal, op: o, opPos: nameEnd, valuePos: nameEnd + width}
	if err := l.fieldValue(&t); err != nil {
		return token{}, false, err
	}
	return t, true, nil
}

// fieldName reads a field name at i: an identifier (user, connection.rx),
// .name for an exact key, or ."any key" for a key with odd characters.
// nameEnd is -1 when there is no field name at i.
func (l *lexer) fieldName(i int) (name string, literal bool, nameEnd int, err *Error) {
	src := l.src
	if src[i] == '.' {
		if l.isByte(i+1, '"') {
			name, end, err := l.quoted(i + 1)
			return name, true, end, err
		}
		end := i + 1
		for end < len(src) && !l.isBoundary(end) && !isLiteralStop(src[end]) {
			end++
		}
		if end == i+1 {
			return "", false, -1, nil
		}
		return src[i+1 : end], true, end, nil
	}
	if !isNameStart(src[i]) {
		return "", false, -1, nil
	}
	end := i + 1
	for end < len(src) && isNameByte(src[end]) {
		end++
	}
	return src[i:end], false, end, nil
}

// fieldValue reads the value after the operator into t.
func (l *lexer) fieldValue(t *token) *Error {
	v := t.valuePos
	if l.isBoundary(v) {
		return errHint(v, fmt.Sprintf("expected a value after %q", l.src[t.pos:v]), emptyValueHint(*t))
	}
	if l.src[v] == '"' {
		value, end, err := l.quoted(v)
		if err != nil {
			return err
		}
		if err := l.expectBoundary(end, "quoted value"); err != nil {
			return err
		}
		t.value, t.quoted, t.end = value, true, end
		return nil
	}
	end := l.runEnd(v)
	t.value, t.end = l.src[v:end], end
	return nil
}

// operator returns the operator at i and its width, or width 0.
func (l *lexer) operator(i int) (op, int) {
	if i >= len(l.src) {
		return 0, 0
	}
	two := ""
	if i+1 < len(l.src) {
		two = l.src[i : i+2]
	}
	switch two {
	case "!=":
		return opNe, 2
	case ">=":
		return opGe, 2
	case "<=":
		return opLe, 2
	}
	switch l.src[i] {
	case ':':
		return opGlob, 1
	case '=':
		return opEq, 1
	case '>':
		return opGt, 1
	case '<':
		return opLt, 1
	}
	return 0, 0
}

// skipSpace advances past white space (any Unicode space).
func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		w := l.spaceWidth(l.pos)
		if w == 0 {
			return
		}
		l.pos += w
	}
}

// runEnd returns the end of the unquoted text that starts at i: the next
// space or parenthesis.
func (l *lexer) runEnd(i int) int {
	for i < len(l.src) && !l.isBoundary(i) {
		i++
	}
	return i
}

// isBoundary reports whether a term may end before i: at the end, a space
// or a parenthesis.
func (l *lexer) isBoundary(i int) bool {
	if i >= len(l.src) {
		return true
	}
	c := l.src[i]
	return c == '(' || c == ')' || l.spaceWidth(i) > 0
}

// expectBoundary reports an error unless a term may end at i.
func (l *lexer) expectBoundary(i int, what string) *Error {
	if l.isBoundary(i) {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(l.src[i:])
	return errHint(i, fmt.Sprintf("unexpected %q after %s", string(r), what), "put a space between terms")
}

// spaceWidth returns the byte width of the white space rune at i, or 0.
func (l *lexer) spaceWidth(i int) int {
	c := l.src[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(l.src[i:])
	if unicode.IsSpace(r) {
		return w
	}
	return 0
}

// isByte reports whether the byte at i is c.
func (l *lexer) isByte(i int, c byte) bool { return i < len(l.src) && l.src[i] == c }

// isNameStart reports whether c may start a field name.
func isNameStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isNameByte reports whether c may continue a field name.
func isNameByte(c byte) bool { return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-' }

// isLiteralStop reports whether c ends an unquoted .name: a quote or the
// first byte of an operator.
func isLiteralStop(c byte) bool {
	return c == '"' || c == ':' || c == '=' || c == '!' || c == '<' || c == '>'
}
