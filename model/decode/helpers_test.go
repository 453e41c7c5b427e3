package decode

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"connlog/model"
)

// readTime is when the tests pretend the sources read their lines.
var readTime = time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)

// fileRecords frames content as a file source does: one record per line,
// without the terminator, with the line's byte offset.
func fileRecords(content []byte) []model.Record {
	var recs []model.Record
	off := int64(0)
	for len(content) > 0 {
		line := content
		n := bytes.IndexByte(content, '\n')
		if n >= 0 {
			line, content = content[:n], content[n+1:]
		} else {
			content = nil
		}
		recs = append(recs, model.Record{Raw: line, Offset: off, Received: readTime})
		off += int64(len(line)) + 1
	}
	return recs
}

// lineRecords makes records from lines, as from a file.
func lineRecords(lines ...string) []model.Record {
	var b []byte
	for _, l := range lines {
		b = append(append(b, l...), '\n')
	}
	return fileRecords(b)
}

// decodeAll runs records through a new Decoder and flushes it.
func decodeAll(opts Options, recs []model.Record) []model.Entry {
	_, es := decodeWith(opts, recs)
	return es
}

// decodeWith is decodeAll, also returning the Decoder, for a test to look
// at what it keeps.
func decodeWith(opts Options, recs []model.Record) (*Decoder, []model.Entry) {
	d := New(1, opts)
	var out []model.Entry
	for i := range recs {
		out = d.Decode(&recs[i], out)
	}
	return d, d.Flush(out)
}

// fixture reads a file of testdata/envelopes.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "envelopes", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return b
}

// fixtureLines returns a fixture's lines without terminators.
func fixtureLines(t testing.TB, name string) []string {
	t.Helper()
	var out []string
	for _, r := range fileRecords(fixture(t, name)) {
		out = append(out, string(r.Raw))
	}
	return out
}

// payloads lists the entries' payloads as strings.
func payloads(es []model.Entry) []string {
	out := make([]string, len(es))
	for i := range es {
		out[i] = string(es[i].Payload)
	}
	return out
}

// rawOfRecords rebuilds the input from the entries: the raw bytes of each
// record's first entry, one per line.
func rawOfRecords(es []model.Entry) []byte {
	var b []byte
	for i := range es {
		if es[i].Item == 0 && es[i].Kind != model.KindGap && es[i].Kind != model.KindBoundary {
			b = append(append(b, es[i].Raw...), '\n')
		}
	}
	return b
}

// sameLines fails the test with the first difference between two lists.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("%s %d = %.200q, want %.200q", what, i, got[i], want[i])
		}
	}
	t.Fatalf("%d %s, want %d", len(got), what, len(want))
}
