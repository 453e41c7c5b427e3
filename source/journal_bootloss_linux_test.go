//go:build linux

package source

import (
	"errors"
	"path/filepath"
	"testing"

	"connlog/model"
	"connlog/source/journalfile"
)

// journalTwoBootDir writes a.journal, n entries of boot A ("a 0000", …),
// and b.journal, n entries of boot B a minute later ("b 0000", …), and
// returns the directory and a.journal's path.
func journalTwoBootDir(t *testing.T, n int) (dir, a string) {
	t.Helper()
	dir = t.TempDir()
	const t0 = 1_770_000_000_000_000
	a = filepath.Join(dir, "a.journal")
	journalWrite(t, a, journalSyntheticEntries("a", journalBootA, "1111", t0, 1_000_000, n))
	journalWrite(t, filepath.Join(dir, "b.journal"), journalSyntheticEntries("b", journalBootB, "2222", t0+60_000_000, 1_000_000, n))
	return dir, a
}

// journalGapCount sums the counts of the gaps in recs.
func journalGapCount(recs []model.Record) (gaps int, count int64) {
	for _, r := range recs {
		if r.Mark == model.MarkGap {
			gaps++
			count += r.Count
		}
	}
	return gaps, count
}

// journalReadBoots reads dir and the files named under each -b value and
// checks the lines and the entries the gaps count.
func journalReadBoots(t *testing.T, dir string, files []string, want map[string][2]int) {
	t.Helper()
	for boot, w := range want {
		for _, opts := range []JournalOptions{{Directory: dir}, {Files: files}} {
			opts.AllUnits, opts.Lines, opts.Boot = true, -1, boot
			recs, err := journalRead(t, opts)
			if err != nil {
				t.Fatalf("-b %q: %v", boot, err)
			}
			lines := len(journalLines(recs))
			_, lost := journalGapCount(recs)
			if lines != w[0] || lost != int64(w[1]) {
				t.Fatalf("-b %q (dir %v): %d lines and gaps of %d entries, want %d and %d:\n%s",
					boot, opts.Directory != "", lines, lost, w[0], w[1], journalDescribe(recs[:min(len(recs), 4)]))
			}
		}
	}
}

// journalListsBothBoots checks that --list-boots lists dir's two boots
// and says of no file that it is left out: each file's boot was read.
func journalListsBothBoots(t *testing.T, dir string) {
	t.Helper()
	boots, problems, err := JournalBoots(JournalOptions{Directory: dir})
	if err != nil || len(boots) != 2 {
		t.Fatalf("--list-boots: %d boots (%v), want 2", len(boots), err)
	}
	for _, p := range problems {
		var loss *journalfile.LossError
		if errors.As(p, &loss) && !loss.Kept && !errors.As(p, new(*journalfile.SkipError)) {
			t.Fatalf("--list-boots says a file whose boot it lists was dropped: %v", p)
		}
	}
}

// A file cut short holds entries of boot A only: reading boot B says
// nothing of it, reading boot A (or every boot) counts its loss once.
func TestJournalCutFileLossOnlyInItsBoot(t *testing.T) {
	const n, k = 60, 40
	dir, a := journalTwoBootDir(t, n)
	journalCutInEntry(t, a, k)
	journalReadBoots(t, dir, []string{a, filepath.Join(dir, "b.journal")}, map[string][2]int{
		"0":          {n, 0},
		journalBootB: {n, 0},
		"-1":         {k, n - k},
		journalBootA: {k, n - k},
		"all":        {n + k, n - k},
	})
	journalListsBothBoots(t, dir)
}

// Unreadable entries at the start of boot A are that boot's loss alone:
// finding where each boot begins steps over them, which is not a reading
// of boot A when boot B is asked for.
func TestJournalUnreadableEntriesOnlyInTheirBoot(t *testing.T) {
	const n = 30
	dir, a := journalTwoBootDir(t, n)
	journalOverwriteEntriesOf(t, a, 0, 2)
	journalReadBoots(t, dir, []string{a, filepath.Join(dir, "b.journal")}, map[string][2]int{
		"0":          {n, 0},
		"-1":         {n - 2, 2},
		"all":        {2*n - 2, 2},
		journalBootA: {n - 2, 2},
	})
	journalListsBothBoots(t, dir)
}
