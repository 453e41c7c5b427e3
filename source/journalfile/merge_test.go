package journalfile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// syntheticExport renders entries number from..to (step) of one boot in
// journal export format; every seventh message is long enough for journald
// to compress it.
func syntheticExport(from, to, step int) []byte {
	var b bytes.Buffer
	for i := from; i < to; i += step {
		msg := fmt.Sprintf("line %04d", i)
		if i%7 == 0 {
			msg += " " + strings.Repeat("ANALYTICS ", 80)
		}
		fmt.Fprintf(&b, "__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c\n"+
			"_SYSTEMD_UNIT=u%d.service\nSYSLOG_IDENTIFIER=synthetic\nMESSAGE=%s\n\n",
			1_770_000_000_000_000+i*1000, 5_000_000+i*1000, i%3, msg)
	}
	return b.Bytes()
}

// TestInterleavesFilesAndDropsDuplicates reads a directory holding two
// files whose entries alternate and a copy of one of them: the entries come
// out in journalctl's order, each once, with journalctl's cursors.
func TestInterleavesFilesAndDropsDuplicates(t *testing.T) {
	for _, compact := range []bool{false, true} {
		t.Run(fmt.Sprintf("compact=%v", compact), func(t *testing.T) {
			dir := t.TempDir()
			buildJournal(t, dir, "a.journal", syntheticExport(0, 60, 2), compact)
			buildJournal(t, dir, "b.journal", syntheticExport(1, 60, 2), compact)
			copyFile(t, filepath.Join(dir, "a.journal"), filepath.Join(dir, "a@0000000000000001-0000000000000002.journal~"))
			j, err := OpenDirectories([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			defer j.Close()
			if len(j.members) != 3 {
				t.Fatalf("%d files open, want 3", len(j.members))
			}
			cat, cursors := readAll(t, j)
			if want := journalctl(t, dir, "-o", "cat"); !bytes.Equal(cat, want) {
				t.Fatalf("differs from journalctl -o cat:\n got %q\nwant %q", cat, want)
			}
			if n := bytes.Count(cat, []byte("\n")); n != 60 {
				t.Fatalf("%d entries, want 60", n)
			}
			for i, e := range journalctlJSON(t, dir) {
				if e["__CURSOR"] != cursors[i] {
					t.Fatalf("entry %d: cursor %s, journalctl says %s", i, cursors[i], e["__CURSOR"])
				}
			}
		})
	}
}

// TestMatchesAndSeeks checks a unit match, realtime seeks, cursors and
// backwards reading against journalctl on the same interleaved files.
func TestMatchesAndSeeks(t *testing.T) {
	j, dir := openInterleaved(t, 90, Expr{{{"_SYSTEMD_UNIT=u1.service", "_SYSTEMD_UNIT=u2.service"}}})
	cat, cursors := readAll(t, j)
	want := journalctl(t, dir, "-o", "cat", "_SYSTEMD_UNIT=u1.service", "_SYSTEMD_UNIT=u2.service")
	if !bytes.Equal(cat, want) {
		t.Fatalf("match differs from journalctl:\n got %q\nwant %q", cat, want)
	}
	readsBackwards(t, j, cursors)
	// A cursor journalctl printed positions on its entry.
	if err := j.SeekCursor(cursors[5]); err != nil {
		t.Fatal(err)
	}
	if ok, err := j.Next(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if l, _ := j.Location(); l.Cursor() != cursors[5] {
		t.Fatalf("after SeekCursor: %s, want %s", l.Cursor(), cursors[5])
	}
	// A realtime seek lands on the first entry at or after the time.
	if err := j.SeekRealtime(1_770_000_000_000_000 + 40*1000); err != nil {
		t.Fatal(err)
	}
	if ok, err := j.Next(); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if msg, _, _ := j.Field("MESSAGE", nil); string(msg) != "line 0040" {
		t.Fatalf("after SeekRealtime: %q, want line 0040", msg)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestSelectiveMatchReadsEntryArrays checks a match that few entries
// satisfy, which is answered from the DATA objects' entry arrays: the same
// entries as journalctl, forwards and backwards, also after more entries
// are appended to the file.
func TestSelectiveMatchReadsEntryArrays(t *testing.T) {
	j, dir := openInterleaved(t, 90, Expr{{{"_SYSTEMD_UNIT=u0.service"}}, {{"_BOOT_ID=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c"}}})
	for _, m := range j.members {
		if !m.res.cands.use || len(m.res.cands.idx) != 15 {
			t.Fatalf("%s: candidates %+v, want 15 listed", m.f.path, m.res.cands)
		}
	}
	check := func() {
		t.Helper()
		cat, cursors := readAll(t, j)
		want := journalctl(t, dir, "-o", "cat", "_SYSTEMD_UNIT=u0.service", "_BOOT_ID=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c")
		if !bytes.Equal(cat, want) {
			t.Fatalf("differs from journalctl:\n got %q\nwant %q", cat, want)
		}
		readsBackwards(t, j, cursors)
	}
	check()
	buildJournal(t, dir, "a.journal", syntheticExport(90, 120, 1), true)
	if c, err := j.Poll(); c != Appended || err != nil {
		t.Fatalf("Poll after appending = %v, %v", c, err)
	}
	check()
}
