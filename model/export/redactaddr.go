package export

import (
	"net/netip"
	"strings"
)

// canonicalAddr is the form an address is known and hashed by: lower case,
// IPv6 compressed, an IPv4-mapped address as its IPv4 and no zone, so that
// the ways a line may write one address give it one pseudonym. Anything
// else is returned as it is.
func canonicalAddr(v string) string {
	a, err := netip.ParseAddr(v)
	if err != nil {
		return v
	}
	return a.WithZone("").Unmap().String()
}

// replaceAddrs replaces in s each address that pseudo knows (given its
// canonical form), wherever it is written: alone, with a port
// (10.1.2.3:443, fd7a::1:443), in brackets ([fd7a::1]:443), after a dash
// or a letter (ip-10.1.2.3), before a comma or a full stop. An address is
// the whole of a run of the bytes addresses are made of, so 10.1.2.3 is
// not found inside 110.1.2.34 or 10.1.2.3.4. IPv6 goes first: an IPv4
// inside one (::ffff:10.1.2.3) is part of it. v6 says pseudo may know an
// IPv6 address: without one, only a line that may hold an IPv4-mapped
// address is looked at for them, since every time of day and every Rust
// path (dns_cache::lookup) is a run of their bytes.
func replaceAddrs(s string, v6 bool, pseudo func(canon string) (string, bool)) string {
	if v6 || mayHoldMapped(s) {
		s = replaceRuns(s, &ipBytes, func(s string, i, j int) (int, int, string, bool) { return knownAddr6(s, i, j, pseudo) })
	}
	return replaceRuns(s, &ipv4Bytes, func(s string, i, j int) (int, int, string, bool) { return knownAddr4(s, i, j, pseudo) })
}

// mayHoldMapped reports whether s may write an IPv4-mapped IPv6 address
// (::ffff:10.1.2.3), which names an IPv4 address.
func mayHoldMapped(s string) bool {
	for off := 0; ; {
		k := strings.IndexByte(s[off:], ':')
		if k < 0 {
			return false
		}
		if i := off + k; i >= 4 && strings.EqualFold(s[i-4:i], "ffff") {
			return true
		}
		off += k + 1
	}
}

// byteSet is a set of bytes, looked up faster than a function is called:
// every line of a redacted export is scanned with one.
type byteSet [256]bool

func bytesWhere(in func(byte) bool) (set byteSet) {
	for c := range set {
		set[c] = in(byte(c))
	}
	return set
}

// The bytes of the runs redaction looks at: IP addresses (hex digits,
// dots, colons), IPv4 addresses, and words (see tokenByte).
var ipBytes, ipv4Bytes, tokenBytes = bytesWhere(ipByte), bytesWhere(isIPv4Byte), bytesWhere(tokenByte)

// replaceRuns replaces, in each maximal run s[i:j] of the bytes of run,
// what find finds there (s[from:to]) with its stand-in.
func replaceRuns(s string, run *byteSet, find func(s string, i, j int) (from, to int, with string, ok bool)) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !run[s[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && run[s[j]] {
			j++
		}
		if from, to, with, ok := find(s, i, j); ok {
			b.WriteString(s[last:from])
			b.WriteString(with)
			last = to
			// What find found may end past the run (a number's "e+05").
			j = max(j, to)
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// knownAddr6 finds a known IPv6 address at the start of the run s[i:j] of
// address bytes, less the dots before it: the run itself, less a full stop
// or a colon after it, or less a :port.
func knownAddr6(s string, i, j int, pseudo func(string) (string, bool)) (int, int, string, bool) {
	from := i + len(s[i:j]) - len(strings.TrimLeft(s[i:j], "."))
	run := s[from:j]
	if strings.IndexByte(run, ':') < 0 {
		return 0, 0, "", false
	}
	cands := [...]string{run, strings.TrimRight(run, "."), withoutColon(run), withoutPort(run)}
	for _, c := range cands {
		if a, err := netip.ParseAddr(c); err == nil && a.Is6() {
			if p, ok := pseudo(a.Unmap().String()); ok {
				return from, from + len(c), p, true
			}
		}
	}
	return 0, 0, "", false
}

// knownAddr4 finds a known IPv4 address that is a whole run s[i:j] of
// digits and dots, less the dots around it (a sentence's full stop). An
// address is known in its canonical form, which is how IPv4 is written
// (no leading zeros), so the run is looked up as it is, without parsing
// it: a run that only parses as an address is not one that was learned.
func knownAddr4(s string, i, j int, pseudo func(string) (string, bool)) (int, int, string, bool) {
	for i < j && s[i] == '.' {
		i++
	}
	for j > i && s[j-1] == '.' {
		j--
	}
	if j-i < len("0.0.0.0") || j-i > len("255.255.255.255") {
		return 0, 0, "", false
	}
	p, ok := pseudo(s[i:j])
	return i, j, p, ok
}

// withoutPort drops a trailing :digits, the port of an IPv6 address written
// without brackets.
func withoutPort(run string) string {
	i := strings.LastIndexByte(run, ':')
	if i <= 0 || i == len(run)-1 || !allDigits(run[i+1:]) {
		return run
	}
	return run[:i]
}

// withoutColon drops the colon after an address ("from fd7a::1: refused"),
// not the second of a "::" that ends one.
func withoutColon(run string) string {
	if strings.HasSuffix(run, ":") && !strings.HasSuffix(run, "::") {
		return run[:len(run)-1]
	}
	return run
}
