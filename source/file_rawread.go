package source

import (
	"bytes"
	"fmt"
	"io"
	"slices"
)

// readRaw implements model.RawReader for a followed file.
func (gs *generations) readRaw(offset int64, n int, buf []byte) ([]byte, error) {
	l, err := gs.locateSpan(offset, n)
	if err != nil {
		return buf, err
	}
	// Read one byte more than the line: it must be the newline that ended
	// it, or the file is no longer what was read.
	want := n
	if l.terminated {
		want++
	}
	start := len(buf)
	buf, err = gs.readLocated(l, offset, want, buf)
	if err != nil {
		return buf, err
	}
	line := buf[start : start+n]
	if bytes.IndexByte(line, '\n') >= 0 || (l.terminated && buf[start+n] != '\n') {
		return buf[:start], fmt.Errorf("re-read %s at offset %d: %w", gs.path, offset, ErrRawChanged)
	}
	return buf[:start+n], nil
}

// readSpan implements model.SpanReader for a followed file: n bytes from
// offset on, as the generation that holds offset has them, however many
// lines they hold. It checks nothing of what they say: the caller, which
// knows where its lines start and end, checks each.
func (gs *generations) readSpan(offset int64, n int, buf []byte) ([]byte, error) {
	l, err := gs.locateSpan(offset, n)
	if err != nil {
		return buf, err
	}
	return gs.readLocated(l, offset, n, buf)
}

// locateSpan is locate for arguments a caller gave.
func (gs *generations) locateSpan(offset int64, n int) (located, error) {
	if offset < 0 || n < 0 {
		return located{}, fmt.Errorf("re-read %s: invalid offset %d length %d", gs.path, offset, n)
	}
	return gs.locate(offset, n)
}

// readLocated appends the n bytes at offset, located at l, to buf.
func (gs *generations) readLocated(l located, offset int64, n int, buf []byte) ([]byte, error) {
	start := len(buf)
	buf = slices.Grow(buf, n)[:start+n]
	if err := readExtents(l.extents, buf[start:], l.pos); err != nil {
		if err == errNotCovered {
			return buf[:start], fmt.Errorf("re-read %s at offset %d: %w: %s", gs.path, offset, ErrRawGone, l.gone)
		}
		return buf[:start], fmt.Errorf("re-read %s at offset %d: %w", gs.path, offset, err)
	}
	return buf, nil
}

// errNotCovered means that no extent holds some of the bytes asked for.
var errNotCovered = fmt.Errorf("not covered")

// readExtents fills p with a generation's bytes from position pos on,
// piece by piece from the extents that hold them (a line may start in a
// copy and end in the spill file). The first extent that holds a position
// wins.
func readExtents(xs []extent, p []byte, pos int64) error {
	for len(p) > 0 {
		i := slices.IndexFunc(xs, func(x extent) bool { return x.from <= pos && pos < x.to })
		if i < 0 {
			return errNotCovered
		}
		x := xs[i]
		k := min(int64(len(p)), x.to-pos)
		got, err := x.file.ReadAt(p[:k], x.at+pos-x.from)
		if int64(got) < k {
			if err == nil || err == io.EOF {
				err = ErrRawChanged
			}
			return err
		}
		p, pos = p[k:], pos+k
	}
	return nil
}
