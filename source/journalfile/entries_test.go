package journalfile

import (
	"encoding/binary"
	"runtime"
	"testing"
)

// TestHeaderEntryCountIsNotTrusted: a header announcing far more entries
// than its file could hold opens (as a damaged file) without the index
// reserving room for them.
func TestHeaderEntryCountIsNotTrusted(t *testing.T) {
	b := append([]byte(nil), loadFuzzBases(t)[0]...)
	binary.LittleEndian.PutUint64(b[152:], 1<<40) // n_entries
	path := writeJournalFile(t, b)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	j, err := OpenFiles([]string{path})
	runtime.ReadMemStats(&after)
	if err == nil {
		defer j.Close()
		exercise(j)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Fatalf("opening a %d-byte file allocated %d bytes", len(b), grew)
	}
}
