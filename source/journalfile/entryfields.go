package journalfile

import (
	"fmt"
)

// Find makes the entry a cursor names the current one; found is false when
// no file holds it any more (vacuumed, or the cursor is another journal's).
// Entries looked up in order are found by stepping on from the last one,
// without a search.
func (j *Journal) Find(cursor string) (found bool, err error) {
	c, err := ParseCursor(cursor)
	if err != nil {
		return false, err
	}
	if j.cur != nil {
		if ok, err := j.Next(); err == nil && ok && j.loc.Matches(c) {
			return true, nil
		}
	}
	if err := j.SeekCursor(cursor); err != nil {
		return false, err
	}
	ok, err := j.Next()
	if err != nil || !ok {
		return false, err
	}
	return j.loc.Matches(c), nil
}

// Fields calls fn with each of the current entry's fields ("NAME=value"), in
// the order the entry lists them; the slice is valid during the call only.
// DATA objects that cannot be read are skipped, as journalctl skips them,
// and counted in unreadable.
func (j *Journal) Fields(dst []byte, fn func(field []byte)) (_ []byte, unreadable int, err error) {
	f, err := j.loadItems()
	if err != nil {
		return dst, 0, err
	}
	for _, off := range j.items {
		d, err := f.data(off)
		if err == nil {
			dst, err = d.appendPayload(dst[:0])
		}
		if skippable(err) {
			unreadable++
			continue
		}
		if err != nil {
			return dst, unreadable, fmt.Errorf("%s: %w", f.path, err)
		}
		fn(dst)
	}
	return dst, unreadable, nil
}

// loadItems reads the current entry's list of DATA objects into j.items,
// once per entry, and returns the entry's file.
func (j *Journal) loadItems() (*File, error) {
	if j.cur == nil {
		return nil, ErrNoEntry
	}
	f := j.cur.f
	if !j.loaded {
		var err error
		if _, j.items, err = f.Entry(f.EntryOffset(j.curIdx), j.items[:0]); err != nil {
			return f, fmt.Errorf("%s: %w", f.path, err)
		}
		j.loaded = true
	}
	return f, nil
}
