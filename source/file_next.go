package source

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"time"
)

// nextFile is a file found at the followed path while the renamed-away one
// is still read (see checkPath). It is opened as soon as it is seen, and
// what it holds is noted at every poll until connlog moves to it, because
// it can be rotated in turn before then: renamed away (the open descriptor
// still reads it), or copied and truncated (the note finds the copy, as
// the bytes read find a followed file's copy).
type nextFile struct {
	file *os.File
	info fs.FileInfo
	seen time.Time // when it was first found at the path
	head []byte    // its first bytes when last looked at, up to fingerprintBytes
	size int64     // its size then
	// cut holds the first bytes it was noted to hold before each time it
	// was truncated in place (copytruncate) before anything of it was
	// read, oldest first: each is read from its copy, found by them, or a
	// gap says it may be missing.
	cut [][]byte
}

// noteNext opens the file at the path, another than the one read, and
// queues it, or looks again at it when it is queued already. A file that
// cannot be opened is not queued: once the grace is over, switchFile's
// open of the path says why and retries.
func (t *tailer) noteNext(ctx context.Context, fi fs.FileInfo, now time.Time) {
	if t.replaced.IsZero() {
		t.replaced = now
	}
	if n := t.queued(fi); n != nil {
		n.look()
		return
	}
	f, ofi, err := openRead(ctx, t.src.opts.Open, t.src.path, false)
	if err != nil {
		return
	}
	if !ofi.Mode().IsRegular() || os.SameFile(ofi, t.curInfo) || t.queued(ofi) != nil {
		f.Close() // not a log file, or the path changed again since: the next poll sees
		return
	}
	n := &nextFile{file: f, info: ofi, seen: now}
	n.look()
	t.next = append(t.next, n)
	t.tellAside()
}

// queued returns the queued file fi describes, or nil.
func (t *tailer) queued(fi fs.FileInfo) *nextFile {
	if i := slices.IndexFunc(t.next, func(n *nextFile) bool { return os.SameFile(fi, n.info) }); i >= 0 {
		return t.next[i]
	}
	return nil
}

// look notes what the file holds now (see lookAt).
func (n *nextFile) look() {
	if fi, err := n.file.Stat(); err == nil {
		n.lookAt(fi.Size())
	}
}

// lookAt notes what the file, measured size bytes long, holds now. When
// it no longer holds what was noted it was truncated: the note joins cut,
// to find its copy by, and what the file holds now is noted afresh (a
// second copytruncate may come before the file is read). The file can be
// truncated between its measure and the read of its head: only the bytes
// read are noted then, or the next look would take the stale size for
// another truncation.
func (n *nextFile) lookAt(size int64) {
	if n.truncatedSince(size) {
		if n.size > 0 {
			n.cut = append(n.cut, n.head)
		}
		n.head, n.size = nil, 0
	}
	n.size = size
	if len(n.head) < fingerprintBytes && int64(len(n.head)) < size {
		head := make([]byte, min(fingerprintBytes, size))
		k, _ := n.file.ReadAt(head, 0)
		n.head = head[:k]
		if k < len(head) {
			n.size = int64(k)
		}
	}
}

// truncatedSince reports whether the file, now size bytes long, no longer
// holds what was noted.
func (n *nextFile) truncatedSince(size int64) bool {
	return size < n.size || !holds(n.file, n.head, 0)
}

// startNext moves to the first queued file. When it no longer holds what
// was noted it was truncated in place before anything of it was read: the
// lines it held are read from its copy, found by the noted first bytes, or
// a gap says lines may be missing (see truncated). The grace for leaving
// it starts when the file queued after it was seen.
func (t *tailer) startNext(ctx context.Context) error {
	n := t.next[0]
	t.next = slices.Delete(t.next, 0, 1)
	t.tellAside()
	t.replaced = time.Time{}
	if len(t.next) > 0 {
		t.replaced = t.next[0].seen
	}
	t.startGeneration(n.file, n.info)
	t.src.setState("following")
	n.look()
	for _, head := range n.cut {
		t.fp.head = append(t.fp.head[:0], head...)
		if err := t.truncated(ctx); err != nil {
			return err
		}
	}
	return nil
}

// dropNext closes the queued files: the path named the file being read
// again, or the follow loop ends.
func (t *tailer) dropNext() {
	for _, n := range t.next {
		n.file.Close()
	}
	t.next = nil
	t.tellAside()
}
