package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"sync"
)

// ErrRawGone is returned by ReadRaw when the bytes of a line no longer exist
// where they were read: the file was truncated in place (copytruncate) after
// the line was read, or it was rotated away and is no longer kept open.
var ErrRawGone = errors.New("the line's bytes are no longer in the file")

// ErrRawChanged is returned by ReadRaw when the bytes found at a line's
// offset are not a line of the expected length: the file was rewritten.
var ErrRawChanged = errors.New("the file changed since the line was read")

// generation is one file that was read under the followed path. Logical
// offsets continue from one generation to the next, so an offset names one
// line forever even though every rotation starts a file at byte 0.
type generation struct {
	file *os.File // nil once closed
	base int64    // logical offset of the file's byte 0
	end  int64    // bytes read from the file so far
	gone string   // why its bytes can no longer be read; "" while they can
}

// generations is the list of files a followed path has been, oldest first,
// shared between the reading goroutine and ReadRaw callers.
type generations struct {
	path string

	mu   sync.Mutex
	list []*generation
	// unterminated holds, in ascending order, the logical offsets of records
	// whose bytes are not followed by '\n' in the file (cut lines, lines sent
	// before their newline arrived); ReadRaw cannot check their end.
	unterminated []int64
}

// start registers a file that begins at logical offset base and closes the
// oldest rotated-away files beyond the retention limit. Keeping a renamed
// file open lets its lines be re-read, but it also keeps a deleted file's
// disk space allocated, hence the limit.
func (gs *generations) start(f *os.File, base int64) *generation {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	g := &generation{file: f, base: base}
	gs.list = append(gs.list, g)
	open := 0
	for i := len(gs.list) - 2; i >= 0; i-- {
		old := gs.list[i]
		if old.file == nil {
			continue
		}
		if open++; open > maxRetainedGenerations {
			old.file.Close()
			old.file = nil
			old.gone = fmt.Sprintf("it was rotated away and connlog keeps only the last %d rotated files open", maxRetainedGenerations)
		}
	}
	if len(gs.list) > maxKnownGenerations {
		gs.list = slices.Delete(gs.list, 0, len(gs.list)-maxKnownGenerations)
	}
	return g
}

// grow records that the file has been read up to end.
func (gs *generations) grow(g *generation, end int64) {
	gs.mu.Lock()
	g.end = end
	gs.mu.Unlock()
}

// truncated marks g's bytes as gone: the file it shares with the next
// generation was cut to a shorter length, so what was at those positions
// has been overwritten or no longer exists. The file stays open for the
// next generation.
func (gs *generations) truncated(g *generation) {
	gs.mu.Lock()
	g.file = nil
	g.gone = "it was truncated in place (copytruncate) after the line was read"
	gs.mu.Unlock()
}

// markUnterminated remembers a record whose end is not a newline. Offsets
// mostly arrive in ascending order (a tail-first backfill sends lower ones
// later, and they are inserted in place); past the limit the lowest are
// forgotten, and re-reading those records then fails verification rather
// than returning unchecked bytes.
func (gs *generations) markUnterminated(off int64) {
	gs.mu.Lock()
	if len(gs.unterminated) >= maxUnterminatedOffsets {
		gs.unterminated = slices.Delete(gs.unterminated, 0, maxUnterminatedOffsets/2)
	}
	if n := len(gs.unterminated); n == 0 || gs.unterminated[n-1] < off {
		gs.unterminated = append(gs.unterminated, off)
	} else if i, found := slices.BinarySearch(gs.unterminated, off); !found {
		gs.unterminated = slices.Insert(gs.unterminated, i, off)
	}
	gs.mu.Unlock()
}

// closeAll closes every open file; ReadRaw fails afterwards.
func (gs *generations) closeAll() error {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	var errs []error
	for _, g := range gs.list {
		if g.file != nil {
			errs = append(errs, g.file.Close())
		}
		g.file = nil
		g.gone = "the source was closed"
	}
	return errors.Join(errs...)
}

// locate finds the generation holding [offset, offset+n) and whether the
// record there ends with a newline on disk.
func (gs *generations) locate(offset int64, n int) (f *os.File, pos int64, terminated bool, err error) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	i := sort.Search(len(gs.list), func(i int) bool { return gs.list[i].base > offset }) - 1
	if i < 0 {
		return nil, 0, false, fmt.Errorf("re-read %s at offset %d: %w: connlog no longer tracks the file it was in", gs.path, offset, ErrRawGone)
	}
	g := gs.list[i]
	if g.gone != "" {
		return nil, 0, false, fmt.Errorf("re-read %s at offset %d: %w: %s", gs.path, offset, ErrRawGone, g.gone)
	}
	if offset+int64(n) > g.base+g.end {
		return nil, 0, false, fmt.Errorf("re-read %s: offset %d length %d is beyond what was read", gs.path, offset, n)
	}
	_, found := slices.BinarySearch(gs.unterminated, offset)
	return g.file, offset - g.base, !found, nil
}

// readRaw implements model.RawReader for a followed file.
func (gs *generations) readRaw(offset int64, n int, buf []byte) ([]byte, error) {
	if offset < 0 || n < 0 {
		return buf, fmt.Errorf("re-read %s: invalid offset %d length %d", gs.path, offset, n)
	}
	f, pos, terminated, err := gs.locate(offset, n)
	if err != nil {
		return buf, err
	}
	// Read one byte more than the line: it must be the newline that ended
	// it, or the file is no longer what was read.
	want := n
	if terminated {
		want++
	}
	start := len(buf)
	buf = slices.Grow(buf, want)[:start+want]
	got, err := f.ReadAt(buf[start:], pos)
	if got < want {
		if err == nil || errors.Is(err, io.EOF) {
			err = ErrRawChanged
		}
		return buf[:start], fmt.Errorf("re-read %s at offset %d: %w", gs.path, offset, err)
	}
	line := buf[start : start+n]
	if bytes.IndexByte(line, '\n') >= 0 || (terminated && buf[start+n] != '\n') {
		return buf[:start], fmt.Errorf("re-read %s at offset %d: %w", gs.path, offset, ErrRawChanged)
	}
	return buf[:start+n], nil
}
