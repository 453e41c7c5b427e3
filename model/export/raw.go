package export

import (
	"bufio"
	"fmt"

	"connlog/model"
)

// rawWriter writes each record's bytes and a newline, unchanged.
type rawWriter struct {
	w    *bufio.Writer
	last sameRecord
}

func newRawWriter(w *bufio.Writer) *rawWriter { return &rawWriter{w: w} }

func (r *rawWriter) write(e *model.Entry) (bool, error) {
	if isMarker(e) {
		return false, nil
	}
	if r.last.continues(e) {
		return true, nil
	}
	r.w.Write(e.Raw)
	if err := r.w.WriteByte('\n'); err != nil {
		return true, fmt.Errorf("write raw line: %w", err)
	}
	return true, nil
}

func (r *rawWriter) close() error {
	if err := r.w.Flush(); err != nil {
		return fmt.Errorf("write raw lines: %w", err)
	}
	return nil
}

func (r *rawWriter) abort() {}
