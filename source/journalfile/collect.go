package journalfile

import (
	"bytes"
	"fmt"
)

// Collect reads, in one pass over the current entry's DATA objects, the
// values of the fields names, appended to dst; vals[i] is the value of
// names[i] (the first when a field repeats) or nil when the entry lacks it.
// vals must have len(names) elements. Objects known to hold another field
// are skipped without being read. unreadable counts the objects that could
// not be read (overwritten), skipped as journalctl skips them: a field
// missing from vals may have been in one of them.
func (j *Journal) Collect(names []string, vals [][]byte, dst []byte) (_ []byte, unreadable int, err error) {
	f, err := j.loadItems()
	if err != nil {
		return dst, 0, err
	}
	spans := j.spans[:0]
	for range names {
		spans = append(spans, [2]int{-1, -1})
	}
	j.spans = spans
	dst, unreadable, err = f.collect(j.items, names, spans, dst)
	if err != nil {
		return dst, 0, fmt.Errorf("%s: %w", f.path, err)
	}
	for i, s := range spans {
		vals[i] = nil
		if s[0] >= 0 {
			vals[i] = dst[s[0]:s[1]:s[1]]
		}
	}
	return dst, unreadable, nil
}

// collect appends the wanted fields' values found among items to dst and
// notes where each one is in spans; it skips and counts the objects that
// cannot be read (see skippable).
func (f *File) collect(items []uint64, names []string, spans [][2]int, dst []byte) (_ []byte, unreadable int, err error) {
	f.fields.want(names)
	for _, off := range items {
		if f.fields.noneOf(off) {
			continue
		}
		d, err := f.data(off)
		if skippable(err) {
			unreadable++
			continue
		}
		if err != nil {
			return dst, unreadable, err
		}
		f.fields.note(off, &d)
		start := len(dst)
		if dst, err = d.appendPayload(dst); skippable(err) {
			unreadable++
			continue
		} else if err != nil {
			return dst[:start], unreadable, err
		}
		p := dst[start:]
		k := wantedIndex(p, names)
		if k < 0 || spans[k][0] >= 0 {
			dst = dst[:start]
			continue
		}
		eq := bytes.IndexByte(p, '=')
		spans[k] = [2]int{start + eq + 1, len(dst)}
	}
	return dst, unreadable, nil
}

// wantedIndex returns which of names the payload "NAME=value" holds, -1 if none.
func wantedIndex(payload []byte, names []string) int {
	for k, n := range names {
		if len(payload) > len(n) && payload[len(n)] == '=' && string(payload[:len(n)]) == n {
			return k
		}
	}
	return -1
}
