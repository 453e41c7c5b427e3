package source

import (
	"bytes"
	"io/fs"
	"os"
)

// Recognises reports whether the file c, whose stat is fi, is one the
// source read (see Recogniser).
func (f *File) Recognises(c *os.File, fi fs.FileInfo) bool { return f.gens.recognises(c, fi) }

// readBefore is what is known of a generation whose first bytes a
// candidate file begins with.
type readBefore struct {
	end     int64
	tail    []byte
	extents []extent
}

// recognises reports whether c (fi) is the file of a generation, or a
// copy of one: a file a generation holds open, whatever it holds now; or
// one that holds what a generation read, whatever its name and inode, and
// however long ago the generation let go of its file. That is, one that
// begins with the generation's first bytes and holds the bytes where its
// reading stopped; or, shorter (a copy on its way), whose last bytes are
// the generation's at that place, as far as they are still kept. A closed
// generation's inode alone says nothing: a new file may have been given
// it since. c may be nil (a file that could not be opened): then only the
// files held open are recognised.
func (gs *generations) recognises(c *os.File, fi fs.FileInfo) bool {
	if gs.reads(fi) {
		return true
	}
	if c == nil {
		return false
	}
	head := make([]byte, min(fi.Size(), fingerprintBytes))
	n, _ := c.ReadAt(head, 0)
	head = head[:n]
	for _, g := range gs.beganWith(head) {
		if holdsReadOf(c, fi.Size(), g) {
			return true
		}
	}
	return false
}

// beganWith returns the generations whose first bytes head begins with,
// or that began with head, when it is shorter: nothing else of them is
// compared yet.
func (gs *generations) beganWith(head []byte) []readBefore {
	if len(head) == 0 {
		return nil
	}
	gs.mu.Lock()
	defer gs.mu.Unlock()
	var out []readBefore
	for _, g := range gs.list {
		n := min(len(head), len(g.read.head))
		if n > 0 && bytes.Equal(head[:n], g.read.head[:n]) {
			out = append(out, readBefore{end: g.end, tail: bytes.Clone(g.read.tail), extents: g.extents()})
		}
	}
	return out
}

// holdsReadOf reports whether c, of size bytes, which begins as g
// did, holds what was read of g where it ends: at g's end, or, for a
// shorter c, at c's own end (unless g's bytes there are no longer kept).
func holdsReadOf(c *os.File, size int64, g readBefore) bool {
	if size >= g.end {
		return holds(c, g.tail, g.end-int64(len(g.tail)))
	}
	k := min(size, fingerprintBytes)
	want := make([]byte, k)
	if readExtents(g.extents, want, size-k) != nil {
		return true // the first bytes alone tell
	}
	return holds(c, want, size-k)
}
