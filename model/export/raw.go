package export

import (
	"bufio"

	"connlog/model"
)

// rawWriter writes each record's bytes and a newline, unchanged. The last
// line of an input that ended without a newline (model.FlagNoNewline) gets
// one only when another line is written after it, so that an export
// ending with it ends as its input did: an unfiltered raw export of a
// file equals the file.
type rawWriter struct {
	w    *bufio.Writer
	last sameRecord
	owed bool // the line written last lacked its newline, which the next line needs before it
}

func newRawWriter(w *bufio.Writer) *rawWriter { return &rawWriter{w: w} }

func (r *rawWriter) write(e *model.Entry) (bool, error) {
	if isMarker(e) {
		return false, nil
	}
	if r.last.continues(e) {
		return true, nil
	}
	if r.owed {
		r.w.WriteByte('\n')
	}
	_, err := r.w.Write(e.Raw)
	r.owed = e.Flags.Has(model.FlagNoNewline)
	if !r.owed {
		err = r.w.WriteByte('\n')
	}
	if err != nil {
		return true, writeError("write raw line", err)
	}
	return true, nil
}

func (r *rawWriter) close() error {
	if err := r.w.Flush(); err != nil {
		return writeError("write raw lines", err)
	}
	return nil
}

func (r *rawWriter) abort() {}
