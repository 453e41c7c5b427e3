package source

import (
	"bytes"
	"io/fs"
	"os"
)

// Recognises says whether the file c, whose stat is fi, is one the source
// read (see Recogniser).
func (f *File) Recognises(c *os.File, fi fs.FileInfo) Verdict { return f.gens.recognises(c, fi) }

// readBefore is what is known of a generation whose first bytes a
// candidate file begins with.
type readBefore struct {
	end        int64
	head, tail []byte // the first bytes read, and those before end
	extents    []extent
	// cut is set when the file was truncated in place after it was read
	// (or is now shorter than what was read of it): a file that begins
	// with all that was read is then its copy, made before the cut, even
	// when it holds more (what was written between the last read and the
	// cut).
	cut bool
	// live is set while the file is the one being read (not cut).
	live bool
}

// recognises says NotNew when c (fi) is proven to hold nothing that a
// generation did not read: a file a generation holds open, whatever it
// holds now; or one that begins with a generation's first bytes, is not
// longer than what was read of it, and ends with the bytes read at that
// place. That is the read file itself renamed (whatever its inode: a
// closed generation's may have been given to a new file since), a whole
// copy of it, or a copy on its way, however long ago the generation let go
// of its file. When the file read was cut in place (copytruncate), a file
// holding all that was read of it, and more, is its copy too: the more is
// what was written before the cut. While it was not cut, such a file is
// NotYet: copytruncate's copy before the truncation, or another log that
// begins the same way (two services' logs beginning with the same banner).
// Any other file is a NewLog, even one holding more than a let-go
// generation read, or whose last bytes can no longer be compared: read
// again, a continuation of a let-go file repeats lines; left out, a new
// log would lose all of its lines. c may be nil (a file that could not be
// opened): then only the files held open are recognised.
func (gs *generations) recognises(c *os.File, fi fs.FileInfo) Verdict {
	if gs.reads(fi) {
		return NotNew
	}
	if c == nil {
		return NewLog
	}
	head := make([]byte, min(fi.Size(), fingerprintBytes))
	n, _ := c.ReadAt(head, 0)
	head = head[:n]
	verdict := NewLog
	for _, g := range gs.beganWith(head) {
		switch v := endsAsRead(c, fi.Size(), g); v {
		case NotNew:
			return v
		case NotYet:
			verdict = v
		}
	}
	return verdict
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
			out = append(out, readBefore{
				end:     g.end,
				head:    bytes.Clone(g.read.head),
				tail:    bytes.Clone(g.read.tail),
				extents: g.extents(),
				cut:     g.cut || gs.shorterThanRead(g),
				live:    !g.cut && g == gs.list[len(gs.list)-1],
			})
		}
	}
	return out
}

// shorterThanRead reports whether g's file now holds less than was read
// of it: truncated, before the reader has seen it. The file is looked at
// through g's descriptor, or, without one (nothing is kept open for a
// stream-only source), at the path, when the path still names it.
func (gs *generations) shorterThanRead(g *generation) bool {
	var fi fs.FileInfo
	var err error
	if g.file != nil {
		fi, err = g.file.Stat()
	} else if fi, err = os.Stat(gs.path); err == nil && !os.SameFile(fi, g.info) {
		return false
	}
	return err == nil && fi.Size() < g.end
}

// endsAsRead says NotNew when c, of size bytes, which begins as g did, is
// no longer than what was read of g and ends with g's bytes at that place,
// or holds all that was read of g, and more, when g's file was cut (its
// copy); NotYet when it holds all and more of a g that was not cut, if g
// is still read (see recognises); else NewLog.
func endsAsRead(c *os.File, size int64, g readBefore) Verdict {
	at := size
	if size > g.end {
		if !g.cut && !g.live {
			return NewLog
		}
		at = g.end
	}
	k := min(at, fingerprintBytes)
	want := make([]byte, k)
	if !g.bytesAt(want, at-k) {
		if g.cut && size < g.end && len(g.head) == fingerprintBytes {
			// Copytruncate's copy, taken while the writer went on: the
			// reader read past the copy's end before the cut, and a
			// stream-only source kept no bytes there to compare. It begins
			// as the cut file did, for all the bytes kept of its start.
			return NotNew
		}
		return NewLog
	}
	if !holds(c, want, at-k) {
		return NewLog
	}
	if size > g.end && !g.cut {
		return NotYet
	}
	return NotNew
}

// bytesAt fills p with g's bytes from position pos on, from its first or
// last bytes read or where its bytes are still kept; false when they are
// no longer known.
func (g readBefore) bytesAt(p []byte, pos int64) bool {
	end := pos + int64(len(p))
	if end <= int64(len(g.head)) {
		copy(p, g.head[pos:end])
		return true
	}
	if tailFrom := g.end - int64(len(g.tail)); pos >= tailFrom && end <= g.end {
		copy(p, g.tail[pos-tailFrom:])
		return true
	}
	return readExtents(g.extents, p, pos) == nil
}
