package export

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"connlog/model"
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

// The gap rows an export writes are counted apart from its entries, as
// marks, and those a format leaves out as skipped, so that a count of what
// was written is neither.
func TestMarksAreCountedApart(t *testing.T) {
	entries := []*model.Entry{textEntry("a"), gapEntry(), textEntry("b")}
	for _, c := range []struct {
		format         Format
		skipped, marks int64
	}{{FormatNDJSON, 0, 1}, {FormatText, 0, 1}, {FormatJournal, 0, 1}, {FormatRaw, 1, 0}} {
		st, err := Stream(context.Background(), io.Discard, slices.Values(entries), Options{Format: c.format})
		if err != nil {
			t.Fatal(err)
		}
		if st.Entries != 3 || st.Skipped != c.skipped || st.Marks != c.marks {
			t.Errorf("%v: %d entries, %d skipped, %d marks; want 3, %d, %d", c.format, st.Entries, st.Skipped, st.Marks, c.skipped, c.marks)
		}
	}
}
