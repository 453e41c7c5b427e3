package journalfile

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
)

// TestTruncatedFileReadsItsIntactEntries opens files cut at several points:
// the entries that are whole are read, in order and intact, and the loss
// is reported through Problems; nothing panics.
func TestTruncatedFileReadsItsIntactEntries(t *testing.T) {
	bases := loadFuzzBases(t)
	for which, base := range bases {
		for _, frac := range []int{30, 50, 75, 95} {
			t.Run(fmt.Sprintf("compact=%d/%d%%", which, frac), func(t *testing.T) {
				path := writeJournalFile(t, base[:len(base)*frac/100])
				j, err := OpenDirectories([]string{filepath.Dir(path)})
				if err != nil {
					t.Fatal(err)
				}
				defer j.Close()
				cat, _ := readAll(t, j)
				lines := bytes.Split(bytes.TrimSuffix(cat, []byte("\n")), []byte("\n"))
				for i, l := range lines {
					if len(cat) > 0 && !bytes.HasPrefix(l, fmt.Appendf(nil, "line %04d", i)) {
						t.Fatalf("entry %d reads %q: not the entry written there", i, l)
					}
				}
				if len(lines) >= 40 {
					t.Fatalf("read %d entries of a file cut to %d%%", len(lines), frac)
				}
				if len(j.Problems()) == 0 {
					t.Fatal("the truncation was not reported")
				}
			})
		}
	}
}
