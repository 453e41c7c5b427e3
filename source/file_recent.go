package source

// recentBytes keeps the last bytes read from the followed file (between
// kept and twice that), so that a truncation in place loses none of the
// lines already shown: logrotate's copy may end before what was read, and
// without a copy they are all that is left.
type recentBytes struct {
	buf  []byte
	from int64 // the file position of buf[0]
	kept int   // recentBytesKept when 0 (FileOptions.RecentBytes)
}

// RecentBytesShare is FileOptions.RecentBytes for each of n files followed
// at once: recentBytesKept for up to 16 of them, then a share of 16 MiB,
// never less than 64 KiB. Each kept its megabyte or two whatever their
// number: 50 files of 2 MB held 120 MB, the largest part of the heap.
// 64 KiB still holds what a writer appends between logrotate's copy and
// its truncation, a moment later.
func RecentBytesShare(n int) int {
	return shareOf(recentBytesShared, n, recentBytesLeast, recentBytesKept)
}

// add appends b, read at file position pos. The buffer never holds more
// than twice the bytes kept, nor has room for more: grown by append, it
// had room for four times what it kept.
func (r *recentBytes) add(b []byte, pos int64) {
	if len(r.buf) == 0 || r.from+int64(len(r.buf)) != pos {
		r.buf, r.from = r.buf[:0], pos
	}
	kept := r.kept
	if kept <= 0 {
		kept = recentBytesKept
	}
	if len(b) >= kept { // b alone is what is kept
		r.buf, r.from = r.buf[:0], pos+int64(len(b)-kept)
		b = b[len(b)-kept:]
	} else if extra := len(r.buf) + len(b) - kept; len(r.buf)+len(b) > 2*kept {
		r.buf = append(r.buf[:0], r.buf[extra:]...)
		r.from += int64(extra)
	}
	if need := len(r.buf) + len(b); need > cap(r.buf) {
		grown := make([]byte, len(r.buf), min(2*kept, max(2*need, 4<<10)))
		copy(grown, r.buf)
		r.buf = grown
	}
	r.buf = append(r.buf, b...)
}

// reset forgets the previous file.
func (r *recentBytes) reset() { r.buf, r.from = r.buf[:0], 0 }

// slice returns the kept bytes of positions [from, to), or ok false when
// they are not all kept.
func (r *recentBytes) slice(from, to int64) (b []byte, ok bool) {
	if from < r.from || to > r.from+int64(len(r.buf)) || from > to {
		return nil, false
	}
	return r.buf[from-r.from : to-r.from], true
}
