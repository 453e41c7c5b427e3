package decode

import (
	"bytes"
	"encoding/binary"

	"connlog/model"
	"connlog/model/mask"
	"connlog/model/payload"
)

// openings remembers the openings of the service lines read last
// ("[DEBUG] [libsdwan] [quic] quic_session::on_ack: ") with the level and
// the shared fields (serviceSets) their lines get: a line that begins with
// a remembered opening gets them without being read, where reading its
// level tag, module brackets and function, then finding the pair's shared
// slice, cost a thousand instructions a line, on most lines of a level-7
// log. An opening is the bytes the answer depends on
// (payload.ServiceReach), compared whole: whatever follows them, the
// answer is the same. One openings serves one goroutine.
type openings struct {
	slots [openingSlots]opening
}

// openingSlots is the size of the direct-mapped table (a power of two): a
// connector's service lines open in a few hundred ways.
const (
	openingBits  = 9
	openingSlots = 1 << openingBits
)

// maxOpening is the longest opening remembered: of a level-7 connector
// log's, all are 24-63 bytes. A table is 48 KiB; a decoder lets go of it
// when its input goes quiet (see lineDecoder.idle).
const maxOpening = 64

type opening struct {
	n      uint8 // the opening's length; 0: an empty slot
	level  model.Level
	fields model.Fields // shared, never written (see serviceSets)
	mask   mask.Opening // what the template fold makes of the opening's bytes
	bytes  [maxOpening]byte
}

// find returns the level, fields and mask.Opening of a line p that begins
// with a remembered opening.
func (o *openings) find(p []byte) (model.Level, model.Fields, mask.Opening, bool) {
	sl := &o.slots[openingSlot(p)]
	if !sl.opens(p) {
		return model.LevelNone, nil, mask.Opening{}, false
	}
	return sl.level, sl.fields, sl.mask, true
}

// opens reports whether p begins with the slot's opening.
func (sl *opening) opens(p []byte) bool {
	n := int(sl.n)
	return n > 0 && n <= len(p) && bytes.Equal(p[:n], sl.bytes[:n])
}

// remember keeps the opening of line p, which ServiceIndex read as of
// level lvl and whose fields are the shared slice fs.
func (o *openings) remember(p []byte, lvl model.Level, fs model.Fields) {
	n := payload.ServiceReach(p)
	if n == 0 || n > maxOpening {
		return
	}
	sl := &o.slots[openingSlot(p)]
	sl.n, sl.level, sl.fields, sl.mask = uint8(n), lvl, fs, mask.OpeningOf(p[:n])
	copy(sl.bytes[:], p[:n])
}

// openingSlot picks the slot of a line from the bytes that most often end
// its opening: up to the first ": " (a function's colon) within
// maxOpening bytes, or those bytes. Lines of one opening take one slot; an
// opening found there is still compared whole.
func openingSlot(p []byte) int {
	cut := min(len(p), maxOpening)
	for i := 0; i < cut-1; {
		c := bytes.IndexByte(p[i:cut-1], ':')
		if c < 0 {
			break
		}
		if i += c + 1; p[i] == ' ' {
			cut = i + 1
			break
		}
	}
	h := uint64(cut)
	if cut >= 16 {
		h ^= binary.LittleEndian.Uint64(p[cut-8:]) ^ binary.LittleEndian.Uint64(p[cut-16:])*31
		h ^= binary.LittleEndian.Uint64(p[cut/2:]) * 0x85EBCA77
	}
	h *= 0x9E3779B97F4A7C15 // Fibonacci hashing: the high bits mix all of h
	return int(h >> (64 - openingBits))
}
