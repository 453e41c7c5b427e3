package export

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"

	"connlog/model"
)

// TestFlushReachesTheDestination proves a follow export's output is readable
// before Close, for each streaming format, compressed or not, redacted or
// not (a redacted record waited for the next one to end its group).
func TestFlushReachesTheDestination(t *testing.T) {
	e := &model.Entry{Kind: model.KindText, Raw: []byte("hello flush"), Fields: model.Fields{model.Str(model.KeyMessage, "hello flush")}}
	for _, f := range []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal} {
		for i, c := range []Compression{CompressNone, CompressGzip, CompressNone} {
			var buf bytes.Buffer
			var r *Redactor
			if i == 2 {
				r = NewRedactor()
			}
			w, err := New(&buf, Options{Format: f, Compress: c, Redact: r})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(e); err != nil {
				t.Fatal(err)
			}
			if err := w.(Flusher).Flush(); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			if c == CompressGzip {
				zr, err := gzip.NewReader(bytes.NewReader(got))
				if err != nil {
					t.Fatalf("%v/%v: %v", f, c, err)
				}
				got, _ = io.ReadAll(zr) // the stream is not ended yet: read what was flushed
			}
			if !bytes.Contains(got, []byte("hello flush")) {
				t.Errorf("%v/%v: nothing readable after Flush: %q", f, c, got)
			}
			w.Abort()
		}
	}
}
