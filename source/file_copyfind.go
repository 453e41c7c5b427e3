package source

import (
	"bytes"
	"io"
	"os"
	"slices"
)

// copyFound is the copy of a truncated generation that logrotate made
// before truncating it.
type copyFound struct {
	name string
	file *os.File // the copy's own descriptor, or the spill file holding it decompressed
	at   int64    // where the generation's byte 0 is in file
	size int64    // the copy's length
}

// extent is where the copy holds the generation's bytes.
func (c *copyFound) extent() extent { return extent{file: c.file, from: 0, to: c.size, at: c.at} }

// findCopy looks for the copy of the file just found truncated among the
// files that may be it (see copyCandidates): a generation is known by its
// content, not by its name or inode. A compressed candidate is
// decompressed into the spill file when its first bytes match. It returns
// nil when none is the copy, or when nothing had been read (or noted: see
// startNext) to recognise it by. A file whose name is none of the log's
// rotated names is looked at only once a whole fingerprint's first bytes
// are known: by fewer, a log holding only its banner would take another
// log that begins with the same banner for its copy.
func (t *tailer) findCopy() *copyFound {
	if len(t.fp.head) == 0 {
		return nil
	}
	rotated, stemmed := copyCandidates(t.src.path)
	if len(t.fp.head) < fingerprintBytes {
		stemmed = nil
	}
	for _, path := range slices.Concat(rotated, stemmed) {
		if cp := t.tryCopy(path); cp != nil {
			return cp
		}
	}
	return nil
}

// tryCopy returns the sibling at path if it is the copy.
func (t *tailer) tryCopy(path string) *copyFound {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || os.SameFile(fi, t.curInfo) || t.src.gens.reads(fi) || t.renamed.is(fi) {
		f.Close()
		return nil
	}
	if startsCompressed(f) {
		defer f.Close()
		return t.tryCompressedCopy(path, f)
	}
	cp := &copyFound{name: path, file: f, size: fi.Size()}
	if !t.holdsWhatWasRead(cp) {
		f.Close()
		return nil
	}
	return cp
}

// tryCompressedCopy decompresses a compressed sibling into the spill file
// if it starts as the truncated file did. The head is checked first, so
// that no other rotation is decompressed for nothing.
func (t *tailer) tryCompressedCopy(path string, f *os.File) *copyFound {
	whole := func() io.Reader { return io.NewSectionReader(f, 0, 1<<62) }
	r, _, release, err := decompressor(whole())
	head := make([]byte, len(t.fp.head))
	if err == nil {
		_, err = io.ReadFull(r, head)
	}
	release()
	if err != nil || !bytes.Equal(head, t.fp.head) {
		return nil
	}
	r, _, release, err = decompressor(whole())
	defer release()
	if err != nil {
		return nil
	}
	at, n, err := t.src.gens.spill.copyStream(r)
	if err != nil {
		return nil // a copy still being compressed ends early: not usable yet
	}
	cp := &copyFound{name: path, file: t.src.gens.spill.file(), at: at, size: n}
	if !t.holdsWhatWasRead(cp) {
		return nil
	}
	return cp
}

// holdsWhatWasRead checks a candidate copy against what was read: the same
// first bytes, and the same bytes where reading stopped — or, for a copy
// that ends before that point, the same bytes at its end, when they are
// still among the recent bytes.
func (t *tailer) holdsWhatWasRead(cp *copyFound) bool {
	head := t.fp.head
	if cp.size < int64(len(head)) || !holds(cp.file, head, cp.at) {
		return false
	}
	if cp.size >= t.pos {
		return holds(cp.file, t.fp.tail, cp.at+t.pos-int64(len(t.fp.tail)))
	}
	k := min(fingerprintBytes, cp.size)
	want, ok := t.recent.slice(cp.size-k, cp.size)
	return !ok || holds(cp.file, want, cp.at+cp.size-k)
}
