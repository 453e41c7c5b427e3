package export

import (
	"net/netip"
	"strings"

	"connlog/model"
	"connlog/model/query"
)

// redactedPattern stands in for a pattern on personal data (user:alice*):
// a pseudonym is of one value, and the pattern's text would give the
// value away.
const redactedPattern = "redacted"

// redactQuery replaces the personal data in a query, for the manifest of a
// redacted bundle: the query names what the members no longer hold. A value
// of a field of personal data becomes the pseudonym the members give it, so
// that the query still selects the same entries of the redacted raw.log;
// emails, and addresses outside fields that are known not to be a client's
// (resource=10.0.0.5), are replaced as in any line. exact is false when a
// pattern on personal data had to be blanked: the query then selects other
// entries than it did. A query that does not parse is redacted as text.
func redactQuery(r *Redactor, q string) (out string, exact bool) {
	return redactQueryWords(r, q, nil)
}

// wordAddr decides what becomes of an address in a query's words and
// phrases, and whether the query then still selects what it did.
type wordAddr func(addr string) (out string, exact bool)

// redactQueryWords is redactQuery, the addresses in its words and phrases
// (10.0.0.5, "from 10.0.0.5") decided by words, from what the export did
// with them (see wordAddrs): a bare word searches the raw lines, where an
// address is replaced only where a record read it as personal. With no
// such knowledge (nil) every one is replaced.
func redactQueryWords(r *Redactor, q string, words wordAddr) (out string, exact bool) {
	values, err := query.FieldValues(q)
	if err != nil {
		return redactLoose(r, q), true
	}
	var b strings.Builder
	last, exact := 0, true
	loose := func(s string) string {
		s, plain := redactRegexes(r, s)
		exact = exact && plain
		s = replaceEmails(r, s)
		return replaceAddrRuns(s, func(c class, addr string) string {
			if words == nil {
				return r.pseudonym(c, addr)
			}
			out, sure := words(addr)
			exact = exact && sure
			return out
		}, &ipBytes, addrIn)
	}
	for _, v := range values {
		b.WriteString(loose(q[last:v.Pos]))
		c, personal := personalClass(v)
		switch {
		case !personal:
			b.WriteString(replaceEmails(r, q[v.Pos:v.End]))
		case v.Pattern:
			b.WriteString(redactedPattern)
			exact = false
		default:
			b.WriteString(redactValue(r, c, v.Value))
			exact = exact && !respelledID(c, v.Value)
		}
		last = v.End
	}
	b.WriteString(loose(q[last:]))
	return b.String(), exact
}

// redactRegexes blanks the regular expressions in s (/anna@example\.com/)
// whose text, once its escapes are dropped, holds personal data: the
// escapes hide it from redactLoose, and no pseudonym stands for a pattern.
// plain is false when one was blanked.
func redactRegexes(r *Redactor, s string) (out string, plain bool) {
	var b strings.Builder
	last, plain := 0, true
	for i := 0; i < len(s); i++ {
		if s[i] != '/' || i > 0 && tokenByte(s[i-1]) {
			continue
		}
		end := regexEnd(s, i+1)
		if end < 0 {
			break
		}
		body := strings.ReplaceAll(s[i+1:end], `\`, "")
		if redactLoose(r, body) != body {
			b.WriteString(s[last:i])
			b.WriteString("/" + redactedPattern + "/")
			last, plain = end+1, false
		}
		i = end
	}
	if last == 0 {
		return s, plain
	}
	b.WriteString(s[last:])
	return b.String(), plain
}

// regexEnd returns the index of the '/' that closes a regular expression
// whose text begins at i, or -1.
func regexEnd(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '/':
			return i
		}
	}
	return -1
}

// queryKind is the kind of entry whose reading a term takes where kinds
// differ, which only src_ip does (see classOf): a session's, whose source
// is its client. The query does not say which kind a term is for, and no
// term can select both forms without writing the address the members
// replace; so a term on a flow's source address (ip:, src_ip:) gets a
// pseudonym the flow does not hold, and does not select it in raw.log.
const queryKind = model.KindSession

// personalClass returns the class of the first key of personal data among
// the keys v reads, decided as the records decide it (valueClass): a term
// selects the redacted records only if it is replaced where they are, and
// kept where they are. An address key's pattern that no address can match
// (host:gw*) reads the names the records keep, and stays as typed.
func personalClass(v query.FieldValue) (class, bool) {
	for _, k := range v.Keys {
		c, ok := valueClass(queryKind, k, v.Value)
		if ok && (!v.Pattern || c != classIP || mayBeAddr(v) || strings.Contains(v.Value, "@")) {
			return c, true
		}
	}
	return 0, false
}

// mayBeAddr reports whether v's value is an IP address (an address with
// a port too), or, for a pattern, text an address could match: 203.0.*,
// *:db8:*, but not gw* or db1.*.
func mayBeAddr(v query.FieldValue) bool {
	if !v.Pattern {
		_, _, ok := addrIn(v.Value, 0, len(v.Value))
		return ok
	}
	s := strings.ReplaceAll(v.Value, "*", "")
	v4 := strings.ContainsAny(s, "0123456789") && strings.Trim(s, "0123456789.") == ""
	v6 := strings.Contains(s, ":") && strings.Trim(s, "0123456789abcdefABCDEF:.[]") == ""
	return v4 || v6
}

// redactValue is the pseudonym of a field value of class c, as
// redactFields and secretSet.learn make it for the members. The user alias
// reads emails, names and ids alike: a value that is no email is an id.
// An address field's value may be a name (a Linux audit record's hostname),
// whose emails are replaced as in any field. An id written as a number
// otherwise (113256.0) is the id its digits spell, as a field holding it
// is (see fieldID). Pseudonyms hold no space, parenthesis or quote, so
// they need no quoting.
func redactValue(r *Redactor, c class, v string) string {
	switch {
	case c == classIP:
		return redactLoose(r, v)
	case isEmail(v):
		return r.pseudonym(classEmail, v)
	case c == classEmail:
		c = classUser
	}
	if id, ok := integralSpelling(v); ok {
		v = id
	}
	return r.pseudonym(c, v)
}

// respelledID reports an id of a query written as another number than its
// digits (user.id:113256.0), which gets the pseudonym of the id: a field
// holding the number matches it as it did, but one holding the text
// "113256" now does too, and one holding "113256.0" no longer.
func respelledID(c class, v string) bool {
	if c == classIP || isEmail(v) {
		return false
	}
	id, ok := integralSpelling(v)
	return ok && id != v
}

// redactLoose replaces emails and IP addresses in text whose meaning is not
// known (words, phrases, a muted template).
func redactLoose(r *Redactor, s string) string {
	return replaceIPs(r, replaceEmails(r, s))
}

// replaceIPs replaces every IP address standing alone in s (1.2.3.4,
// 1.2.3.4:443, ::1, [::1]:443) with its pseudonym.
func replaceIPs(r *Redactor, s string) string {
	return replaceAddrRuns(s, r.pseudonym, &ipBytes, addrIn)
}

// replaceAddrRuns replaces, in each run of the bytes of run, the address
// find finds there with its pseudonym.
func replaceAddrRuns(s string, pseudo func(class, string) string, run *byteSet, find func(s string, i, j int) (from, to int, ok bool)) string {
	return replaceRuns(s, run, func(s string, i, j int) (int, int, string, bool) {
		from, to, ok := find(s, i, j)
		if !ok {
			return 0, 0, "", false
		}
		return from, to, pseudo(classIP, s[from:to]), true
	})
}

// addrIn finds the address in the run s[i:j] of address bytes: the run
// itself, or the run less a :port. A run inside a longer word is none.
func addrIn(s string, i, j int) (from, to int, ok bool) {
	if i > 0 && tokenByte(s[i-1]) || j < len(s) && tokenByte(s[j]) {
		return 0, 0, false
	}
	if _, err := netip.ParseAddr(s[i:j]); err == nil {
		return i, j, true
	}
	if _, err := netip.ParseAddrPort(s[i:j]); err == nil {
		return i, i + strings.LastIndexByte(s[i:j], ':'), true
	}
	return 0, 0, false
}

// ipByte reports bytes an IPv4 or IPv6 address is written with.
func ipByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':'
}
