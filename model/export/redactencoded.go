package export

import (
	"net/url"
	"strings"
)

// An email's @ may be spelled otherwise than plainly: URL-encoded (a
// request's query: u=alice%40corp.example), encoded again when that URL is
// carried in another's query (next=%2Fcb%3Fu%3Dalice%2540corp.example),
// and JSON-escaped (a JSON payload carried in a line:
// "alice\u0040corp.example"). Such an email is the same person as its plain
// spelling, so it gets the same pseudonym.
const (
	urlAt  = "%40"
	jsonAt = `\u0040`
)

// urlAts are the URL spellings of an @, encoded once to maxURLEncodings
// times, and urlEscapes what each opens with: an escape encoded as often.
// A deeper one is left as written, as a bound on the scans of a line.
var (
	urlAts     = [...]string{urlAt, "%2540", "%252540", "%25252540"}
	urlEscapes = [...]string{"%", "%25", "%2525", "%252525"}
)

// maxURLEncodings is how many times over an @ is found URL-encoded.
const maxURLEncodings = len(urlAts)

// encodedAtsIn returns the spellings of an @ other than the plain one
// that s holds, ats[:n]. Most lines hold no '%': they pay one scan for it.
func encodedAtsIn(s string) (ats [maxURLEncodings + 1]string, n int) {
	if strings.IndexByte(s, '%') >= 0 {
		for i, esc := range urlEscapes {
			if i > 0 && !strings.Contains(s, esc) {
				break
			}
			if strings.Contains(s, urlAts[i]) {
				ats[n], n = urlAts[i], n+1
			}
		}
	}
	if strings.Contains(s, jsonAt) {
		ats[n], n = jsonAt, n+1
	}
	return ats, n
}

// eachEmail calls fn with the bounds of every address in s, in any of its
// spellings, and the address as plainly spelled.
func eachEmail(s string, fn func(from, to int, email string)) {
	eachPlainEmail(s, func(from, to int) { fn(from, to, s[from:to]) })
	ats, n := encodedAtsIn(s)
	for _, at := range ats[:n] {
		eachEncodedEmail(s, at, fn)
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
// a byte no local part holds (q=hello%20alice%40…: a blank), and at one
// encoded fewer times than the @ (%3Dalice%2540…: the '=' of the URL that
// carries the address); in JSON, after the escape it follows
// ("x\nalice\u0040…": the n is the escape's).
func encodedLocalStart(s string, floor, j int, at string) int {
	from := j
	if at != jsonAt {
		for from > floor {
			if n := urlEscapeBefore(s, floor, from, len(at)); n > 0 { // its digits are no letters of the name
				if n != len(at) || !escapesLocalByte(s[from-n:from]) {
					break
				}
				from -= n
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

// urlEscapeBefore is the length of the URL escape that ends at i, not
// longer than maxLen (%2B 3, encoded twice %252B 5), or 0 for none: a '%',
// as many "25" as it was encoded again, and the two bytes of the escape.
func urlEscapeBefore(s string, floor, i, maxLen int) int {
	for n := 3; n <= maxLen && i-n >= floor; n += 2 {
		if s[i-n] == '%' {
			return n
		}
		if i-n-1 < floor || s[i-n-1:i-n+1] != "25" {
			return 0
		}
	}
	return 0
}

// escapesLocalByte reports a URL escape (%2B, encoded twice %252B) of a
// byte a local part holds, other than %.
func escapesLocalByte(e string) bool {
	c, err := urlUnescape(e, urlEncodings(e))
	return err == nil && e[0] == '%' && len(c) == 1 && localByte(c[0]) && c[0] != '%'
}

// urlEncodings is how many times over the escape or @ e was encoded: once
// for %40, twice for %2540.
func urlEncodings(e string) int { return (len(e) - 1) / 2 }

// urlUnescape decodes s times times.
func urlUnescape(s string, times int) (string, error) {
	for range times {
		var err error
		if s, err = url.PathUnescape(s); err != nil {
			return "", err
		}
	}
	return s, nil
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
	if at != jsonAt {
		if plain, err := urlUnescape(written, urlEncodings(at)); err == nil {
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
