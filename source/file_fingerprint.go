package source

import (
	"bytes"
	"os"
)

// fingerprint remembers the first and the last bytes read from a file, to
// notice a file that was truncated and written again past the point where
// reading stopped: its size alone cannot show that. Two ends are kept
// because log lines often share their endings (`"}`, a fixed suffix) while
// the head, which carries the first line's time stamp, does not change in a
// file that is only appended to.
type fingerprint struct {
	head []byte // the file's first bytes, up to fingerprintBytes
	tail []byte // the bytes just before the read position, up to fingerprintBytes
}

// reset forgets the previous file.
func (fp *fingerprint) reset() {
	fp.head, fp.tail = fp.head[:0], fp.tail[:0]
}

// observe records b, just read at file position pos. It copies: b belongs to
// the records.
func (fp *fingerprint) observe(b []byte, pos int64) {
	if pos == int64(len(fp.head)) && len(fp.head) < fingerprintBytes {
		fp.head = append(fp.head, b[:min(len(b), fingerprintBytes-len(fp.head))]...)
	}
	if len(b) >= fingerprintBytes {
		fp.tail = append(fp.tail[:0], b[len(b)-fingerprintBytes:]...)
		return
	}
	fp.tail = append(fp.tail, b...)
	if extra := len(fp.tail) - fingerprintBytes; extra > 0 {
		fp.tail = append(fp.tail[:0], fp.tail[extra:]...)
	}
}

// matches reports whether f still holds the remembered bytes, where end is
// the read position.
func (fp *fingerprint) matches(f *os.File, end int64) bool {
	return holds(f, fp.head, 0) && holds(f, fp.tail, end-int64(len(fp.tail)))
}

// holds reports whether f has want at position at.
func holds(f *os.File, want []byte, at int64) bool {
	if len(want) == 0 {
		return true
	}
	buf := make([]byte, len(want))
	n, _ := f.ReadAt(buf, at)
	return n == len(buf) && bytes.Equal(buf, want)
}

// copyFrom makes fp a copy of other, in fp's own memory.
func (fp *fingerprint) copyFrom(other *fingerprint) {
	fp.head = append(fp.head[:0], other.head...)
	fp.tail = append(fp.tail[:0], other.tail...)
}
