package decode

import (
	"bytes"
	"unsafe"

	"connlog/model/mask"
)

// tailMemo remembers the templates of service lines by their opening and
// the shape of the rest of them (mask.Shape): a line that begins with a
// remembered opening and goes on in a shape met before after it gets that
// template without being masked. The opening is known by its id, which
// stands for its exact bytes (see openingMatch), so only the rest is
// shaped and compared. A template that holds a digit is not remembered:
// it copied digits of its line that another line of its shape need not
// share. Lines of a level-7 log repeat their shapes; about half of a
// connector's service lines are found.
type tailMemo struct {
	slots [tailSlots]tailSlot
	// digits says whether the templates added last hold a digit, by the
	// address of their bytes: a folder's templates are shared strings,
	// and most lines not found fold into a template added before.
	digits [digitSlots]struct {
		at    *byte
		n     int
		holds bool
	}
}

const digitSlots = 64

// A memo is a direct-mapped table of 2048 slots of at most maxTail bytes
// of a line's rest: 192 KiB, dropped with the openings when the decoder
// is idle.
const (
	tailBits  = 11
	tailSlots = 1 << tailBits
	maxTail   = 64
)

type tailSlot struct {
	id       uint64 // the opening's; 0: an empty slot
	template string
	n        uint8 // the rest's length
	shape    [maxTail]byte
}

// tailShape is a line's opening and the shape of its rest, made by find
// and kept for add.
type tailShape struct {
	id    uint64 // 0: the line is not remembered (no opening, or a rest too long)
	hash  uint64
	n     int
	shape [maxTail]byte
}

// find returns the template remembered for line, which begins with the
// opening m, and leaves its tailShape in s for add.
func (t *tailMemo) find(line []byte, m openingMatch, s *tailShape) (string, bool) {
	s.id = 0
	if m.id == 0 || int(m.n) > len(line) || len(line)-int(m.n) > maxTail {
		return "", false
	}
	rest := line[m.n:]
	s.id, s.n, s.hash = m.id, len(rest), mask.Shape(s.shape[:len(rest)], rest)^m.id*0xC2B2AE3D27D4EB4F
	sl := &t.slots[s.hash>>(64-tailBits)]
	if sl.id != s.id || int(sl.n) != s.n || !bytes.Equal(sl.shape[:s.n], s.shape[:s.n]) {
		return "", false
	}
	return sl.template, true
}

// add remembers template as that of the line find was last given with s,
// unless the line had no opening or the template holds a digit.
func (t *tailMemo) add(s *tailShape, template string) {
	if s.id == 0 || template == "" || t.holdsDigit(template) {
		return
	}
	sl := &t.slots[s.hash>>(64-tailBits)]
	sl.id, sl.template, sl.n = s.id, template, uint8(s.n)
	copy(sl.shape[:], s.shape[:s.n])
}

// holdsDigit is mask.HoldsDigit, remembered for the templates seen last.
func (t *tailMemo) holdsDigit(template string) bool {
	at := unsafe.StringData(template)
	d := &t.digits[uintptr(unsafe.Pointer(at))/8%digitSlots]
	if d.at != at || d.n != len(template) {
		d.at, d.n, d.holds = at, len(template), mask.HoldsDigit(template)
	}
	return d.holds
}
