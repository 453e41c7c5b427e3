package export

import (
	"net/url"
	"strings"
)

// encodedAts are the spellings of an email's @ a line may hold besides the
// plain one: URL-encoded (a request's query: u=alice%40corp.example) and
// JSON-escaped (a JSON payload carried in a line: "alice\u0040corp.example").
// Such an email is the same person as its plain spelling, so it gets the
// same pseudonym.
var encodedAts = [...]string{urlAt, jsonAt}

const (
	urlAt  = "%40"
	jsonAt = `\u0040`
)

// eachEmail calls fn with the bounds of every address in s, in any of its
// spellings, and the address as plainly spelled.
func eachEmail(s string, fn func(from, to int, email string)) {
	eachPlainEmail(s, func(from, to int) { fn(from, to, s[from:to]) })
	for _, at := range encodedAts {
		if strings.Contains(s, at) {
			eachEncodedEmail(s, at, fn)
		}
	}
}

// replaceEncodedEmails replaces the addresses of s whose @ is spelled at
// with the pseudonyms of their plain spellings, their @ spelled at too: a
// URL stays a URL, and a JSON string decodes to the pseudonym.
func replaceEncodedEmails(r *Redactor, s, at string) string {
	sp := splice{s: s}
	eachEncodedEmail(s, at, func(from, to int, email string) {
		sp.put(from, to, strings.Replace(r.pseudonym(classEmail, email), "@", at, 1))
	})
	return sp.result()
}

// eachEncodedEmail calls fn with the bounds of every address in s whose @
// is spelled at, left to right, never overlapping, and the address as
// plainly spelled.
func eachEncodedEmail(s, at string, fn func(from, to int, email string)) {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], at)
		if j < 0 {
			return
		}
		j += i
		from, to := encodedLocalStart(s, i, j, at), encodedDomainEnd(s, j+len(at), at)
		if email := plainSpelling(s[from:to], at); from < j && isEmail(firstAddress(email)) {
			fn(from, to, email)
			i = to
			continue
		}
		i = j + len(at)
	}
}

// encodedLocalStart is where the local part of an address whose @ (spelled
// at) is at j begins, not before floor. In a URL it stops at an escape of
// a byte no local part holds (q=hello%20alice%40…: a blank); in JSON, after
// the escape it follows ("x\nalice\u0040…": the n is the escape's).
func encodedLocalStart(s string, floor, j int, at string) int {
	from := j
	if at == urlAt {
		for from > floor {
			if from-3 >= floor && s[from-3] == '%' { // an escape: its digits are no letters of the name
				if !escapesLocalByte(s[from-3 : from]) {
					break
				}
				from -= 3
			} else if localByte(s[from-1]) && s[from-1] != '%' {
				from--
			} else {
				break
			}
		}
		return from
	}
	for from > floor && localByte(s[from-1]) {
		from--
	}
	if escaped(s, floor, from) {
		from = min(j, from+jsonEscapeLen(s[from:j]))
	}
	return from
}

// escapesLocalByte reports a URL escape (%2B) of a byte a local part
// holds, other than %.
func escapesLocalByte(e string) bool {
	c, err := url.PathUnescape(e)
	return err == nil && e[0] == '%' && len(c) == 1 && localByte(c[0]) && c[0] != '%'
}

// escaped reports whether the byte at i follows an odd run of backslashes
// (not counting those before floor): it is then an escape's, not text.
func escaped(s string, floor, i int) bool {
	n := 0
	for i-n-1 >= floor && s[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// jsonEscapeLen is how much of s, which follows a backslash, the escape
// takes: u and four hex digits, or one letter.
func jsonEscapeLen(s string) int {
	if len(s) >= 5 && s[0] == 'u' && isHex(s[1:5]) {
		return 5
	}
	return 1
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// encodedDomainEnd is where the domain that begins at from ends: "a@b.cc@d.ee"
// is taken whole, as eachPlainEmail takes it, however its @s are spelled.
func encodedDomainEnd(s string, from int, at string) int {
	to := from
	for to < len(s) && domainByte(s[to]) {
		to++
	}
	for to > from && (s[to-1] == '.' || s[to-1] == '-') {
		to--
	}
	for to < len(s) && strings.HasPrefix(s[to:], at) {
		next := to + len(at)
		for next < len(s) && (domainByte(s[next]) || localByte(s[next]) && s[next] != '%') {
			next++
		}
		to = next
	}
	return to
}

// plainSpelling is the address written (with its @s spelled at) as plainly
// spelled: URL escapes decoded, \u0040 written @.
func plainSpelling(written, at string) string {
	if at == urlAt {
		if plain, err := url.PathUnescape(written); err == nil {
			return plain
		}
	}
	return strings.ReplaceAll(written, at, "@")
}

// firstAddress is email up to its second @, if any: the part isEmail
// judges, as eachPlainEmail judges it.
func firstAddress(email string) string {
	at := strings.IndexByte(email, '@')
	if at < 0 {
		return email
	}
	if next := strings.IndexByte(email[at+1:], '@'); next >= 0 {
		return email[:at+1+next]
	}
	return email
}
