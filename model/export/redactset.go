package export

import (
	"cmp"
	"net/netip"
	"slices"
	"strings"

	"connlog/model"
)

// secret is one value to replace and its pseudonym.
type secret struct {
	class  class
	value  string
	pseudo string
}

// secretSet is the personal data found in one record's entries.
type secretSet struct {
	items []secret
}

// learn adds the personal data in e's fields to the set.
func (s *secretSet) learn(r *Redactor, e *model.Entry) {
	for _, f := range e.Fields {
		c, ok := fieldClass(e.Kind, &f)
		if !ok {
			continue
		}
		switch {
		case c == classIP:
			for _, ip := range ipsIn(f.Value) {
				s.add(r, classIP, ip)
			}
		case c == classUser && isEmail(f.Value):
			s.add(r, classEmail, f.Value)
		default:
			s.addID(r, c, &f)
		}
	}
}

// addID adds the value of f, a field of class c, as the id it names (see
// fieldID), and as written when that differs (113256.0): the line writes
// it so, other lines as the id.
func (s *secretSet) addID(r *Redactor, c class, f *model.Field) {
	id := fieldID(f)
	s.add(r, c, id)
	if written := (secret{class: c, value: f.Value}); id != f.Value && !hasSecret(s.items, written) {
		written.pseudo = r.pseudonym(c, id)
		s.items = append(s.items, written)
	}
}

func (s *secretSet) add(r *Redactor, c class, v string) {
	if c == classIP {
		v = canonicalAddr(v)
	}
	if hasSecret(s.items, secret{class: c, value: v}) {
		return
	}
	s.items = append(s.items, secret{class: c, value: v, pseudo: r.pseudonym(c, v)})
}

// sort puts longer values first, so that a value inside a longer one (an
// IPv6 prefix, an id inside another) cannot break the longer replacement.
func (s *secretSet) sort() {
	slices.SortFunc(s.items, func(a, b secret) int { return cmp.Compare(len(b.value), len(a.value)) })
}

func (s *secretSet) reset() { s.items = s.items[:0] }

// hasIPs reports whether the set holds an address.
func (s *secretSet) hasIPs() bool {
	return slices.ContainsFunc(s.items, func(it secret) bool { return it.class == classIP })
}

// hasIPv6 reports whether the set holds an IPv6 address.
func (s *secretSet) hasIPv6() bool {
	return slices.ContainsFunc(s.items, func(it secret) bool { return it.class == classIP && strings.IndexByte(it.value, ':') >= 0 })
}

// ip returns the pseudonym of an address of the set, in canonical form.
func (s *secretSet) ip(canon string) (string, bool) {
	for _, it := range s.items {
		if it.class == classIP && it.value == canon {
			return it.pseudo, true
		}
	}
	return "", false
}

// ipsIn finds the addresses in a client-IP field: one address, ip:port,
// [v6]:port, or a list such as X-Forwarded-For's "a, b".
func ipsIn(v string) []string {
	var out []string
	for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if _, err := netip.ParseAddr(tok); err == nil {
			out = append(out, tok)
			continue
		}
		if ap, err := netip.ParseAddrPort(tok); err == nil && ap.Addr().IsValid() {
			host := tok[:strings.LastIndexByte(tok, ':')]
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
		}
	}
	return out
}

func hasSecret(items []secret, s secret) bool {
	for _, it := range items {
		if it.value == s.value && it.class == s.class {
			return true
		}
	}
	return false
}
