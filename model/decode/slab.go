package decode

// Slab sizes: how many bytes of unescaped payloads one allocation holds.
// The first is small because many sources never need one; entries keep
// slices of a slab until the store copies them, so a slab is never reused:
// a full one is left to the garbage collector.
const (
	firstSlabSize = 4 << 10
	slabSize      = 64 << 10
)

// slab hands out payload space in large chunks, so that unescaping a Docker
// json-file "log" string costs no allocation of its own.
type slab struct {
	buf []byte
}

// reserve makes sure n more bytes fit without reallocation.
func (s *slab) reserve(n int) {
	if cap(s.buf)-len(s.buf) >= n {
		return
	}
	size := slabSize
	if s.buf == nil {
		size = firstSlabSize
	}
	s.buf = make([]byte, 0, max(size, n))
}
