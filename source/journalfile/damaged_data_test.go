package journalfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// overwriteData overwrites the DATA object of entry i of the file at path
// whose payload starts with prefix with garbage, from within bytes into
// it: the entry is found, that field of it cannot be read.
func overwriteData(t *testing.T, path string, i int, prefix string, within int, garbage ...byte) {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, items, err := f.Entry(f.EntryOffset(i), nil)
	var at uint64
	for _, off := range items {
		if p, err := f.Payload(off, nil); err == nil && bytes.HasPrefix(p, []byte(prefix)) {
			at = off
		}
	}
	f.Close()
	if err != nil || at == 0 {
		t.Fatalf("entry %d has no %s object (%v)", i, prefix, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	copy(b[int(at)+within:], garbage)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// An entry whose MESSAGE data object was overwritten is read as journalctl
// reads it: found, with its other fields, without a MESSAGE; Field says the
// message may be in the object that could not be read, and Collect and a
// Stream count that object.
func TestEntryWithUnreadableMessage(t *testing.T) {
	for _, compact := range []bool{false, true} {
		dir := buildJournal(t, t.TempDir(), "x.journal", syntheticExport(0, 60, 1), compact)
		overwriteData(t, filepath.Join(dir, "x.journal"), 25, "MESSAGE=", 0, 0xab) // its type
		var seen []map[string]any
		for _, e := range journalctlJSON(t, dir) {
			if e["__REALTIME_TIMESTAMP"] == "1770000000025000" {
				seen = append(seen, e)
			}
		}
		if len(seen) != 1 || seen[0]["MESSAGE"] != nil || seen[0]["_SYSTEMD_UNIT"] != "u1.service" {
			t.Fatalf("journalctl shows entry 25 as %v", seen)
		}
		j, err := OpenDirectories([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		names := []string{"MESSAGE", "_SYSTEMD_UNIT", "SYSLOG_IDENTIFIER"}
		vals := make([][]byte, len(names))
		for n := 0; ; n++ {
			ok, err := j.Next()
			if err != nil || !ok {
				if n != 60 {
					t.Fatalf("compact=%v: read %d entries, want 60 (%v)", compact, n, err)
				}
				break
			}
			_, unreadable, err := j.Collect(names, vals, []byte("arena in use"))
			msg, _, ferr := j.Field("MESSAGE", nil)
			if n != 25 {
				if err != nil || unreadable != 0 || ferr != nil || !bytes.HasPrefix(msg, []byte("line 00")) {
					t.Fatalf("entry %d: %q, %v, %d unreadable, %v", n, msg, err, unreadable, ferr)
				}
				continue
			}
			if err != nil || unreadable != 1 || vals[0] != nil || string(vals[1]) != "u1.service" || string(vals[2]) != "synthetic" {
				t.Fatalf("compact=%v: Collect of entry 25: %q, %d unreadable, %v", compact, vals, unreadable, err)
			}
			if !errors.Is(ferr, ErrFieldUnreadable) || !errors.Is(ferr, ErrCorrupt) {
				t.Fatalf("compact=%v: Field MESSAGE of entry 25: %q, %v", compact, msg, ferr)
			}
			if unit, ok, err := j.Field("_SYSTEMD_UNIT", nil); !ok || err != nil || string(unit) != "u1.service" {
				t.Fatalf("compact=%v: Field _SYSTEMD_UNIT of entry 25: %q %v %v", compact, unit, ok, err)
			}
		}
		if p := j.Problems(); len(p) != 0 {
			t.Fatalf("an entry read but for a field is reported lost: %v", p)
		}
		if err := j.SeekHead(); err != nil {
			t.Fatal(err)
		}
		s := j.NewStream(names, 2)
		var streamed []StreamEntry
		for {
			e, _, ok := s.Next()
			if !ok {
				break
			}
			streamed = append(streamed, e)
		}
		s.Stop()
		if k := slices.IndexFunc(streamed, func(e StreamEntry) bool { return e.Unreadable > 0 }); len(streamed) != 60 || k != 25 ||
			streamed[k].Err != nil || streamed[k].Vals[0] != nil || string(streamed[k].Vals[1]) != "u1.service" {
			t.Fatalf("compact=%v: streamed %d entries, the one with an unreadable object at %d", compact, len(streamed), k)
		}
	}
}

// A compressed payload that does not decompress is an unreadable object
// like any other: the values collected before it stay, the entry's other
// fields are read.
func TestEntryWithUndecompressableMessage(t *testing.T) {
	for _, compact := range []bool{false, true} {
		dir := buildJournal(t, t.TempDir(), "x.journal", syntheticExport(0, 60, 1), compact)
		payload := map[bool]int{false: dataRegularPayload, true: dataCompactPayload}[compact]
		overwriteData(t, filepath.Join(dir, "x.journal"), 0, "MESSAGE=", payload, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
		j, err := OpenDirectories([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		if ok, err := j.Next(); !ok || err != nil {
			t.Fatalf("Next: %v %v", ok, err)
		}
		names := []string{"_SYSTEMD_UNIT", "MESSAGE"}
		vals := make([][]byte, len(names))
		arena, unreadable, err := j.Collect(names, vals, []byte("arena in use"))
		if err != nil || unreadable != 1 || string(vals[0]) != "u0.service" || vals[1] != nil || !bytes.HasPrefix(arena, []byte("arena in use")) {
			t.Fatalf("compact=%v: Collect %q, %d unreadable, %v", compact, vals, unreadable, err)
		}
		if msg, _, err := j.Field("MESSAGE", []byte("kept")); !errors.Is(err, ErrFieldUnreadable) || string(msg) != "kept" {
			t.Fatalf("compact=%v: Field MESSAGE %q, %v", compact, msg, err)
		}
	}
}
