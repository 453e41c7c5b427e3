package decode

// slabSize is how many bytes of unescaped payloads one allocation holds.
// Entries keep slices of a slab until the store copies them, so a slab is
// never reused: a full one is left to the garbage collector.
const slabSize = 64 << 10

// slab hands out payload space in large chunks, so that unescaping a Docker
// json-file "log" string costs no allocation of its own.
type slab struct {
	buf []byte
}

// reserve makes sure n more bytes fit without reallocation.
func (s *slab) reserve(n int) {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]byte, 0, max(slabSize, n))
	}
}
