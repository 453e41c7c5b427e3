package journalfile

import (
	"bytes"
	"fmt"
	"testing"
)

func TestReadsLikeJournalctl(t *testing.T) {
	for _, compact := range []bool{false, true} {
		t.Run(fmt.Sprintf("compact=%v", compact), func(t *testing.T) {
			dir := fixtureJournal(t, "connector.export", compact)
			j, err := OpenDirectories([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			defer j.Close()
			if got := j.members[0].f.compact; got != compact {
				t.Fatalf("file compact = %v, want %v", got, compact)
			}
			cat, cursors := readAll(t, j)
			want := journalctl(t, dir, "-o", "cat")
			if !bytes.Equal(cat, want) {
				t.Fatalf("MESSAGE lines differ from journalctl -o cat:\n got %q\nwant %q", cat, want)
			}
			ref := journalctlJSON(t, dir)
			if len(ref) != len(cursors) {
				t.Fatalf("%d cursors, journalctl has %d entries", len(cursors), len(ref))
			}
			for i, e := range ref {
				if e["__CURSOR"] != cursors[i] {
					t.Errorf("entry %d: cursor %s, journalctl says %s", i, cursors[i], e["__CURSOR"])
				}
			}
		})
	}
}

// TestCollectAgreesWithField reads several fields in one pass and one by
// one, on every entry, and requires the same values.
func TestCollectAgreesWithField(t *testing.T) {
	j, err := OpenDirectories([]string{fixtureJournal(t, "connector.export", true)})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	names := []string{"MESSAGE", "SYSLOG_IDENTIFIER", "_SYSTEMD_UNIT", "_PID", "NO_SUCH_FIELD"}
	vals := make([][]byte, len(names))
	for n := 0; ; n++ {
		ok, err := j.Next()
		if err != nil || !ok {
			if n == 0 {
				t.Fatal("no entries", err)
			}
			return
		}
		if _, _, err := j.Collect(names, vals, nil); err != nil {
			t.Fatal(err)
		}
		for i, name := range names {
			one, found, err := j.Field(name, nil)
			if err != nil || found != (vals[i] != nil) || !bytes.Equal(one, vals[i]) {
				t.Fatalf("entry %d field %s: Collect %q, Field %q (%v, %v)", n, name, vals[i], one, found, err)
			}
		}
	}
}
