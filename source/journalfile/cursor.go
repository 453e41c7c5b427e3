package journalfile

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Location is where an entry stands among all the journal's entries: the
// fields journalctl's cursors carry and its ordering compares.
type Location struct {
	SeqnumID  ID128
	Seqnum    uint64
	BootID    ID128
	Monotonic uint64
	Realtime  uint64
	XorHash   uint64
	// Which fields are known (a parsed cursor may lack some).
	HasSeqnum, HasMonotonic, HasRealtime, HasXor bool
}

// locationOf is the full location of an entry of a file with seqnum ID sid.
func locationOf(sid ID128, m EntryMeta) Location {
	return Location{SeqnumID: sid, Seqnum: m.Seqnum, BootID: m.BootID, Monotonic: m.Monotonic,
		Realtime: m.Realtime, XorHash: m.XorHash, HasSeqnum: true, HasMonotonic: true, HasRealtime: true, HasXor: true}
}

// Cursor renders the location as journalctl does, so that its cursors and
// ours are interchangeable.
func (l Location) Cursor() string {
	return fmt.Sprintf("s=%s;i=%x;b=%s;m=%x;t=%x;x=%x", l.SeqnumID, l.Seqnum, l.BootID, l.Monotonic, l.Realtime, l.XorHash)
}

// ParseCursor reads a journalctl cursor. Unknown fields are ignored, as
// sd-journal does; a cursor with no usable field is an error.
func ParseCursor(c string) (Location, error) {
	var l Location
	var any bool
	for _, part := range strings.Split(c, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok || len(k) != 1 {
			return l, fmt.Errorf("cursor part %q is not k=value", part)
		}
		var err error
		switch k[0] {
		case 's':
			err = parseID(v, &l.SeqnumID)
		case 'b':
			err = parseID(v, &l.BootID)
		case 'i':
			l.Seqnum, err = strconv.ParseUint(v, 16, 64)
			l.HasSeqnum = true
		case 'm':
			l.Monotonic, err = strconv.ParseUint(v, 16, 64)
			l.HasMonotonic = true
		case 't':
			l.Realtime, err = strconv.ParseUint(v, 16, 64)
			l.HasRealtime = true
		case 'x':
			l.XorHash, err = strconv.ParseUint(v, 16, 64)
			l.HasXor = true
		default:
			continue
		}
		if err != nil {
			return l, fmt.Errorf("cursor part %q: %w", part, err)
		}
		any = true
	}
	if !any {
		return l, fmt.Errorf("cursor %q has no known field", c)
	}
	return l, nil
}

func parseID(s string, id *ID128) error {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != 16 {
		return fmt.Errorf("%q is not a 128-bit ID", s)
	}
	copy(id[:], b)
	return nil
}

// Compare orders two locations as journalctl interleaves files: by seqnum
// within one seqnum ID, else by monotonic time within one boot, else by
// realtime, and last by the hash of the contents. 0 means the same entry.
func Compare(a, b Location) int {
	if a.SeqnumID == b.SeqnumID && a.HasSeqnum && b.HasSeqnum {
		if c := cmp.Compare(a.Seqnum, b.Seqnum); c != 0 {
			return c
		}
	}
	if a.BootID == b.BootID && a.HasMonotonic && b.HasMonotonic {
		if c := cmp.Compare(a.Monotonic, b.Monotonic); c != 0 {
			return c
		}
	}
	if a.HasRealtime && b.HasRealtime {
		if c := cmp.Compare(a.Realtime, b.Realtime); c != 0 {
			return c
		}
	}
	if a.HasXor && b.HasXor {
		return cmp.Compare(a.XorHash, b.XorHash)
	}
	return 0
}

// Matches reports whether the location is the one a cursor names: every
// field the cursor carries agrees (sd_journal_test_cursor's rule).
func (l Location) Matches(c Location) bool {
	var zero ID128
	switch {
	case c.SeqnumID != zero && c.SeqnumID != l.SeqnumID,
		c.HasSeqnum && c.Seqnum != l.Seqnum,
		c.BootID != zero && c.BootID != l.BootID,
		c.HasMonotonic && c.Monotonic != l.Monotonic,
		c.HasRealtime && c.Realtime != l.Realtime,
		c.HasXor && c.XorHash != l.XorHash:
		return false
	}
	return true
}
