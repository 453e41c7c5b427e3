package decode

// maxInterned bounds the interner: a source has a handful of hosts, units
// and identifiers, so a map that keeps growing means the values are not
// repeating and caching them would only cost memory.
const maxInterned = 4096

// interner turns repeated byte strings (host names, identifiers, journal
// field values) into one shared string each.
type interner map[string]string

// intern returns the shared string equal to b, allocating it the first time.
func (in interner) intern(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(in) < maxInterned {
		in[s] = s
	}
	return s
}
