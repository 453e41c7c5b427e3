package triage

// series counts events per time bucket. Buckets are aligned to multiples of
// their width since the Unix epoch, so that widening from w to a multiple of
// w merges whole buckets exactly; a series laid out at an older width is
// brought up to date lazily, when it is next touched.
type series struct {
	width int64    // bucket width, ns; 0 while empty
	first int64    // number of the first bucket: its start is first*width
	n     []uint32 // counts, from bucket first on
}

// add counts k events in bucket b of the given width.
func (s *series) add(b, width int64, k uint32) {
	if s.width != width {
		s.rescale(width)
	}
	switch {
	case len(s.n) == 0:
		s.first = b
		s.n = append(s.n, 0)
	case b < s.first:
		grown := make([]uint32, int(s.first-b)+len(s.n))
		copy(grown[s.first-b:], s.n)
		s.n, s.first = grown, b
	}
	for int(b-s.first) >= len(s.n) {
		s.n = append(s.n, 0)
	}
	s.n[b-s.first] += k
}

// rescale merges the buckets into buckets of a larger width, a multiple of
// the current one.
func (s *series) rescale(width int64) {
	if s.width == 0 || len(s.n) == 0 {
		s.width = width
		return
	}
	f := width / s.width
	first := FloorDiv(s.first, f)
	last := FloorDiv(s.first+int64(len(s.n))-1, f)
	merged := make([]uint32, last-first+1)
	for i, c := range s.n {
		merged[FloorDiv(s.first+int64(i), f)-first] += c
	}
	s.n, s.first, s.width = merged, first, width
}

// at returns the counts of buckets from..to (bucket numbers at width),
// zero where the series has none.
func (s *series) at(from, to, width int64) []uint32 {
	if s.width != width {
		s.rescale(width)
	}
	out := make([]uint32, to-from+1)
	for i, c := range s.n {
		if b := s.first + int64(i); b >= from && b <= to {
			out[b-from] += c
		}
	}
	return out
}

// total is the sum of all buckets.
func (s *series) total() uint64 {
	var t uint64
	for _, c := range s.n {
		t += uint64(c)
	}
	return t
}

// FloorDiv divides rounding towards minus infinity, so that the bucket of
// a time before 1970 (a negative count of nanoseconds) is still its floor.
func FloorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
