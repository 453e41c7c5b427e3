package query

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term builds the query text for field=value, exact match, quoting the
// value only when it needs it: Term("user", "a b@x") is `user="a b@x"`.
// field is an alias, a parser key, or .key for a key by its exact name; a
// name the language does not know (a key of some JSON object) is written
// .key so that the term still compiles. For since and until Term writes
// since:value. Values of level, kind and time must be names and times those
// terms accept; other values may hold anything, including quotes, spaces,
// stars and invalid UTF-8.
//
// A pivot on one entry's field should pass "."+key to match that key
// exactly, or AliasOf(key) to match the same thing in every kind of entry:
// a bare key an alias shadows (Pangolin's "event") names the alias.
func Term(field, value string) string {
	op := "="
	if isTimeBound(field) {
		op = ":"
	}
	return fieldText(field) + op + valueText(value)
}

// Not negates a term: "-term" for a single term or group, "-(…)" otherwise.
// An empty term (which matches everything) gives "", since the language has
// no term that matches nothing.
func Not(term string) string {
	term = strings.TrimSpace(term)
	if term == "" {
		return term
	}
	if isSingleTerm(term) {
		return "-" + term
	}
	return "-(" + term + ")"
}

// And joins terms so that an entry must match all of them; a term holding a
// top-level "or" is put in parentheses. Empty terms match everything, so
// they are left out.
func And(terms ...string) string {
	var parts []string
	for _, t := range terms {
		if strings.TrimSpace(t) == "" {
			continue
		}
		if hasTopLevelOr(t) {
			t = "(" + t + ")"
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, " ")
}

// Or joins terms so that an entry may match any of them. "and" binds more
// tightly than "or", so no parentheses are needed. An empty term matches
// everything, and so then does the result: Or("", x) is "".
func Or(terms ...string) string {
	for _, t := range terms {
		if strings.TrimSpace(t) == "" {
			return ""
		}
	}
	return strings.Join(terms, " or ")
}

// fieldText writes a field name so that it lexes back to the same field.
func fieldText(field string) string {
	if key, ok := strings.CutPrefix(field, "."); ok {
		return "." + literalKeyText(key)
	}
	if isTimeBound(field) || isPlainName(field) && (isKnownKey(field) || isAlias(field)) {
		return field
	}
	return "." + literalKeyText(field)
}

// literalKeyText writes the part after the dot of .key, quoting it when the
// key has characters the unquoted form stops at.
func literalKeyText(key string) string {
	if key == "" || strings.ContainsFunc(key, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r < 0x80 && isLiteralStop(byte(r))
	}) {
		return quote(key)
	}
	return key
}

// valueText writes a value, quoting it when it is empty or holds a space, a
// parenthesis or a quote.
func valueText(v string) string {
	if v == "" || strings.ContainsFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"'
	}) {
		return quote(v)
	}
	return v
}

// Holding writes a term that matches a field whose value holds s, in the
// way a bare word matches (smart case): field:*s*. A glob cannot spell a
// star, so for an s holding one (or an empty s) it gives "", which And
// leaves out.
func Holding(field, s string) string {
	if s == "" || strings.Contains(s, "*") {
		return ""
	}
	return fieldText(field) + ":" + valueText("*"+s+"*")
}

// Glob writes a term that matches a field whose whole value matches the
// pattern, where * stands for any run of characters (smart case): a
// template's masked value with its placeholders as stars. A glob cannot
// spell a literal star, so pattern holds none but its wildcards.
func Glob(field, pattern string) string { return fieldText(field) + ":" + valueText(pattern) }

// Present writes a term that matches an entry holding field with any
// value: field:*. Negated, it matches the entries without it.
func Present(field string) string { return fieldText(field) + ":*" }

// Phrase writes s as a quoted phrase: a bare-word term that matches s
// literally in the raw line, whatever spaces, colons or quotes it holds.
// It is also the quoted form field values and time bounds take
// (since:"2026-11-20 08:00:00").
func Phrase(s string) string { return quote(s) }

// Token writes a regex term that matches s in the raw line as a whole
// token: not as part of a longer run of ASCII letters, digits and
// underscores, so that the connection id e755-2 does not match e755-24 and
// 10.0.0.5:443 does not match 10.0.0.5:4430. A side of s that ends in
// another character (a dot, a colon) has no boundary to keep. s is matched
// literally and case-sensitively, whatever it holds; text that is not
// valid UTF-8, which no regex can spell, is written as a Phrase.
func Token(s string) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		return Phrase(s)
	}
	var b strings.Builder
	b.WriteByte('/')
	if isWordByte(s[0]) {
		b.WriteString(`\b`)
	}
	b.WriteString(strings.ReplaceAll(regexp.QuoteMeta(s), "/", `\/`))
	if isWordByte(s[len(s)-1]) {
		b.WriteString(`\b`)
	}
	b.WriteByte('/')
	return b.String()
}

// isWordByte reports whether c is what RE2's \b counts as a word character.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// quote writes s as a quoted string, escaping backslashes and quotes.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// isPlainName reports whether s lexes as an unquoted field name.
func isPlainName(s string) bool {
	if s == "" || !isNameStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return true
}

// isAlias reports whether name is an alias.
func isAlias(name string) bool {
	_, ok := lookupAlias(name)
	return ok
}

// isSingleTerm reports whether text is one term or one parenthesised group,
// which a leading "-" negates as a whole.
func isSingleTerm(text string) bool {
	toks, err := lex(text)
	if err != nil || len(toks) < 2 {
		return false
	}
	body := toks[:len(toks)-1] // without EOF
	if len(body) == 1 {
		switch body[0].kind {
		case tokWord, tokPhrase, tokRegex, tokField:
			return true
		}
		return false
	}
	if body[0].kind != tokLParen {
		return false
	}
	depth := 0
	for i, t := range body {
		switch t.kind {
		case tokLParen:
			depth++
		case tokRParen:
			depth--
			if depth == 0 && i != len(body)-1 {
				return false
			}
		}
	}
	return depth == 0
}

// hasTopLevelOr reports whether text has an "or" outside parentheses (or
// cannot be read, in which case parentheses are the safe choice).
func hasTopLevelOr(text string) bool {
	toks, err := lex(text)
	if err != nil {
		return true
	}
	depth := 0
	for _, t := range toks {
		switch t.kind {
		case tokLParen:
			depth++
		case tokRParen:
			depth--
		case tokOr:
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}
