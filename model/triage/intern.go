package triage

// interner shares the copies of values that repeat (users, resources,
// countries, protocols), so that ten thousand rows of one user hold one
// copy of the name. Past its cap it copies without sharing.
type interner struct {
	max  int
	seen map[string]string
}

func newInterner(max int) *interner { return &interner{max: max, seen: map[string]string{}} }

// intern returns a copy of v that does not alias the decoder's buffers.
func (in *interner) intern(v string) string {
	if v == "" {
		return ""
	}
	if s, ok := in.seen[v]; ok {
		return s
	}
	s := clip(v)
	if len(in.seen) < in.max {
		in.seen[s] = s
	}
	return s
}

// clip copies a value out of the decoder's buffers, bounded: a long one
// is cut in the middle, "…" marking the cut (see cutText).
func clip(v string) string {
	v, _ = cutText(v, maxValueLen)
	return string(append([]byte(nil), v...))
}
