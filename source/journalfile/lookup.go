package journalfile

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// maxChain bounds every walk along a linked list of objects. Links are
// also checked to run one way (journald appends hash chains at their tail,
// so offsets grow; it prepends field chains, so offsets shrink), which is
// what stops a corrupted link from looping.
const maxChain = 1 << 24

// bucketHead returns the first object offset of the hash table bucket for h.
func (f *File) bucketHead(tableOff, tableSize, h uint64) (uint64, error) {
	n := tableSize / hashItemSize
	if n == 0 || tableOff == 0 {
		return 0, nil
	}
	if tableOff%8 != 0 || tableOff < f.hdr.HeaderSize+objectHeaderSize {
		return 0, fmt.Errorf("hash table at %d: %w", tableOff, ErrCorrupt)
	}
	b, err := f.pages.view(int64(tableOff+(h%n)*hashItemSize), 8)
	if err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// FindData returns the offset of the DATA object holding payload
// ("FIELD=value"), found through the data hash table; 0 when the file has
// none.
func (f *File) FindData(payload []byte) (uint64, error) {
	h := hashPayload(&f.hdr, payload)
	p, err := f.bucketHead(f.hdr.DataHashOffset, f.hdr.DataHashSize, h)
	if err != nil {
		return 0, err
	}
	var buf []byte
	for steps := 0; p != 0; steps++ {
		if steps > maxChain {
			return 0, fmt.Errorf("data hash chain too long: %w", ErrCorrupt)
		}
		d, err := f.data(p)
		if err != nil {
			return 0, err
		}
		if d.hash == h {
			if buf, err = d.appendPayload(buf[:0]); err != nil {
				return 0, err
			}
			if bytes.Equal(buf, payload) {
				return p, nil
			}
		}
		if d.nextHash != 0 && d.nextHash <= p {
			return 0, fmt.Errorf("data hash chain links back from %d to %d: %w", p, d.nextHash, ErrCorrupt)
		}
		p = d.nextHash
	}
	return 0, nil
}

// findField returns the offset of the FIELD object named name, 0 if none.
func (f *File) findField(name string) (uint64, error) {
	h := hashPayload(&f.hdr, []byte(name))
	p, err := f.bucketHead(f.hdr.FieldHashOffset, f.hdr.FieldHashSize, h)
	if err != nil {
		return 0, err
	}
	for steps := 0; p != 0; steps++ {
		if steps > maxChain {
			return 0, fmt.Errorf("field hash chain too long: %w", ErrCorrupt)
		}
		_, b, err := f.object(p, objectField)
		if err != nil {
			return 0, err
		}
		le := binary.LittleEndian
		if le.Uint64(b[16:]) == h && string(b[fieldPayload:]) == name {
			return p, nil
		}
		next := le.Uint64(b[24:])
		if next != 0 && next <= p {
			return 0, fmt.Errorf("field hash chain links back from %d to %d: %w", p, next, ErrCorrupt)
		}
		p = next
	}
	return 0, nil
}

// FieldValues calls fn with every value the file holds for field name,
// found through the field hash table and the field's chain of DATA objects.
func (f *File) FieldValues(name string, fn func(value []byte)) error {
	fp, err := f.findField(name)
	if err != nil || fp == 0 {
		return err
	}
	_, b, err := f.object(fp, objectField)
	if err != nil {
		return err
	}
	p := binary.LittleEndian.Uint64(b[32:])
	var buf []byte
	for steps := 0; p != 0; steps++ {
		if steps > maxChain {
			return fmt.Errorf("field %s: data chain too long: %w", name, ErrCorrupt)
		}
		d, err := f.data(p)
		if err != nil {
			return err
		}
		next := d.nextField
		if buf, err = d.appendPayload(buf[:0]); err != nil {
			return err
		}
		if v, ok := bytes.CutPrefix(buf, []byte(name+"=")); ok {
			fn(v)
		}
		if next >= p {
			return fmt.Errorf("field %s: data chain links on from %d to %d: %w", name, p, next, ErrCorrupt)
		}
		p = next
	}
	return nil
}
