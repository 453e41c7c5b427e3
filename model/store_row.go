package model

// row is an entry's fixed-size index, whatever the line's size; a chunk
// keeps it in about 9.5 bytes (see rowChunk).
// Field values live in the word arena and the symbol table; raw bytes in
// the byte arena or, for file-backed sources, in the file itself. What does
// not fit the row's few bits (a huge line's length, an origin past the
// 65,535th, a record's item number) goes with the fields as a pseudo-field
// (see lineOrigin), which almost no line needs.
type row struct {
	time  int64  // unix nanoseconds; noTime for none (see rowTimeOf)
	raw   uint64 // rawInFile:1 | length:23 | arena offset or file offset:40
	attrs uint32 // word offset of the indexed fields; 0 = none
	meta  uint32 // kind:4 | level:4 | flags:8 | origin:16
}

// Fields of row.raw.
const (
	rawInFile     = 1 << 63 // the offset is in the file, re-read through a RawReader
	rawLenShift   = 40
	rawLenMask    = 1<<23 - 1 // a length of rawLenMask means "see lineOrigin.rawLen"
	rawOffMask    = 1<<rawLenShift - 1
	maxFileOffset = rawOffMask // lines further into a file are kept in memory
)

// originInAttrs in row.meta means "see lineOrigin.origin".
const originInAttrs = 0xffff

// packMeta returns the row's meta word, and the origin id to keep with the
// fields when it does not fit (0 when it does).
func packMeta(k Kind, l Level, f Flags, origin uint32) (meta uint32, spill int64) {
	o := origin
	if o >= originInAttrs {
		o, spill = originInAttrs, int64(origin)
	}
	return uint32(k&0xf) | uint32(l&0xf)<<4 | uint32(f)<<8 | o<<16, spill
}

// packRaw returns the row's raw word for n bytes at off, and the length to
// keep with the fields when it does not fit (0 when it does). Arena offsets
// always fit (see byteArena.put); file offsets are checked by the caller.
func packRaw(inFile bool, off uint64, n int) (raw uint64, spill int64) {
	l := uint64(n)
	if l >= rawLenMask {
		l, spill = rawLenMask, int64(n)
	}
	raw = off&rawOffMask | l<<rawLenShift
	if inFile {
		raw |= rawInFile
	}
	return raw, spill
}

func (r row) kind() Kind   { return Kind(r.meta & 0xf) }
func (r row) level() Level { return Level(r.meta >> 4 & 0xf) }
func (r row) flags() Flags { return Flags(r.meta >> 8) }
func (r row) inFile() bool { return r.raw&rawInFile != 0 }
func (r row) offset() uint64 {
	return r.raw & rawOffMask
}

// rawStandsAlone reports whether the row locates its raw bytes and its
// origin without its fields (neither spilled into them), and is a line
// rather than a gap or boundary, whose text is its message field: a word
// search then needs nothing of its fields.
func (r row) rawStandsAlone() bool {
	_, originFits := r.ownOrigin()
	_, lenFits := r.ownRawLen()
	return originFits && lenFits && r.kind() != KindGap && r.kind() != KindBoundary
}

// ownOrigin returns the origin id the row holds, and whether it holds it
// (else it is in the fields: lineOrigin.origin).
func (r row) ownOrigin() (uint32, bool) {
	o := r.meta >> 16
	return o, o != originInAttrs
}

// ownRawLen returns the raw length the row holds, and whether it holds it
// (else it is in the fields: lineOrigin.rawLen).
func (r row) ownRawLen() (int, bool) {
	l := r.raw >> rawLenShift & rawLenMask
	return int(l), l != rawLenMask
}

// origin returns the row's origin id, from lo when it did not fit.
func (r row) origin(lo *lineOrigin) uint32 {
	if o, ok := r.ownOrigin(); ok {
		return o
	}
	return uint32(lo.origin)
}

// rawLen returns the length of the row's raw bytes, from lo when it did
// not fit.
func (r row) rawLen(lo *lineOrigin) int {
	if l, ok := r.ownRawLen(); ok {
		return l
	}
	return int(lo.rawLen)
}
