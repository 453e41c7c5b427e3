// Package mask folds a line into its template: the parts that vary from
// one occurrence to the next (numbers, ids, addresses, durations, sizes,
// quoted text) become placeholders, the words that say what happened stay.
// It works on bytes in one pass, allocating nothing, because it sees every
// line of a level-7 stream: the decoder folds service lines while reading
// them, the triage views every other line they count.
package mask

import "bytes"

// Placeholders written in place of the masked parts.
const (
	Num   = "<num>"
	Hex   = "<hex>"
	ID    = "<id>"
	UUID  = "<uuid>"
	IP    = "<ip>"
	Port  = "<port>"
	Dur   = "<dur>"
	Size  = "<size>"
	Str   = "<str>"
	Time  = "<time>"
	Email = "<email>"
)

// Placeholders lists them all.
var Placeholders = []string{Num, Hex, ID, UUID, IP, Port, Dur, Size, Str, Time, Email}

// maxTemplateLen bounds a template's bytes: a 20 KiB line folds into a
// template no longer than this, followed by an ellipsis.
const maxTemplateLen = 320

// ellipsis marks a template cut at maxTemplateLen.
const ellipsis = "…"

// Uncut returns a template without the ellipsis that marks it cut: its
// last word is then the start of a word of the line, which a search for
// the word with the ellipsis would never find.
func Uncut(template string) string {
	if len(template) >= len(ellipsis) && template[len(template)-len(ellipsis):] == ellipsis {
		return template[:len(template)-len(ellipsis)]
	}
	return template
}

// Service appends the template of a Twingate service line, "[LEVEL]
// [module] … message" as its parse reads it (the decoder gives it the
// line without a time written in front of it): the line without its level
// bracket, which the template's level says ("[libsdwan] [relay]
// relay_client::keepalive: …"), masked. A line read whole has the same
// payload as one read lean, so the template does not depend on how the
// line was decoded.
func Service(dst, line []byte) []byte {
	return Line(dst, withoutLevel(line))
}

// Opening says what Service makes of a service line's first bytes, for
// the lines that begin with the same bytes (a decoder's openings): Cut of
// them are the level bracket Service drops, and the Clean after those
// hold no byte a template masks from, so that masking may start past them
// (ServiceAfter). Its zero value knows nothing: ServiceAfter is then
// Service.
type Opening struct {
	Cut, Clean uint8
}

// OpeningOf returns the Opening of the lines that begin with head: what
// Service does with those bytes depends on them alone. It knows nothing
// when the level bracket, or the spaces after it, may run past head.
func OpeningOf(head []byte) Opening {
	cut := len(head) - len(withoutLevel(head))
	if cut >= len(head) || len(head) < 12 && head[0] == '[' && bytes.IndexByte(head, ']') < 0 || len(head) > 255 {
		return Opening{}
	}
	return Opening{Cut: uint8(cut), Clean: uint8(nextMark(head[cut:], 0))}
}

// ServiceAfter is Service for a line that begins with bytes whose Opening
// is o: the bytes o knows to hold no mark are not looked at again.
func ServiceAfter(dst, line []byte, o Opening) []byte {
	if o == (Opening{}) {
		return Service(dst, line)
	}
	line = withoutCR(line[o.Cut:])
	return lineFrom(dst, line, min(int(o.Clean), len(line)))
}

// withoutLevel returns line without the bracket that opens it, when one
// closes within its first 12 bytes, and the spaces after it.
func withoutLevel(line []byte) []byte {
	if len(line) == 0 || line[0] != '[' {
		return line
	}
	end := bytes.IndexByte(line[:min(len(line), 12)], ']')
	if end < 0 {
		return line
	}
	p := line[end+1:]
	for len(p) > 0 && p[0] == ' ' {
		p = p[1:]
	}
	return p
}

// Line appends the template of line to dst and returns it. The CRs that
// end the line (a file written with CRLF) are no part of it: the same line
// written with LF has the same template.
func Line(dst, line []byte) []byte { return lineFrom(dst, withoutCR(line), 0) }

// lineFrom is Line for a line without its CRs whose first clean bytes
// hold no mark.
func lineFrom(dst, line []byte, clean int) []byte {
	out, ok := lineBetweenMarks(dst, line, clean)
	if ok {
		return out
	}
	return lineByToken(out[:len(dst)], line)
}

// withoutCR returns line without the CRs that end it.
func withoutCR(line []byte) []byte {
	for n := len(line); n > 0 && line[n-1] == '\r'; n-- {
		line = line[:n-1]
	}
	return line
}

// lineBetweenMarks is Line for a template shorter than maxTemplateLen,
// which most are. It stops only at the bytes that can begin something to
// mask (a digit, an '@', a quote: the marks) and copies the stretches
// between them whole, where lineByToken steps through every token and
// delimiter: the template is the same (FuzzLineBetweenMarks), and with
// classifyNumeric's choice of shapes a service line of bench/gen's log
// folds in a fifth less time (BenchmarkService: 220 against 265 ns). It
// reports false when the template may reach maxTemplateLen, having
// appended to dst no more than it may: lineByToken then makes the
// template, and cuts it where it cuts it. The first clean bytes of line
// are known to hold no mark: the search for one starts after them.
func lineBetweenMarks(dst, line []byte, clean int) ([]byte, bool) {
	limit := len(dst) + maxTemplateLen
	lit := 0 // line[lit:] has not been copied yet
	for i := clean; i < len(line); i++ {
		if i = nextMark(line, i); i == len(line) {
			break
		}
		c := line[i]
		if class[c]&clsQuote != 0 {
			if c == '\'' && i > 0 && class[line[i-1]]&clsDelim == 0 {
				continue // an apostrophe inside a word is part of the word
			}
			if len(dst)+i-lit >= limit {
				return dst, false
			}
			dst = append(dst, line[lit:i]...)
			dst, lit = maskQuoted(dst, line, i, c)
			i = lit - 1
			continue
		}
		// A digit or an '@': the token around it is masked. The marks
		// before it were handled, so the token starts after the last
		// delimiter or where copying stopped.
		start, before := tokenStart(line, lit, i)
		if len(dst)+start-lit >= limit {
			return dst, false
		}
		end, seen := tokenEnd(line, i)
		seen |= before
		dst = append(dst, line[lit:start]...)
		if seen == clsDigit { // the commonest token: what maskToken makes of it
			dst = append(dst, Num...)
		} else {
			dst = maskToken(dst, line[start:end], seen)
		}
		lit = end
		i = end - 1
	}
	if len(dst)+len(line)-lit >= limit {
		return dst, false
	}
	return append(dst, line[lit:]...), true
}

// lineByToken is Line, token by token: what a template that may reach
// maxTemplateLen needs, to be cut where it reaches it.
func lineByToken(dst, line []byte) []byte {
	limit := len(dst) + maxTemplateLen
	lit := 0 // line[lit:i] is kept as it is, and copied in one go
	for i := 0; i < len(line); {
		if len(dst)+i-lit >= limit {
			return cut(append(dst, line[lit:i]...), limit)
		}
		c := line[i]
		k := class[c]
		switch {
		case k&clsQuote != 0 && (c == '"' || i == 0 || class[line[i-1]]&clsDelim != 0):
			dst = append(dst, line[lit:i]...)
			dst, i = maskQuoted(dst, line, i, c)
			lit = i
		case k&clsDelim != 0:
			i++
		default:
			// Most tokens hold neither a digit nor an '@': they are words,
			// kept without a closer look.
			j, seen := tokenEnd(line, i)
			if seen&(clsDigit|clsAt) != 0 {
				dst = append(dst, line[lit:i]...)
				dst = maskToken(dst, line[i:j], seen)
				lit = j
			}
			i = j
		}
	}
	dst = append(dst, line[lit:]...)
	if len(dst) > limit {
		return cut(dst, limit)
	}
	return dst
}

// tokenStart returns where the token around line[i] starts (after the
// last delimiter or '"' before it, lit at the earliest) and the classes of
// its bytes before i.
func tokenStart(line []byte, lit, i int) (start int, seen uint16) {
	for start = i; start > lit; start-- {
		k := class[line[start-1]]
		if k&(clsDelim|clsDQuote) != 0 {
			break
		}
		seen |= k
	}
	return start, seen
}

// tokenEnd returns where the token at line[from:] ends (a delimiter, a
// '"' or the line's end) and the classes of its bytes from from on.
func tokenEnd(line []byte, from int) (end int, seen uint16) {
	for end = from; end < len(line); end++ {
		k := class[line[end]]
		if k&(clsDelim|clsDQuote) != 0 {
			break
		}
		seen |= k
	}
	return end, seen
}

// cut shortens a template to limit bytes, backing off (by three bytes at
// most: the longest UTF-8 sequence is four) to the start of a UTF-8
// sequence, and marks it with an ellipsis.
func cut(dst []byte, limit int) []byte {
	for back := 0; back < 3 && limit < len(dst) && dst[limit]&0xC0 == 0x80; back++ {
		limit--
	}
	return append(dst[:limit], ellipsis...)
}

// maskQuoted replaces a quoted string starting at line[i] by the
// placeholder between the same quotes. An unterminated quote is copied as an
// ordinary character.
func maskQuoted(dst, line []byte, i int, q byte) ([]byte, int) {
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case q:
			if q == '\'' && j+1 < len(line) && !isDelim(line[j+1]) {
				continue // an apostrophe inside a word
			}
			dst = append(dst, q)
			dst = append(dst, Str...)
			return append(dst, q), j + 1
		}
	}
	return append(dst, q), i + 1
}

// Byte classes, looked up once per byte. Delimiters separate tokens;
// ':' and '/' do not, since they belong inside addresses, times and paths
// (a token is split at them only when it is not one of those as a whole).
// Nor do '<' and '>': a placeholder then stays inside its token, which
// therefore splits the same way when masked again and no longer matches
// any shape, so a template masks to itself.
//
// Every byte that is not a digit has a class besides clsDigit, so the
// classes a token's bytes have, gathered while finding its end, say which
// shapes it cannot be without reading it again (shapeGates).
const (
	clsDelim     = 1 << iota // separates tokens
	clsQuote                 // may open a quoted string
	clsDQuote                // '"': always opens one, so it ends a token
	clsDigit                 // 0-9
	clsAt                    // '@'
	clsHexLetter             // a-f, A-F
	clsColon                 // ':'
	clsJoin                  // '-', '_', '.': what joins the groups of an id
	clsOther                 // any other byte
)

var class = func() (t [256]uint16) {
	for c := range t {
		t[c] = clsOther
	}
	for _, c := range []byte(" \t\n\r,;()[]{}=|&?") {
		t[c] = clsDelim
	}
	t['"'] = clsQuote | clsDQuote
	t['\''] = clsQuote
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c], t[c-'a'+'A'] = clsHexLetter, clsHexLetter
	}
	t['@'] = clsAt
	t[':'] = clsColon
	t['-'], t['_'], t['.'] = clsJoin, clsJoin, clsJoin
	return t
}()

func isDelim(c byte) bool { return class[c]&clsDelim != 0 }

// classes returns the classes of tok's bytes.
func classes(tok []byte) (seen uint16) {
	for _, c := range tok {
		seen |= class[c]
	}
	return seen
}

// maskToken appends tok, or the placeholder of what it is; seen holds
// the classes of its bytes.
func maskToken(dst, tok []byte, seen uint16) []byte {
	if seen&clsAt != 0 && isEmail(tok) {
		return append(dst, Email...)
	}
	if seen&clsDigit == 0 {
		return append(dst, tok...)
	}
	if m := classifyClasses(tok, seen); m != "" {
		return append(dst, m...)
	}
	// A shape followed by the punctuation of the sentence around it:
	// "from 10.0.0.5:443:", "after 30s." (the digits are before it).
	if n := len(tok); n > 1 && (tok[n-1] == ':' || tok[n-1] == '.') {
		if m := classifyDigits(tok[:n-1]); m != "" {
			return append(append(dst, m...), tok[n-1])
		}
	}
	return maskParts(dst, tok)
}

// maskParts splits a token that is not one thing as a whole at ':', '/',
// '@' and '#' and masks each part: "code:410" and "/v1/track" keep their
// words. A part that is still not one thing is split again, finer.
func maskParts(dst, tok []byte) []byte {
	return splitMask(dst, tok, ":/@#", func(dst, part []byte) []byte {
		if !hasDigit(part) {
			return append(dst, part...)
		}
		if n := signedHead(part); n > 0 {
			dst = append(dst, classify(part[:n])...)
			part = part[n:] // from the separator after the number on
		}
		return splitMask(dst, part, "-_.", appendPart)
	})
}

// signedHead returns the length of the signed number that starts part
// ("-45" of "-45-b", "-3" of "-3.5.6"), up to the next separator, when it
// is one of the masked shapes, else 0: the sign is then the number's, not
// a separator before it.
func signedHead(part []byte) int {
	if len(part) < 2 || part[0] != '-' && part[0] != '+' || !isDigit(part[1]) {
		return 0
	}
	n := 2
	for n < len(part) && !isSep(part[n], "-_.") {
		n++
	}
	if classify(part[:n]) == "" {
		return 0
	}
	return n
}

// splitMask cuts tok at the separators and appends each part through
// unknown when classify does not recognise it.
func splitMask(dst, tok []byte, seps string, unknown func(dst, part []byte) []byte) []byte {
	start := 0
	for i := 0; i <= len(tok); i++ {
		if i < len(tok) && !isSep(tok[i], seps) {
			continue
		}
		part := tok[start:i]
		if m := classify(part); m != "" {
			dst = append(dst, m...)
		} else {
			dst = unknown(dst, part)
		}
		if i < len(tok) {
			dst = append(dst, tok[i])
		}
		start = i + 1
	}
	return dst
}

// appendPart keeps a part the classifiers do not recognise.
func appendPart(dst, part []byte) []byte { return append(dst, part...) }

func isSep(c byte, seps string) bool {
	for i := 0; i < len(seps); i++ {
		if seps[i] == c {
			return true
		}
	}
	return false
}

// classify names what a token containing a digit is, or returns "" when it
// is none of the masked shapes (a word such as "v1" or "eth0"). Numbers,
// durations, sizes, dotted quads and times start with a digit (or a sign),
// so a token starting with a letter skips those.
func classify(tok []byte) string {
	if len(tok) == 0 || !hasDigit(tok) {
		return ""
	}
	return classifyDigits(tok)
}

// classifyDigits is classify for a token known to hold a digit.
func classifyDigits(tok []byte) string {
	return classifyClasses(tok, classes(tok))
}

// classifyClasses is classifyDigits for a token whose bytes have the
// classes seen. It tries the shapes in the same order, skipping those the
// classes rule out: a token of digits alone is a number; an IPv6 address
// has a ':'; hex digits, or an id's groups, have nothing else.
func classifyClasses(tok []byte, seen uint16) string {
	if c := tok[0]; isDigit(c) || c == '-' || c == '+' {
		if seen == clsDigit {
			return Num
		}
		if m := classifyNumeric(tok); m != "" {
			return m
		}
	}
	hexOnly := seen&^(clsDigit|clsHexLetter) == 0
	switch {
	case isUUID(tok):
		return UUID
	case seen&clsColon != 0 && isIPv6(tok):
		return IP
	case isPrefixedHex(tok) || hexOnly && len(tok) >= 8:
		return Hex
	case seen&^(clsDigit|clsHexLetter|clsJoin) == 0 && isGroupedID(tok),
		isBase64ID(tok), isLetteredSerial(tok):
		return ID
	}
	return ""
}

// signedShape is the shape of the number after a sign that has a unit: a
// duration or a size.
func signedShape(tok []byte) string {
	switch {
	case len(tok) == 0:
	case isDuration(tok):
		return Dur
	case isSize(tok):
		return Size
	}
	return ""
}

// unitShape is signedShape for a token whose first n bytes are its
// leading number (digits(tok, 0)), which it does not read again.
func unitShape(tok []byte, n int) string {
	switch {
	case isDurationAfter(tok, n):
		return Dur
	case isSizeAfter(tok, n):
		return Size
	}
	return ""
}

// classifyNumeric recognises the shapes that start with a digit or a
// sign. It reads the leading number once and tries only the shapes the
// byte after it allows: a unit's letter, a duration or a size; a second
// dot, an IPv4 address; ':', '/' or '-', a time or a date. Each of the
// others needs one of those bytes there, so the answer is the one trying
// every shape in turn would give (FuzzClassifyNumeric holds it to that).
func classifyNumeric(tok []byte) string {
	i := 0
	if tok[0] == '-' || tok[0] == '+' {
		i = 1
	}
	n := digits(tok, i)
	end := i + n
	switch {
	case n == 0:
		return ""
	case end == len(tok) || end == len(tok)-1 && tok[end] == '%':
		return Num
	case i == 1:
		// Of the other shapes, a duration and a size may have a sign,
		// which belongs to them: -44s is the same shape as 194s.
		if c := tok[end]; isLetter(c) || c == 0xC2 {
			return unitShape(tok[1:], n)
		}
		return ""
	}
	switch c := tok[end]; {
	case isLetter(c) || c == 0xC2: // 0xC2 begins 'µ'
		return unitShape(tok, n)
	case c == '.':
		if ip, port := isIPv4(tok); ip {
			if port {
				return IP + ":" + Port
			}
			return IP
		}
	case c == ':' || c == '/' || c == '-':
		if isTimeLike(tok) {
			return Time
		}
	}
	return ""
}
