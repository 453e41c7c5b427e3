package journalfile

import (
	"encoding/binary"
	"fmt"
)

// minObjectSize is the smallest valid size of each object type.
var minObjectSize = [...]uint64{
	objectData:           dataRegularPayload,
	objectField:          fieldPayload,
	objectEntry:          entryItemsOffset,
	objectDataHashTable:  objectHeaderSize,
	objectFieldHashTable: objectHeaderSize,
	objectEntryArray:     arrayItemsOffset,
}

// object reads a whole object of type want at off and checks its header:
// alignment, type, and a size that fits the type and the file. The view is
// valid until the next read.
func (f *File) object(off uint64, want uint8) (flags uint8, b []byte, err error) {
	flags, size, err := f.objectHead(off, want)
	if err != nil {
		return 0, nil, err
	}
	b, err = f.pages.view(int64(off), int(size))
	return flags, b, err
}

// objectHead reads and checks the header of an object of type want at off,
// as object does, and returns its flags and size.
func (f *File) objectHead(off uint64, want uint8) (flags uint8, size uint64, err error) {
	if off%8 != 0 || off < f.hdr.HeaderSize || off > 1<<60 {
		return 0, 0, fmt.Errorf("object offset %d: %w", off, ErrCorrupt)
	}
	hb, err := f.pages.view(int64(off), objectHeaderSize)
	if err != nil {
		return 0, 0, err
	}
	typ, flags, size := hb[0], hb[1], binary.LittleEndian.Uint64(hb[8:])
	if typ != want {
		return 0, 0, fmt.Errorf("object at %d has type %d, want %d: %w", off, typ, want, ErrCorrupt)
	}
	minSize := minObjectSize[want]
	if want == objectData && f.compact {
		minSize = dataCompactPayload
	}
	if size < minSize || size > maxObjectSize || size > f.size || off > f.size-size {
		return 0, 0, fmt.Errorf("object at %d of type %d has size %d: %w", off, typ, size, ErrCorrupt)
	}
	return flags, size, nil
}

// EntryMeta is what an ENTRY object says about itself: where it stands in
// its file's sequence, its clocks and the hash of its contents.
type EntryMeta struct {
	Seqnum    uint64
	Realtime  uint64 // µs since the epoch
	Monotonic uint64 // µs since boot
	BootID    ID128
	XorHash   uint64
}

// Entry reads the ENTRY object at off: its metadata and the offsets of its
// DATA objects, appended to items.
func (f *File) Entry(off uint64, items []uint64) (EntryMeta, []uint64, error) {
	var m EntryMeta
	_, b, err := f.object(off, objectEntry)
	if err != nil {
		return m, items, err
	}
	le := binary.LittleEndian
	m.Seqnum, m.Realtime, m.Monotonic = le.Uint64(b[16:]), le.Uint64(b[24:]), le.Uint64(b[32:])
	copy(m.BootID[:], b[40:56])
	m.XorHash = le.Uint64(b[56:])
	body := b[entryItemsOffset:]
	step := regularEntryItem
	if f.compact {
		step = compactEntryItem
	}
	if len(body)%step != 0 {
		return m, items, fmt.Errorf("entry at %d: %d item bytes: %w", off, len(body), ErrCorrupt)
	}
	for ; len(body) > 0; body = body[step:] {
		var item uint64
		if f.compact {
			item = uint64(le.Uint32(body))
		} else {
			item = le.Uint64(body)
		}
		if item == 0 || item%8 != 0 {
			return m, items, fmt.Errorf("entry at %d: item offset %d: %w", off, item, ErrCorrupt)
		}
		items = append(items, item)
	}
	return m, items, nil
}

// dataObject is a DATA object's header fields the reader uses.
type dataObject struct {
	hash          uint64
	nextHash      uint64
	nextField     uint64
	entryOffset   uint64
	entryArray    uint64
	nEntries      uint64
	compactTail   uint64
	compactTailN  uint64
	flags         uint8
	storedPayload []byte // as stored: compressed when flags say so (a view)
}

// data reads the DATA object at off; its payload is a view.
func (f *File) data(off uint64) (dataObject, error) {
	var d dataObject
	flags, b, err := f.object(off, objectData)
	if err != nil {
		return d, err
	}
	le := binary.LittleEndian
	d.hash, d.nextHash, d.nextField = le.Uint64(b[16:]), le.Uint64(b[24:]), le.Uint64(b[32:])
	d.entryOffset, d.entryArray, d.nEntries = le.Uint64(b[40:]), le.Uint64(b[48:]), le.Uint64(b[56:])
	d.flags = flags
	if f.compact {
		d.compactTail, d.compactTailN = uint64(le.Uint32(b[64:])), uint64(le.Uint32(b[68:]))
		d.storedPayload = b[dataCompactPayload:]
	} else {
		d.storedPayload = b[dataRegularPayload:]
	}
	return d, nil
}

// Payload appends the payload of the DATA object at off ("FIELD=value"),
// decompressed, to dst.
func (f *File) Payload(off uint64, dst []byte) ([]byte, error) {
	d, err := f.data(off)
	if err != nil {
		return dst, err
	}
	return d.appendPayload(dst)
}

// appendPayload appends the object's payload, decompressed, to dst.
func (d *dataObject) appendPayload(dst []byte) ([]byte, error) {
	if d.flags&(objCompressedXZ|objCompressedLZ4|objCompressedZSTD) == 0 {
		return append(dst, d.storedPayload...), nil
	}
	return decompress(dst, d.storedPayload, d.flags)
}

// compressed reports whether the payload is stored compressed.
func (d *dataObject) compressed() bool {
	return d.flags&(objCompressedXZ|objCompressedLZ4|objCompressedZSTD) != 0
}

// HasField reports whether the DATA object at off holds field name (its
// payload starts with "name="), and returns the value appended to dst when
// it does. Uncompressed payloads are checked without copying.
func (f *File) HasField(off uint64, name string, dst []byte) (bool, []byte, error) {
	if f.fields.other(off, name) {
		return false, dst, nil
	}
	d, err := f.data(off)
	if err != nil {
		return false, dst, err
	}
	f.fields.note(off, &d)
	if !d.compressed() {
		p := d.storedPayload
		if len(p) <= len(name) || p[len(name)] != '=' || string(p[:len(name)]) != name {
			return false, dst, nil
		}
		return true, append(dst, p[len(name)+1:]...), nil
	}
	start := len(dst)
	dst, err = decompress(dst, d.storedPayload, d.flags)
	if err != nil {
		return false, dst[:start], err
	}
	p := dst[start:]
	if len(p) <= len(name) || p[len(name)] != '=' || string(p[:len(name)]) != name {
		return false, dst[:start], nil
	}
	return true, append(dst[:start], p[len(name)+1:]...), nil
}

// Meta reads only the metadata of entry i (0 <= i < Len).
func (f *File) Meta(i int) (EntryMeta, error) {
	var m EntryMeta
	off := f.EntryOffset(i)
	_, b, err := f.object(off, objectEntry)
	if err != nil {
		return m, err
	}
	le := binary.LittleEndian
	m.Seqnum, m.Realtime, m.Monotonic = le.Uint64(b[16:]), le.Uint64(b[24:]), le.Uint64(b[32:])
	copy(m.BootID[:], b[40:56])
	m.XorHash = le.Uint64(b[56:])
	return m, nil
}
