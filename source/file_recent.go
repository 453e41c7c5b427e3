package source

// recentBytes keeps the last bytes read from the followed file (between
// recentBytesKept and twice that), so that a truncation in place loses none
// of the lines already shown: logrotate's copy may end before what was
// read, and without a copy they are all that is left.
type recentBytes struct {
	buf  []byte
	from int64 // the file position of buf[0]
}

// add appends b, read at file position pos.
func (r *recentBytes) add(b []byte, pos int64) {
	if len(r.buf) == 0 || r.from+int64(len(r.buf)) != pos {
		r.buf, r.from = r.buf[:0], pos
	}
	r.buf = append(r.buf, b...)
	if extra := len(r.buf) - recentBytesKept; extra > recentBytesKept {
		r.buf = append(r.buf[:0], r.buf[extra:]...)
		r.from += int64(extra)
	}
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
