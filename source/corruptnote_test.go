package source

import (
	"errors"
	"strings"
	"testing"
)

// TestCorruptNoteCountsOneByteInTheSingular: "broke after 1 decompressed
// byte", not "bytes".
func TestCorruptNoteCountsOneByteInTheSingular(t *testing.T) {
	for n, want := range map[int64]string{1: "broke after 1 decompressed byte:", 2: "broke after 2 decompressed bytes:"} {
		note := corruptNote("x.log.gz", &countingReader{n: n}, "gzip", errors.New("unexpected EOF"))
		if !strings.Contains(note, want) {
			t.Errorf("%d bytes: %q; want %q", n, note, want)
		}
	}
}
