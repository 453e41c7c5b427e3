package export

import (
	"strings"
)

// redactText replaces, in s, every email (found by pattern), every value
// of set and every value the export learned (see Learn), following each
// class's matching rule. It returns s itself when nothing matched.
func redactText(r *Redactor, s string, set *secretSet) string {
	s = replaceEmails(r, s)
	if set.hasIPs() || !r.known.empty() {
		s = replaceAddrs(s, set.hasIPv6() || r.known.hasIPv6(), func(canon string) (string, bool) {
			if p, ok := set.ip(canon); ok {
				return p, true
			}
			return r.known.ip(canon)
		})
	}
	for _, it := range set.items {
		switch it.class {
		case classIP:
			// replaced above
		case classEmail:
			s = replaceBounded(s, it.value, it.pseudo, true)
		default:
			s = replaceQuotedID(s, &it)
			if len(it.value) >= minBareIDLen {
				s = replaceBounded(s, it.value, it.pseudo, true)
			} else if it.class == classUser {
				s = replaceHome(s, it.value, it.pseudo)
			}
		}
	}
	return r.known.replaceIDs(s)
}

// replaceBounded replaces the occurrences of v that stand alone: not inside
// a longer word, number or address when bare, and between quotes
// otherwise (see quotedAt).
func replaceBounded(s, v, with string, bare bool) string {
	return replaceWhere(s, v, with, func(from, to int) bool { return standsAlone(s, from, to, bare) })
}

// replaceQuotedID replaces the occurrences of the id it in s that are
// quoted where it may stand for it (see quotedIDFits).
func replaceQuotedID(s string, it *secret) string {
	return replaceWhere(s, it.value, it.pseudo, func(from, to int) bool {
		return standsAlone(s, from, to, false) && quotedIDFits(s[:from-1], *it)
	})
}

// replaceWhere replaces the occurrences of v in s that fits accepts, given
// their bounds in s.
func replaceWhere(s, v, with string, fits func(from, to int) bool) string {
	if v == "" || !strings.Contains(s, v) {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i <= len(s)-len(v); {
		j := strings.Index(s[i:], v)
		if j < 0 {
			break
		}
		j += i
		end := j + len(v)
		if fits(j, end) {
			b.WriteString(s[last:j])
			b.WriteString(with)
			last, i = end, end
			continue
		}
		i = j + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// homeDir opens the path of a user's home directory, which names the user.
const homeDir = "/home/"

// replaceHome replaces a user name too short to be replaced bare where it
// names a home directory (/home/carol/.ssh/authorized_keys, in an audit
// PATH record or a shell's command): a name like "bob" stands for itself
// nowhere else but quoted.
func replaceHome(s, user, with string) string {
	return replaceWhere(s, homeDir+user, homeDir+with, func(_, to int) bool { return to == len(s) || !tokenByte(s[to]) })
}

func standsAlone(s string, from, to int, bare bool) bool {
	if !bare {
		return quotedAt(s, from, to)
	}
	return (from == 0 || !tokenByte(s[from-1])) && (to == len(s) || !tokenByte(s[to]))
}

// tokenByte reports bytes that continue a word, number, address or id.
func tokenByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '-' || c == '@' || c >= 0x80
}

// replaceEmails replaces every address that looks like local@domain.tld,
// and those whose @ is URL-encoded or JSON-escaped (see encodedAtsIn).
func replaceEmails(r *Redactor, s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		sp := splice{s: s}
		eachPlainEmail(s, func(from, to int) { sp.put(from, to, r.pseudonym(classEmail, s[from:to])) })
		s = sp.result()
	}
	ats, n := encodedAtsIn(s)
	for _, at := range ats[:n] {
		s = replaceEncodedEmails(r, s, at)
	}
	return s
}

// splice is s with some of its parts replaced, left to right.
type splice struct {
	s    string
	b    strings.Builder
	last int
}

// put replaces s[from:to], which follows the parts put before, with with.
func (sp *splice) put(from, to int, with string) {
	sp.b.WriteString(sp.s[sp.last:from])
	sp.b.WriteString(with)
	sp.last = to
}

// result is s with its parts replaced; s itself when none was.
func (sp *splice) result() string {
	if sp.last == 0 {
		return sp.s
	}
	sp.b.WriteString(sp.s[sp.last:])
	return sp.b.String()
}

// eachPlainEmail calls fn with the bounds of every address in s, left to
// right, never overlapping.
func eachPlainEmail(s string, fn func(from, to int)) {
	if strings.IndexByte(s, '@') < 0 {
		return
	}
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		from, to, ok := emailAround(s, i)
		if !ok || from < last {
			continue
		}
		fn(from, to)
		last = to
		i = to - 1
	}
}

// emailAround finds the address whose @ is at at.
func emailAround(s string, at int) (from, to int, ok bool) {
	from = at
	for from > 0 && localByte(s[from-1]) {
		from--
	}
	to = at + 1
	for to < len(s) && domainByte(s[to]) {
		to++
	}
	for to > at+1 && (s[to-1] == '.' || s[to-1] == '-') {
		to--
	}
	if from == at || !isEmail(s[from:to]) {
		return 0, 0, false
	}
	// "a@b.cc@d.ee" is taken whole: stopping at the second @ would leave
	// "@d.ee" to make an address with the pseudonym's own domain.
	for to < len(s) && s[to] == '@' {
		next := to + 1
		for next < len(s) && (domainByte(s[next]) || localByte(s[next])) {
			next++
		}
		to = next
	}
	return from, to, true
}

// isEmail checks local@domain.tld with a letters-only top-level domain of
// two or more letters; it is a finder for redaction, not a validator.
func isEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || len(domain)-dot-1 < 2 {
		return false
	}
	for i := dot + 1; i < len(domain); i++ {
		if c := domain[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	for i := 0; i < len(domain); i++ {
		if !domainByte(domain[i]) {
			return false
		}
	}
	return true
}

func localByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func domainByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}
