package journalfile

import (
	"bytes"
	"fmt"
	"testing"
)

// TestHashesAgreeWithJournald recomputes the hash of every DATA object the
// entries use and compares it with the one journald stored, and looks each
// payload up through the data hash table: both hash functions (keyed in
// the default files, Jenkins' in SYSTEMD_JOURNAL_KEYED_HASH=0 ones) must
// agree with journald's, byte for byte.
func TestHashesAgreeWithJournald(t *testing.T) {
	for _, compact := range []bool{false, true} {
		for _, keyed := range []bool{true, false} {
			t.Run(fmt.Sprintf("compact=%v,keyed=%v", compact, keyed), func(t *testing.T) {
				if !keyed {
					t.Setenv("SYSTEMD_JOURNAL_KEYED_HASH", "0")
				}
				j, err := OpenDirectories([]string{fixtureJournal(t, "connector.export", compact)})
				if err != nil {
					t.Fatal(err)
				}
				defer j.Close()
				f := j.members[0].f
				if f.hdr.KeyedHash() != keyed {
					t.Fatalf("file keyed = %v, want %v", f.hdr.KeyedHash(), keyed)
				}
				if n := checkHashes(t, f); n == 0 {
					t.Fatal("the fixture has no compressed DATA object: the decompression path went untested")
				}
			})
		}
	}
}

// checkHashes checks every DATA object of f's entries and returns how many
// were compressed.
func checkHashes(t *testing.T, f *File) (compressed int) {
	t.Helper()
	for i := range f.Len() {
		_, items, err := f.Entry(f.EntryOffset(i), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, off := range items {
			d, err := f.data(off)
			if err != nil {
				t.Fatal(err)
			}
			stored, isCompressed := d.hash, d.compressed()
			payload, err := f.Payload(off, nil)
			if err != nil {
				t.Fatal(err)
			}
			if isCompressed {
				compressed++
			}
			if got := hashPayload(&f.hdr, payload); got != stored {
				t.Fatalf("hash of %q = %#x, journald stored %#x", payload, got, stored)
			}
			found, err := f.FindData(payload)
			if err != nil || found != off {
				t.Fatalf("FindData(%q) = %d, %v; want %d", bytes.TrimSpace(payload[:min(len(payload), 40)]), found, err, off)
			}
		}
	}
	return compressed
}
