package journalfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// corruptedEntries builds a journal of 60 entries and overwrites the
// object headers of entries bad (their type byte), as a few bytes of
// garbage written over a file do, and returns its directory.
func corruptedEntries(t *testing.T, bad ...int) string {
	t.Helper()
	dir := buildJournal(t, t.TempDir(), "x.journal", syntheticExport(0, 60, 1), false)
	overwriteEntries(t, filepath.Join(dir, "x.journal"), bad...)
	return dir
}

// overwriteEntries overwrites the type byte of the objects of entries bad
// of the file at path.
func overwriteEntries(t *testing.T, path string, bad ...int) {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	offsets := make([]uint64, len(bad))
	for k, i := range bad {
		offsets[k] = f.EntryOffset(i)
	}
	f.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range offsets {
		b[off] = 0xab // the object's type
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// wantLines requires cat to hold the synthetic entries 0–59 but those
// left out, in order.
func wantLines(t *testing.T, cat []byte, left ...int) {
	t.Helper()
	var want []byte
	for i := range 60 {
		if !slices.Contains(left, i) {
			msg := fmt.Sprintf("line %04d", i)
			if i%7 == 0 {
				msg += " " + string(bytes.Repeat([]byte("ANALYTICS "), 80))
			}
			want = append(append(want, msg...), '\n')
		}
	}
	if !bytes.Equal(cat, want) {
		t.Fatalf("read:\n%s\nwant every entry but %v:\n%s", cat, left, want)
	}
}

// wantSkip requires problems to be one run of n skipped entries dated by
// the entry before it.
func wantSkip(t *testing.T, problems []error, n int, after uint64) {
	t.Helper()
	var skip *SkipError
	if len(problems) != 1 || !errors.As(problems[0], &skip) {
		t.Fatalf("problems %v, want one run of skipped entries", problems)
	}
	if skip.Entries != n || LossTime(problems[0]) != after {
		t.Fatalf("skipped %d entries dated %d, want %d dated %d", skip.Entries, LossTime(problems[0]), n, after)
	}
}

// An entry whose object was overwritten is skipped, as journalctl skips
// it, and the file is read on past it: entries in a row make one problem
// that counts them, dated by the entry before them. The reader does not
// drop the file at the first bad entry (it read 237 of 3,000 entries of a
// file journalctl read 2,981 of).
func TestCorruptedEntriesAreSkipped(t *testing.T) {
	dir := corruptedEntries(t, 20, 21, 22)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	cat, _ := readAll(t, j)
	wantLines(t, cat, 20, 21, 22)
	wantSkip(t, j.Problems(), 3, 1_770_000_000_000_000+19*1000)
}

// Read backwards (to find where a window of the newest lines begins), the
// same entries are stepped over without a word; read forward from there,
// they are reported once, where they stand; a second pass over them says
// nothing again.
func TestCorruptedEntriesAreSkippedBackwards(t *testing.T) {
	dir := corruptedEntries(t, 40, 41)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if err := j.SeekTail(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		ok, err := j.Previous()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		msg, _, _ := j.Field("MESSAGE", nil)
		got = append(got, string(msg[:9]))
	}
	if len(got) != 58 || got[17] != "line 0042" || got[18] != "line 0039" {
		t.Fatalf("read backwards %d entries, around the bad ones %q", len(got), got[16:20])
	}
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("stepping back reported %v", p)
	}
	cat, _ := readAll(t, j)
	wantLines(t, cat, 40, 41)
	wantSkip(t, j.Problems(), 2, 1_770_000_000_000_000+39*1000)
	readAll(t, j)
	if p := j.Problems(); len(p) != 0 {
		t.Fatalf("a second pass reported %v again", p)
	}
}

// With matches, entries are read to be matched: a bad one is skipped too.
func TestCorruptedEntriesAreSkippedUnderMatches(t *testing.T) {
	dir := corruptedEntries(t, 0)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if err := j.SetMatches(Expr{{{"SYSLOG_IDENTIFIER=synthetic"}}}); err != nil {
		t.Fatal(err)
	}
	cat, _ := readAll(t, j)
	wantLines(t, cat, 0)
	// The first entry has none before it: the loss is dated by the one after.
	wantSkip(t, j.Problems(), 1, 1_770_000_000_000_000+1*1000)
}

// A seek whose bisection meets an unreadable entry judges it by the entry
// after it: the file is not dropped, and Next goes on past the bad entry.
func TestSeekPastCorruptedEntry(t *testing.T) {
	dir := corruptedEntries(t, 30)
	j, err := OpenDirectories([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if err := j.SeekRealtime(1_770_000_000_000_000 + 30*1000); err != nil {
		t.Fatal(err)
	}
	if ok, err := j.Next(); !ok || err != nil {
		t.Fatalf("Next after the seek: %v %v", ok, err)
	}
	if msg, _, _ := j.Field("MESSAGE", nil); string(msg) != "line 0031" {
		t.Fatalf("the seek found %q, want line 0031", msg)
	}
	wantSkip(t, j.Problems(), 1, 1_770_000_000_000_000+29*1000)
}

// Under a match that half the entries meet (no candidate list), an
// unreadable entry is this reading's loss only when the readable entries
// around it match: bad entries of one boot are counted when that boot is
// read, not when the other is.
func TestCorruptedEntriesOfOtherMatchesAreNotCounted(t *testing.T) {
	var export []byte
	for i := range 60 {
		boot := "3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c"
		if i >= 30 {
			boot = "aa8f1c2a9d4e4f6a8b0c1d2e3f4a5b6d"
		}
		export = fmt.Appendf(export, "__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=%s\nMESSAGE=line %04d\n\n",
			1_770_000_000_000_000+i*1000, 5_000_000+i*1000, boot, i)
	}
	dir := buildJournal(t, t.TempDir(), "x.journal", export, false)
	overwriteEntries(t, filepath.Join(dir, "x.journal"), 10, 11)
	for _, tc := range []struct {
		boot string
		want int
	}{{"aa8f1c2a9d4e4f6a8b0c1d2e3f4a5b6d", 0}, {"3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c", 2}} {
		j, err := OpenDirectories([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		if err := j.SetMatches(Expr{{{"_BOOT_ID=" + tc.boot}}}); err != nil {
			t.Fatal(err)
		}
		cat, _ := readAll(t, j)
		if n := bytes.Count(cat, []byte("\n")); n != 30-tc.want {
			t.Fatalf("boot %s: read %d entries", tc.boot, n)
		}
		p := j.Problems()
		if tc.want == 0 && len(p) != 0 {
			t.Fatalf("boot %s: the other boot's bad entries were counted: %v", tc.boot, p)
		}
		if tc.want > 0 {
			wantSkip(t, p, tc.want, 1_770_000_000_000_000+9*1000)
		}
	}
}
