package triage

import (
	"fmt"
	"hash/maphash"
	"unicode/utf8"
)

// maxValueLen bounds the bytes a value is kept in: a hostile 20 KiB user
// name is shown cut to at most maxValueLen bytes (cutText), and counted
// under that and a hash of the whole (countKey), so that two long values
// that differ anywhere are still counted apart.
const maxValueLen = 200

// cutMark marks where a value was cut.
const cutMark = "…"

// cutTail is how much of a cut value's end is kept, at most: the domain of
// a long e-mail address, the end of a path.
const cutTail = 48

// cutText returns v, or, when it is longer than limit bytes, its start and
// end around cutMark in limit bytes at most (a few less where a character
// would be split); cut says whether it was.
func cutText(v string, limit int) (shown string, cut bool) {
	if len(v) <= limit {
		return v, false
	}
	tail := min(cutTail, limit/4)
	head := backToRuneStart(v, max(limit-tail-len(cutMark), 0))
	from := len(v) - tail
	for k := 0; k < utf8.UTFMax-1 && from < len(v) && !utf8.RuneStart(v[from]); k++ {
		from++
	}
	return v[:head] + cutMark + v[from:], true
}

// backToRuneStart moves i back to the start of the character it is in
// (three bytes at most: invalid UTF-8 is cut where it is).
func backToRuneStart(v string, i int) int {
	for k := 0; k < utf8.UTFMax-1 && i > 0 && i < len(v) && !utf8.RuneStart(v[i]); k++ {
		i--
	}
	return i
}

// keySeed makes the hashes of long values unpredictable, so that a log
// cannot be written to merge two of them.
var keySeed = maphash.MakeSeed()

// keyHashLen is the length of the hash that ends a cut value's key: a NUL
// and 16 hex digits.
const keyHashLen = 17

// countKey is the key a value is counted under: the value itself up to
// maxValueLen bytes; past it, the value as shown (cutText, or shown when
// given) and a hash of the whole. Every key longer than maxValueLen is a cut
// value's (the shown part is kept near maxValueLen bytes for that), which
// shownOf reads back.
func countKey(v, shown string) string {
	if len(v) <= maxValueLen {
		return v
	}
	if shown == "" {
		shown, _ = cutText(v, maxValueLen)
	}
	return fmt.Sprintf("%s\x00%016x", shown, maphash.String(keySeed, v))
}

// shownOf is what a counted key shows, and whether the value was cut.
func shownOf(key string) (shown string, cut bool) {
	if len(key) <= maxValueLen {
		return key, false
	}
	return key[:len(key)-keyHashLen], true
}
