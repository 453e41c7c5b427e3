package payload

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanner reads one JSON text in place, without building a tree: callers
// walk objects and arrays with callbacks and take the scalars they want.
// Strings without escapes are returned as substrings of the input, so a
// payload converted to a string once yields every field value without
// further allocation.
//
// The first syntax error stops everything: err is set and every method
// becomes a no-op, so walkers need not check after each call.
type scanner struct {
	s     string
	i     int
	depth int
	err   *syntaxError
}

// syntaxError says what was wrong and where, as a byte offset in the
// scanned text.
type syntaxError struct {
	msg string
	off int
}

// Error names the byte counting from 1, as a query error counts its
// columns and the detail card its bytes.
func (e *syntaxError) Error() string {
	return "invalid JSON at byte " + strconv.Itoa(e.off+1) + ": " + e.msg
}

// valueKind is the type of the next JSON value.
type valueKind uint8

const (
	kindInvalid valueKind = iota
	kindString
	kindNumber
	kindBool
	kindNull
	kindObject
	kindArray
)

// scalar is one JSON leaf value. text is the string's content, the
// number's literal text, or "true"/"false"/"null".
type scalar struct {
	kind  valueKind
	text  string
	num   float64
	isNum bool // a number that fits a float64
}

func (sc *scanner) fail(msg string) {
	if sc.err != nil {
		return
	}
	if sc.i >= len(sc.s) {
		// Said plainly, since a cut-off record is the common case.
		msg = "unexpected end of input (truncated record?)"
	}
	sc.err = &syntaxError{msg: msg, off: sc.i}
}

func (sc *scanner) ws() {
	for sc.i < len(sc.s) && isJSONSpace(sc.s[sc.i]) {
		sc.i++
	}
}

// isJSONSpace reports whether c is JSON's white space. Most bytes the
// scanner looks at are not, and are told by their first comparison.
func isJSONSpace(c byte) bool {
	return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')
}

// peek skips white space and returns the next byte, or 0 at the end or
// after an error.
func (sc *scanner) peek() byte {
	if sc.err != nil {
		return 0
	}
	sc.ws()
	if sc.i < len(sc.s) {
		return sc.s[sc.i]
	}
	return 0
}

// more skips white space and reports whether input remains (a NUL byte is
// input, not the end).
func (sc *scanner) more() bool {
	sc.ws()
	return sc.err == nil && sc.i < len(sc.s)
}

// next reports the kind of the next value without consuming it.
func (sc *scanner) next() valueKind {
	switch c := sc.peek(); {
	case c == '"':
		return kindString
	case c == '{':
		return kindObject
	case c == '[':
		return kindArray
	case c == 't' || c == 'f':
		return kindBool
	case c == 'n':
		return kindNull
	case c == '-' || (c >= '0' && c <= '9'):
		return kindNumber
	}
	return kindInvalid
}

// str reads a string value.
func (sc *scanner) str() string {
	if sc.peek() != '"' {
		sc.fail("expected a string")
		return ""
	}
	return sc.strAt()
}

// strAt is str for a string whose quote is at sc.i: one its caller has
// peeked at.
func (sc *scanner) strAt() string {
	start := sc.i + 1
	end := quoteOrEscape(sc.s, start)
	switch {
	case end >= 0 && sc.s[end] == '"':
		sc.i = end + 1
		return sc.s[start:end]
	case end >= 0 && strings.IndexByte(sc.s[end:], '"') >= 0:
		return sc.unescape(start)
	}
	sc.i = len(sc.s)
	sc.fail("unterminated string")
	return ""
}

// quoteOrEscape returns the index of the first '"' or '\\' in s[i:], or
// -1. An event's strings are short and many, keys and values alike: one
// pass testing eight bytes at a time for either costs less than two
// IndexByte calls, a quote's then a backslash's before it (an event 7%
// fewer instructions, BenchmarkParseAnalytics under callgrind).
func quoteOrEscape(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := le64(s, i)
		q, b := w^quotes, w^backslashes
		// A byte of q or b is zero where w holds a quote or a backslash;
		// the lowest byte flagged is exact (a borrow only flags bytes above
		// a zero byte).
		if m := ((q-ones)&^q | (b-ones)&^b) & high; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			return i
		}
	}
	return -1
}

// Constants of quoteOrEscape's byte-wise arithmetic.
const (
	ones        = 0x0101010101010101
	high        = 0x8080808080808080
	quotes      = '"' * ones
	backslashes = '\\' * ones
)

// le64 returns s[i:i+8] as a little-endian number: one load.
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unescape decodes a string holding escapes, starting after its quote.
// Invalid \u escapes become U+FFFD rather than failing: log text is kept.
func (sc *scanner) unescape(start int) string {
	buf := make([]byte, 0, 64)
	j := start
	for j < len(sc.s) {
		c := sc.s[j]
		switch {
		case c == '"':
			sc.i = j + 1
			return string(buf)
		case c != '\\':
			buf = append(buf, c)
			j++
			continue
		}
		if j+1 >= len(sc.s) {
			break
		}
		e := sc.s[j+1]
		j += 2
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			var r rune
			r, j = sc.unicodeEscape(j)
			if sc.err != nil {
				return ""
			}
			buf = utf8.AppendRune(buf, r)
		default:
			sc.i = j - 2
			sc.fail("invalid escape in string")
			return ""
		}
	}
	sc.i = len(sc.s)
	sc.fail("unterminated string")
	return ""
}

// unicodeEscape decodes the hex digits of \uXXXX at j (after the "u"),
// joining a UTF-16 surrogate pair when one follows.
func (sc *scanner) unicodeEscape(j int) (rune, int) {
	r, ok := hex4(sc.s, j)
	if !ok {
		sc.i = j
		sc.fail("invalid \\u escape")
		return 0, j
	}
	j += 4
	if r >= 0xD800 && r < 0xDC00 {
		if j+6 <= len(sc.s) && sc.s[j] == '\\' && sc.s[j+1] == 'u' {
			if lo, ok := hex4(sc.s, j+2); ok && lo >= 0xDC00 && lo < 0xE000 {
				return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), j + 6
			}
		}
		return utf8.RuneError, j
	}
	if r >= 0xDC00 && r < 0xE000 {
		return utf8.RuneError, j
	}
	return r, j
}

func hex4(s string, j int) (rune, bool) {
	if j+4 > len(s) {
		return 0, false
	}
	var r rune
	for k := j; k < j+4; k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number reads a number following the JSON grammar and returns its literal
// text and value; isNum is false when the value overflows a float64.
func (sc *scanner) number() (string, float64, bool) {
	raw, ok := sc.numberText()
	if !ok {
		return "", 0, false
	}
	if f, ok := smallInt(raw); ok {
		return raw, f, true
	}
	f, err := strconv.ParseFloat(raw, 64)
	return raw, f, err == nil
}

// smallInt converts a JSON integer of at most 15 digits (ids, ports, byte
// counts, epoch milliseconds), which a float64 holds exactly, so
// strconv.ParseFloat would return the same value: it is most of an
// event's numbers, and this costs a fraction of the general conversion.
// It reports false for any other number. raw follows the JSON grammar.
func smallInt(raw string) (float64, bool) {
	digits := raw
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 15 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	f := float64(n)
	if len(digits) < len(raw) {
		f = -f // -0 too, as ParseFloat reads "-0"
	}
	return f, true
}

// numberText reads a number following the JSON grammar and returns its
// literal text, without converting it (skip needs no value).
func (sc *scanner) numberText() (string, bool) {
	s, start := sc.s, sc.i
	j := start
	if j < len(s) && s[j] == '-' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case j < len(s) && s[j] >= '1' && s[j] <= '9':
		j = digits(s, j)
	default:
		sc.fail("invalid number")
		return "", false
	}
	if j < len(s) && s[j] == '.' {
		if k := digits(s, j+1); k > j+1 {
			j = k
		} else {
			sc.i = j
			sc.fail("invalid number")
			return "", false
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if e := digits(s, k); e > k {
			j = e
		} else {
			sc.i = j
			sc.fail("invalid number")
			return "", false
		}
	}
	sc.i = j
	if j == len(s) && sc.depth > 0 {
		// Inside an object or array a number cannot end the input: the
		// record was cut, possibly in the middle of this very number.
		sc.fail("")
		return "", false
	}
	return s[start:j], true
}

func digits(s string, j int) int {
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j
}

// literal consumes true, false or null.
func (sc *scanner) literal(word string) bool {
	if strings.HasPrefix(sc.s[sc.i:], word) {
		sc.i += len(word)
		return true
	}
	sc.fail("invalid literal")
	return false
}

// scalar reads the next value when it is a leaf. For an object or an array
// it returns that kind and consumes nothing.
func (sc *scanner) scalar() scalar { return sc.scalarOf(sc.next()) }

// scalarOf is scalar for a value whose kind next has just told.
func (sc *scanner) scalarOf(k valueKind) scalar {
	switch k {
	case kindString:
		return scalar{kind: k, text: sc.strAt()}
	case kindNumber:
		raw, f, ok := sc.number()
		return scalar{kind: k, text: raw, num: f, isNum: ok}
	case kindBool:
		if sc.s[sc.i] == 't' && sc.literal("true") {
			return scalar{kind: k, text: "true"}
		}
		if sc.literal("false") {
			return scalar{kind: k, text: "false"}
		}
	case kindNull:
		if sc.literal("null") {
			return scalar{kind: k, text: "null"}
		}
	case kindObject, kindArray:
		return scalar{kind: k}
	default:
		if sc.i < len(sc.s) {
			sc.fail("unexpected character " + strconv.Quote(sc.s[sc.i:sc.i+1]))
		} else {
			sc.fail("")
		}
	}
	return scalar{}
}

// skip consumes the next value whatever it is, validating it as scalar
// would read it but building no string and converting no number.
func (sc *scanner) skip() {
	switch sc.next() {
	case kindObject:
		sc.object(func(string) {})
	case kindArray:
		sc.array(func(int) {})
	case kindString:
		sc.skipString()
	case kindNumber:
		sc.numberText()
	default:
		sc.scalar()
	}
}

// skipString consumes a string value as str does, failing where str
// fails, without decoding it.
func (sc *scanner) skipString() {
	start := sc.i + 1
	end := strings.IndexByte(sc.s[start:], '"')
	switch {
	case end < 0:
		sc.i = len(sc.s)
		sc.fail("unterminated string")
	case strings.IndexByte(sc.s[start:start+end], '\\') < 0:
		sc.i = start + end + 1
	default:
		sc.skipEscaped(start)
	}
}

// skipEscaped walks a string holding escapes, starting after its quote,
// exactly as unescape does but keeping nothing.
func (sc *scanner) skipEscaped(start int) {
	j := start
	for j < len(sc.s) {
		c := sc.s[j]
		if c == '"' {
			sc.i = j + 1
			return
		}
		if c != '\\' {
			j++
			continue
		}
		if j+1 >= len(sc.s) {
			break
		}
		e := sc.s[j+1]
		j += 2
		switch e {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if _, j = sc.unicodeEscape(j); sc.err != nil {
				return
			}
		default:
			sc.i = j - 2
			sc.fail("invalid escape in string")
			return
		}
	}
	sc.i = len(sc.s)
	sc.fail("unterminated string")
}

// enter counts one level of nesting and refuses depth bombs.
func (sc *scanner) enter() bool {
	sc.depth++
	if sc.depth > maxNesting {
		sc.fail("nesting deeper than " + strconv.Itoa(maxNesting))
		return false
	}
	sc.i++
	return true
}

// object walks an object, calling member with each key positioned at its
// value. member should consume the value; a value it leaves alone is
// skipped.
func (sc *scanner) object(member func(key string)) {
	if sc.peek() != '{' {
		sc.fail("expected an object")
		return
	}
	if !sc.enter() {
		return
	}
	defer func() { sc.depth-- }()
	if sc.peek() == '}' {
		sc.i++
		return
	}
	for sc.err == nil {
		key := sc.str()
		if sc.peek() != ':' {
			sc.fail("expected ':' after an object key")
			return
		}
		sc.i++
		sc.ws()
		before := sc.i
		member(key)
		if sc.err != nil {
			return
		}
		if sc.i == before {
			sc.skip()
		}
		switch sc.peek() {
		case ',':
			sc.i++
		case '}':
			sc.i++
			return
		default:
			sc.fail("expected ',' or '}' in an object")
		}
	}
}

// array walks an array, calling elem with each index positioned at the
// element. elem should consume the element; one it leaves alone is skipped.
func (sc *scanner) array(elem func(i int)) {
	if sc.peek() != '[' {
		sc.fail("expected an array")
		return
	}
	if !sc.enter() {
		return
	}
	defer func() { sc.depth-- }()
	if sc.peek() == ']' {
		sc.i++
		return
	}
	for n := 0; sc.err == nil; n++ {
		sc.ws()
		before := sc.i
		elem(n)
		if sc.err != nil {
			return
		}
		if sc.i == before {
			sc.skip()
		}
		switch sc.peek() {
		case ',':
			sc.i++
		case ']':
			sc.i++
			return
		default:
			sc.fail("expected ',' or ']' in an array")
		}
	}
}

// errText returns the error message, or "" when the scan succeeded.
func (sc *scanner) errText() string {
	if sc.err == nil {
		return ""
	}
	return sc.err.Error()
}
