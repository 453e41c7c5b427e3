package export

import (
	"bytes"
	"strings"
	"testing"
)

// A bundle writes its archive only when it closes: while its entries go
// into its members, what they took is counted apart from the archive's
// bytes, which the result's size stays.
func TestBundleCountsWhatItsMembersTake(t *testing.T) {
	var out bytes.Buffer
	p := &Progress{}
	w, err := New(&out, Options{Format: FormatBundle, Progress: p})
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("x", 200)
	for range 2000 { // past the members' buffers
		if err := w.Write(textEntry(line)); err != nil {
			t.Fatal(err)
		}
	}
	staged := p.Staged()
	if staged < 2000*200 || p.Bytes() != 0 {
		t.Errorf("before closing: %d bytes in the members, %d in the archive; want at least %d, and none", staged, p.Bytes(), 2000*200)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if p.Bytes() != int64(out.Len()) || p.Staged() < staged {
		t.Errorf("after closing: %d bytes counted for an archive of %d, %d in the members", p.Bytes(), out.Len(), p.Staged())
	}
}

// Other formats write where they go: nothing is counted as staged.
func TestRawStagesNothing(t *testing.T) {
	p := &Progress{}
	encode(t, mixedEntries(), Options{Format: FormatRaw, Progress: p})
	if p.Staged() != 0 || p.Bytes() == 0 {
		t.Errorf("raw: %d bytes staged, %d written; want none staged", p.Staged(), p.Bytes())
	}
}
