package journalfile

import (
	"bytes"
	"slices"
)

// fieldSlots is the size of a file's field cache (a power of two); a slot
// costs 16 bytes.
const fieldSlots = 1 << 14

// fieldSlot remembers one DATA object's field: off 0 means empty.
type fieldSlot struct {
	off uint64
	id  uint16
}

// fieldCache remembers the field name of DATA objects that several entries
// share (a unit, a host, an identifier): collecting MESSAGE from an entry
// then skips them without reading them again. Objects used by one entry
// only, most messages, are not worth remembering. It is direct-mapped: a
// lookup is one probe, and a collision only costs a read.
type fieldCache struct {
	slots []fieldSlot
	names []string
	index map[string]uint16
	// wanted says, by a name's id, whether it is one of wantedFor, the
	// names collected last (see want): an object's field is then told
	// wanted or not by one index, however many names are wanted.
	wantedFor []string
	wanted    []bool
}

// lookup returns the remembered field name of the object at off.
func (c *fieldCache) lookup(off uint64) (string, bool) {
	if c.slots == nil {
		return "", false
	}
	s := &c.slots[(off>>3)&(fieldSlots-1)]
	if s.off != off {
		return "", false
	}
	return c.names[s.id], true
}

// want makes noneOf answer for names, the fields a collect wants.
func (c *fieldCache) want(names []string) {
	if slices.Equal(c.wantedFor, names) {
		return
	}
	c.wantedFor = slices.Clone(names)
	c.wanted = c.wanted[:0]
}

// noneOf reports whether the object at off is known to hold none of the
// names want was last given.
func (c *fieldCache) noneOf(off uint64) bool {
	if c.slots == nil {
		return false
	}
	s := &c.slots[(off>>3)&(fieldSlots-1)]
	if s.off != off {
		return false
	}
	for int(s.id) >= len(c.wanted) {
		c.wanted = append(c.wanted, slices.Contains(c.wantedFor, c.names[len(c.wanted)]))
	}
	return !c.wanted[s.id]
}

// other reports whether the object at off is known to hold another field
// than name.
func (c *fieldCache) other(off uint64, name string) bool {
	n, ok := c.lookup(off)
	return ok && n != name
}

// note remembers the field of a shared, uncompressed DATA object.
func (c *fieldCache) note(off uint64, d *dataObject) {
	if d.nEntries < 2 || d.compressed() {
		return
	}
	eq := bytes.IndexByte(d.storedPayload, '=')
	if eq <= 0 {
		return
	}
	if c.slots == nil {
		c.slots, c.index = make([]fieldSlot, fieldSlots), map[string]uint16{}
	}
	name := d.storedPayload[:eq]
	id, ok := c.index[string(name)]
	if !ok {
		if len(c.names) >= 1<<16-1 {
			return
		}
		id = uint16(len(c.names))
		c.names = append(c.names, string(name))
		c.index[string(name)] = id
	}
	c.slots[(off>>3)&(fieldSlots-1)] = fieldSlot{off: off, id: id}
}
