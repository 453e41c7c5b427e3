package journalfile

import "bytes"

// maxKnownFields bounds the memory of a file's field cache.
const maxKnownFields = 1 << 16

// fieldCache remembers the field name of DATA objects that several entries
// share (a unit, a host, an identifier): looking for MESSAGE in an entry
// then skips them without reading them again. Objects used by one entry
// only, most messages, are not worth remembering.
type fieldCache struct {
	of    map[uint64]uint16 // DATA object offset -> index in names
	names []string
	index map[string]uint16
}

// other reports whether the object at off is known to hold another field
// than name.
func (c *fieldCache) other(off uint64, name string) bool {
	id, ok := c.of[off]
	return ok && c.names[id] != name
}

// note remembers the field of a shared, uncompressed DATA object.
func (c *fieldCache) note(off uint64, d *dataObject) {
	if d.nEntries < 2 || d.compressed() || len(c.of) >= maxKnownFields {
		return
	}
	eq := bytes.IndexByte(d.storedPayload, '=')
	if eq <= 0 {
		return
	}
	if c.of == nil {
		c.of, c.index = map[uint64]uint16{}, map[string]uint16{}
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
	c.of[off] = id
}
