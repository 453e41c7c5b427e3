package source

import (
	"time"

	"connlog/model"
)

// A file a crash or a power loss cut short often goes on with a run of NUL
// bytes: the filesystem had grown the file but not written its data, and
// the writer, restarted, appends after the zeros. Framed as they are, the
// zeros would open the next line and hide its envelope, its time and its
// level. So a run of NULs where a line starts (and the newlines among the
// zeros) is a gap of its own, counted in NUL bytes, and the line after it
// starts at its first byte that is no NUL: its raw bytes, and its offset,
// are its own.

// skipNULs consumes the NUL run opening chunk and the newlines inside the
// run, counting the NULs, and returns how many bytes it consumed. A run may
// go on from the chunk before.
func (f *lineFramer) skipNULs(chunk []byte) int {
	i := 0
	for ; i < len(chunk); i++ {
		switch {
		case chunk[i] == 0:
			f.nuls++
		case chunk[i] == '\n': // inside the run: the zeros' lines
		default:
			return i
		}
	}
	return i
}

// endNULs sends the gap of a NUL run, if one was met.
func (f *lineFramer) endNULs(now time.Time) error {
	if f.nuls == 0 {
		return nil
	}
	n := f.nuls
	f.nuls = 0
	return f.emit(model.Record{Source: f.id, Offset: -1, Received: now, Mark: model.MarkGap, Note: NoteNULBytes, Count: n})
}

// newFramer returns a framer of f's lines, cut at maxLine.
func (f *File) newFramer(maxLine int, emit emitFunc) *lineFramer {
	fr := newLineFramer(f.id, maxLine, emit)
	fr.keepNULs = f.keepNULs
	if f.quietAfter > 0 {
		fr.quietAfter = f.quietAfter
	}
	return fr
}
