package model

import (
	"strings"
	"time"
	"unsafe"
)

// originTable interns origins: entries of one source mostly share one (same
// host, unit, pid, envelope), so a row names it with a 4-byte id. The parts
// that change per line (offset, receive time, cursor, audit stamp) are
// kept elsewhere.
type originTable struct {
	list    []Origin
	sources []SourceID
	ids     map[originKey]uint32
	journal map[JournalFields]*JournalFields
	// last is the key and id of the previous call: lines of one source
	// mostly share an origin, and comparing is cheaper than hashing.
	last    originKey
	lastID  uint32
	hasLast bool
	// given is the origin the previous call was given, while the entries
	// of one Append or Prepend are put (see sameStrings); nil otherwise.
	given  *Origin
	inCall bool
	// hosts says whether the origins named several hosts: the table and
	// the exports must then name each entry's (see Snapshot.ManyHosts).
	hosts HostCounter
}

type originKey struct {
	src SourceID
	o   Origin
}

func newOriginTable() originTable {
	return originTable{ids: map[originKey]uint32{}, journal: map[JournalFields]*JournalFields{}}
}

// id returns the id of src's origin o, adding it if new.
func (t *originTable) id(src SourceID, o *Origin) uint32 {
	// Lines of one source mostly share the origin of the line before:
	// comparing in place spares copying the origin and hashing its journal
	// fields, line after line.
	if t.given != nil && src == t.last.src && sameStrings(o, t.given) {
		t.given = o
		return t.lastID
	}
	id := t.lastID
	if !t.hasLast || src != t.last.src || !sameOrigin(o, &t.last.o) {
		id = t.slowID(src, *o)
	}
	if t.inCall {
		t.given = o
	}
	return id
}

// beginCall and endCall bracket the entries of one Append or Prepend: while
// the caller's entries are put they do not change, so an origin whose
// strings are the very ones the previous entry's were is that origin,
// without a look at their bytes.
func (t *originTable) beginCall() { t.given, t.inCall = nil, true }
func (t *originTable) endCall()   { t.given, t.inCall = nil, false }

// sameStrings reports whether a is b, but for what changes per line, by
// the addresses of their strings: b is an origin of the entries being put,
// whose bytes do not change meanwhile.
func sameStrings(a, b *Origin) bool {
	return a.Stream == b.Stream && a.PID == b.PID && a.Journal == b.Journal && sameString(a.Host, b.Host) &&
		sameString(a.Unit, b.Unit) && sameString(a.Ident, b.Ident) && sameString(a.Envelope, b.Envelope) && sameString(a.Input, b.Input)
}

// sameString reports whether a and b are one string in memory.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

// slowID is id for an origin other than the last one's.
func (t *originTable) slowID(src SourceID, o Origin) uint32 {
	o.Offset, o.Received = 0, time.Time{}
	if o.Journal != nil {
		j := o.Journal.perOrigin()
		p, ok := t.journal[j]
		if !ok {
			j = j.owned()
			p = &j
			t.journal[j] = p
		}
		o.Journal = p
	}
	k := originKey{src, o}
	id, ok := t.ids[k]
	if !ok {
		id = t.add(k)
	}
	// The table's own copy, not k: k's strings may lie in a line's bytes,
	// which the source reuses once the store has taken the line.
	t.last, t.lastID, t.hasLast = originKey{t.sources[id], t.list[id]}, id, true
	return id
}

// sameOrigin reports whether a and b are one origin: equal but for what
// changes per line (offset, receive time, journal cursors and audit
// stamp), as the table's keys are.
func sameOrigin(a, b *Origin) bool {
	if a.Stream != b.Stream || a.PID != b.PID || a.Host != b.Host || a.Unit != b.Unit ||
		a.Ident != b.Ident || a.Envelope != b.Envelope || a.Input != b.Input || (a.Journal == nil) != (b.Journal == nil) {
		return false
	}
	if a.Journal == nil || a.Journal == b.Journal {
		return true
	}
	return a.Journal.perOrigin() == b.Journal.perOrigin()
}

// perOrigin returns j without what is per record (the cursors and the
// audit stamp): what an origin is told apart by.
func (j *JournalFields) perOrigin() JournalFields {
	o := *j
	o.Cursor, o.EndCursor, o.AuditStamp = "", "", ""
	return o
}

// add stores a copy of a new origin and returns its id.
func (t *originTable) add(k originKey) uint32 {
	k.o.Host, k.o.Unit, k.o.Ident, k.o.Envelope = strings.Clone(k.o.Host), strings.Clone(k.o.Unit), strings.Clone(k.o.Ident), strings.Clone(k.o.Envelope)
	id := uint32(len(t.list))
	t.list = append(t.list, k.o)
	t.sources = append(t.sources, k.src)
	t.ids[k] = id
	t.noteHost(t.list[id].HostName())
	return id
}

// noteHost counts host h among the hosts the origins named ("" is none).
func (t *originTable) noteHost(h string) { t.hosts.Note(h) }

// HostCounter tells whether entries name more than one host, as they
// arrive: what makes the table show a HOST column and exports name each
// entry's host.
type HostCounter struct {
	first string // the first host named
	many  bool
}

// Note counts host h ("" is none).
func (c *HostCounter) Note(h string) {
	switch {
	case h == "" || h == c.first:
	case c.first == "":
		c.first = h
	default:
		c.many = true
	}
}

// Many reports whether two hosts were named.
func (c *HostCounter) Many() bool { return c.many }

// owned returns j with copies of its strings, for the table to keep past
// the record it came with.
func (j JournalFields) owned() JournalFields {
	j.Cursor, j.EndCursor, j.AuditStamp = strings.Clone(j.Cursor), strings.Clone(j.EndCursor), strings.Clone(j.AuditStamp)
	j.Hostname, j.Unit, j.Identifier = strings.Clone(j.Hostname), strings.Clone(j.Unit), strings.Clone(j.Identifier)
	j.BootID, j.InvocationID, j.Transport = strings.Clone(j.BootID), strings.Clone(j.InvocationID), strings.Clone(j.Transport)
	return j
}
