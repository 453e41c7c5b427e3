package payload

import (
	"encoding/binary"

	"connlog/model"
)

// commonTag returns the level of the five tags a connector writes on
// nearly every line ("[DEBUG]", "[INFO]", …), read as one word of p's
// first eight bytes, and where the tag ends (the index of its ']'); 0
// when p opens with none of them. It is the first try of serviceTag and
// serviceOpening: the search for the bracket and the switch over every
// spelling cost several times more, on every service line.
func commonTag(p []byte) (model.Level, int) {
	if len(p) < 8 {
		return model.LevelNone, 0
	}
	w := binary.LittleEndian.Uint64(p)
	switch w & mask7 {
	case tagDebug:
		return model.LevelDebug, 6
	case tagError:
		return model.LevelError, 6
	case tagTrace:
		return model.LevelTrace, 6
	}
	switch w & mask6 {
	case tagInfo:
		return model.LevelInfo, 5
	case tagWarn:
		return model.LevelWarn, 5
	}
	return model.LevelNone, 0
}

// The common tags as the little-endian words of their bytes, and the masks
// that keep a word's first seven or six bytes.
var (
	tagDebug = word("[DEBUG]")
	tagError = word("[ERROR]")
	tagTrace = word("[TRACE]")
	tagInfo  = word("[INFO]")
	tagWarn  = word("[WARN]")
)

const (
	mask7 = 1<<56 - 1
	mask6 = 1<<48 - 1
)

// word returns the little-endian word of up to eight bytes of s.
func word(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.LittleEndian.Uint64(b[:])
}
