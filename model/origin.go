package model

import "time"

// originTable interns origins: entries of one source mostly share one (same
// host, unit, pid, envelope), so a row names it with a 4-byte id. The parts
// that change per line (offset, receive time, cursor) are kept elsewhere.
type originTable struct {
	list    []Origin
	sources []SourceID
	ids     map[originKey]uint32
	journal map[JournalFields]*JournalFields
}

type originKey struct {
	src SourceID
	o   Origin
}

func newOriginTable() originTable {
	return originTable{ids: map[originKey]uint32{}, journal: map[JournalFields]*JournalFields{}}
}

// id returns the id of src's origin o, adding it if new.
func (t *originTable) id(src SourceID, o Origin) uint32 {
	o.Offset, o.Received = 0, time.Time{}
	if o.Journal != nil {
		j := *o.Journal
		j.Cursor = ""
		p, ok := t.journal[j]
		if !ok {
			p = &j
			t.journal[j] = p
		}
		o.Journal = p
	}
	k := originKey{src, o}
	if id, ok := t.ids[k]; ok {
		return id
	}
	id := uint32(len(t.list))
	t.list = append(t.list, o)
	t.sources = append(t.sources, src)
	t.ids[k] = id
	return id
}
