package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sort"
	"sync"
)

// ErrRawGone is returned by ReadRaw when the bytes of a line can no longer
// be found: the file was truncated in place (copytruncate) and no copy of it
// was found, or keeping them would have exceeded what connlog may keep
// aside. The source sends a gap record counting such lines as lost.
var ErrRawGone = errors.New("the line's bytes are no longer in the file")

// ErrRawChanged is returned by ReadRaw when the bytes found at a line's
// offset are not a line of the expected length: the file was rewritten.
var ErrRawChanged = errors.New("the file changed since the line was read")

// extent says where a stretch of a generation's bytes can be read now:
// positions [from, to) of the generation are at file positions at, at+1…
// The file is the generation's own file, a copy of it (copytruncate's
// sibling) or the source's spill file.
type extent struct {
	file     *os.File
	from, to int64
	at       int64
}

// generation is one file that was read under the followed path, or a
// stretch of one. Logical offsets continue from one generation to the
// next, so an offset names one line forever even though every rotation
// starts a file at byte 0. A renamed-away file that grows after connlog
// moved on is read as a stretch of its own, after what was read, and the
// file read meanwhile goes on in another stretch after that (see
// readLateGrowth): each begins at the file position from.
type generation struct {
	file  *os.File    // the file as it was opened, while it holds the bytes read; nil after
	info  fs.FileInfo // the file's identity
	base  int64       // logical offset of the file's byte 0
	from  int64       // the file position of its first byte: 0 but for a stretch
	end   int64       // the file position read up to
	lines int64       // newlines read, to count what is lost if the bytes are
	// moved lists where the bytes are once they are no longer (only) in
	// file: a copy, the spill file. Positions it does not cover are gone.
	moved []extent
	cut   bool   // the file was truncated in place after these bytes were read
	gone  string // why positions no extent covers can no longer be read
	// read is the fingerprint of what was read, kept after the file is
	// let go: a file that holds it is this one, renamed, or its copy.
	read fingerprint
}

// generations is the list of files a followed path has been, oldest first,
// shared between the reading goroutine and ReadRaw callers.
type generations struct {
	path       string
	streamOnly bool // nothing is re-read: keep no old file (FileOptions.StreamOnly)

	mu    sync.Mutex
	list  []*generation
	spill spill
	// unterminated holds, in ascending order, the logical offsets of records
	// whose bytes are not followed by '\n' in the file (cut lines, lines sent
	// before their newline arrived); ReadRaw cannot check their end.
	unterminated []int64
	// aside are the files the reader holds open besides the generations':
	// the one it moved away from at the last switch, kept for what its
	// writer adds (see renamedFile), and those that took the path's place
	// while the renamed one is still read (see nextFile). They are read by
	// it, whatever their names now.
	aside []fs.FileInfo
}

// start registers a file that begins at logical offset base, to be read
// from file position from (0 for a whole file). Keeping a
// renamed file open lets its lines be re-read, but it also keeps a deleted
// file's disk space and a descriptor, hence a limit: past it the oldest
// rotated-away file is copied into the spill file and closed (see
// retire), and what could not be kept is returned as lost lines.
func (gs *generations) start(f *os.File, fi fs.FileInfo, base, from int64) (g *generation, lost int64) {
	gs.mu.Lock()
	g = &generation{file: f, info: fi, base: base, from: from, end: from}
	gs.list = append(gs.list, g)
	if len(gs.list) > maxKnownGenerations {
		gs.list = slices.Delete(gs.list, 0, len(gs.list)-maxKnownGenerations)
	}
	if gs.streamOnly {
		gs.releaseOld()
		gs.mu.Unlock()
		return g, 0
	}
	var victim *generation
	open := 0
	spilled := gs.spill.file()
	for i := len(gs.list) - 2; i >= 0; i-- {
		if old := gs.list[i]; old.holdsFiles(spilled) {
			if open++; open > maxRetainedGenerations {
				victim = old
				break
			}
		}
	}
	gs.mu.Unlock()
	if victim != nil {
		lost = gs.retire(victim)
	}
	return g, lost
}

// retire copies a rotated-away generation's bytes into the spill file and
// closes the files that held them (the generation's own, a copy). Nothing
// appends to a rotated-away file any more, so the copy is made without the
// lock; only the switch takes it. It returns the lines it could not keep.
func (gs *generations) retire(g *generation) (lost int64) {
	gs.mu.Lock()
	xs := g.extents()
	gs.mu.Unlock()
	var kept []extent
	var toClose []*os.File
	var failed error
	for _, x := range xs {
		if spilled := gs.spill.file(); spilled != nil && x.file == spilled {
			kept = append(kept, x)
			continue
		}
		at, err := gs.spill.copyFrom(x.file, x.at, x.to-x.from)
		if err != nil {
			failed = err
			continue
		}
		kept = append(kept, extent{file: gs.spill.file(), from: x.from, to: x.to, at: at})
		toClose = append(toClose, x.file)
	}
	gs.mu.Lock()
	g.file, g.moved = nil, kept
	if failed != nil {
		g.gone = "it was rotated away and could not be kept aside: " + failed.Error()
		lost = g.lines
	}
	gs.mu.Unlock()
	for _, f := range toClose {
		f.Close()
	}
	return lost
}

// releaseOld closes every generation but the newest, for a stream-only
// source, and empties the spill file. The lock is held.
func (gs *generations) releaseOld() {
	for _, g := range gs.list[:len(gs.list)-1] {
		for _, x := range g.extents() {
			if x.file != gs.spill.file() && x.file != gs.list[len(gs.list)-1].file {
				x.file.Close()
			}
		}
		g.file, g.moved, g.gone = nil, nil, "connlog was asked not to keep it (a headless export writes lines as they arrive)"
	}
	gs.spill.reset()
}

// extents lists where g's bytes are: moved first, then its own file.
func (g *generation) extents() []extent {
	xs := slices.Clone(g.moved)
	if g.file != nil {
		xs = append(xs, extent{file: g.file, from: g.from, to: g.end, at: g.from})
	}
	return xs
}

// holdsFiles reports whether g keeps a descriptor open other than the
// spill file's.
func (g *generation) holdsFiles(spilled *os.File) bool {
	if g.file != nil {
		return true
	}
	return slices.ContainsFunc(g.moved, func(x extent) bool { return x.file != spilled })
}

// reads reports whether fi is the file of a generation still open, one
// read already (a renamed-away file): never the copy of another file. A
// closed one's inode may have been given to a new file since.
func (gs *generations) reads(fi fs.FileInfo) bool {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	if slices.ContainsFunc(gs.aside, func(a fs.FileInfo) bool { return os.SameFile(a, fi) }) {
		return true
	}
	return slices.ContainsFunc(gs.list, func(g *generation) bool { return g.file != nil && os.SameFile(g.info, fi) })
}

// holdsAside records the files the reader holds open besides the
// generations' (see aside).
func (gs *generations) holdsAside(files []fs.FileInfo) {
	gs.mu.Lock()
	gs.aside = files
	gs.mu.Unlock()
}

// grow records that the file has been read up to end, the newlines in
// what was just read, and the fingerprint of what was read so far.
func (gs *generations) grow(g *generation, end, newlines int64, fp *fingerprint) {
	gs.mu.Lock()
	g.end = end
	g.lines += newlines
	g.read.copyFrom(fp)
	gs.mu.Unlock()
}

// truncated records that g's file was cut in place: its bytes are now in
// moved (the copy logrotate made, the recent bytes kept in the spill file),
// and positions moved does not cover are gone for reason. The file stays
// open for the next generation.
func (gs *generations) truncated(g *generation, moved []extent, reason string) {
	gs.mu.Lock()
	g.file, g.moved, g.cut = nil, moved, true
	g.gone = reason
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
	closed := map[*os.File]bool{}
	closeOnce := func(f *os.File) {
		if f != nil && !closed[f] {
			closed[f] = true
			errs = append(errs, f.Close())
		}
	}
	for _, g := range gs.list {
		closeOnce(g.file)
		for _, x := range g.moved {
			if x.file != gs.spill.file() {
				closeOnce(x.file)
			}
		}
		g.file, g.moved = nil, nil
		g.gone = "the source was closed"
	}
	errs = append(errs, gs.spill.close())
	return errors.Join(errs...)
}

// located is where a record's bytes can be read now.
type located struct {
	extents    []extent
	pos        int64 // the record's position in its generation
	terminated bool  // a newline follows the record on disk
	gone       string
}

// locate finds the generation holding [offset, offset+n) and where its
// bytes are.
func (gs *generations) locate(offset int64, n int) (located, error) {
	gs.mu.Lock()
	defer gs.mu.Unlock()
	i := sort.Search(len(gs.list), func(i int) bool { return gs.list[i].base+gs.list[i].from > offset }) - 1
	if i < 0 {
		return located{}, fmt.Errorf("re-read %s at offset %d: %w: connlog no longer tracks the file it was in", gs.path, offset, ErrRawGone)
	}
	g := gs.list[i]
	if offset+int64(n) > g.base+g.end {
		return located{}, fmt.Errorf("re-read %s: offset %d length %d is beyond what was read", gs.path, offset, n)
	}
	l := located{pos: offset - g.base, gone: g.gone, extents: g.extents()}
	_, found := slices.BinarySearch(gs.unterminated, offset)
	l.terminated = !found
	return l, nil
}
