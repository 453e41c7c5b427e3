//go:build linux

package source

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
)

const journalInvocationB = "2f3a4b5c6d7e4f8a9b0c1d2e3f4a5b6c"

// journalAppendedBatches makes count runs of n connector entries each, with an
// unrelated unit's entry between them that the filter must leave out, all
// after the fixture's last entry in its boot.
func journalAppendedBatches(tb testing.TB, entries []journalExportEntry, count, n int) [][]journalExportEntry {
	tb.Helper()
	realtime, monotonic := journalLastClocks(tb, entries)
	var out [][]journalExportEntry
	for b := range count {
		batch := journalSyntheticEntries("appended "+string(rune('a'+b)), journalBootB, journalInvocationB,
			realtime+uint64(b)*uint64(n+1)*1000, monotonic+uint64(b)*uint64(n+1)*1000, n+1)
		other := batch[n]
		for i, f := range other {
			if f.key == "_SYSTEMD_UNIT" {
				other[i].value = []byte("ssh.service")
			}
			if f.key == "SYSLOG_IDENTIFIER" {
				other[i].value = []byte("sshd")
			}
		}
		out = append(out, batch)
	}
	return out
}

// journalConnectorMessages lists the messages of the connector's entries.
func journalConnectorMessages(batches ...[]journalExportEntry) []string {
	var out []string
	for _, b := range batches {
		out = append(out, journalFixtureMessages(b, journalIsUnit("twingate-connector.service"))...)
	}
	return out
}

// sentinel is one last entry after everything else: once it arrives,
// anything sent twice or out of order has arrived too.
func journalSentinel(tb testing.TB, after []journalExportEntry, tag string) []journalExportEntry {
	tb.Helper()
	realtime, monotonic := journalLastClocks(tb, after)
	return journalSyntheticEntries(tag, journalBootB, journalInvocationB, realtime, monotonic, 1)
}

func TestJournalFollowAppends(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 3, Directory: dir})
	want := journalLastN(journalFixtureMessages(entries, journalIsUnit("twingate-connector.service")), 3)
	batches := journalAppendedBatches(t, entries, 3, 300)
	for _, b := range batches {
		journalWrite(t, file, b) // a separate journal-remote run each time
	}
	end := journalSentinel(t, batches[len(batches)-1], "sentinel")
	journalWrite(t, file, end)
	f.collectUntil(end[0].value("MESSAGE"))
	want = append(want, journalConnectorMessages(append(batches, end)...)...)
	if diff := journalEqualLines(journalLines(f.got), want); diff != "" {
		t.Fatal(diff)
	}
	if marks := journalMarksOf(f.got); len(marks) != 0 {
		t.Fatalf("unexpected marks %+v", marks)
	}
}

func TestJournalFollowRotation(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir})
	want := journalFixtureMessages(entries, journalIsUnit("twingate-connector.service"))
	batches := journalAppendedBatches(t, entries, 3, 100)

	journalWrite(t, file, batches[0])
	// Rotation as journald does it: the active file is renamed to an archive
	// name, and a new file takes its place.
	archived := filepath.Join(dir, "connector@0123456789abcdef0123456789abcdef-0000000000000001-0000000000000001.journal")
	if err := os.Rename(file, archived); err != nil {
		t.Fatal(err)
	}
	journalWrite(t, file, batches[1])
	// And a file that did not exist before.
	journalWrite(t, filepath.Join(dir, "second.journal"), batches[2])
	end := journalSentinel(t, batches[2], "sentinel")
	journalWrite(t, file, end)

	f.collectUntil(end[0].value("MESSAGE"))
	want = append(want, journalConnectorMessages(append(batches, end)...)...)
	if diff := journalEqualLines(journalLines(f.got), want); diff != "" {
		t.Fatalf("%s\ngot:\n%s", diff, journalDescribe(f.got))
	}
	for _, m := range journalMarksOf(f.got) {
		if m.note == JournalNoteHistoryGap {
			t.Fatalf("rotation lost nothing, yet a history gap was reported: %+v", m)
		}
	}
}

func TestJournalFollowVacuum(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir})
	before := len(journalLines(f.got))
	// Vacuuming deletes the file the source was reading; newer entries go
	// to another file.
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	batches := journalAppendedBatches(t, entries, 2, 50)
	newer := filepath.Join(dir, "newer.journal")
	journalWrite(t, newer, batches[0])
	journalWrite(t, newer, batches[1])
	end := journalSentinel(t, batches[1], "sentinel")
	journalWrite(t, newer, end)
	f.collectUntil(end[0].value("MESSAGE"))

	if diff := journalEqualLines(journalLines(f.got)[before:], journalConnectorMessages(append(batches, end)...)); diff != "" {
		t.Fatalf("%s\ngot:\n%s", diff, journalDescribe(f.got))
	}
	gaps := 0
	for _, m := range journalMarksOf(f.got) {
		if m.note == JournalNoteHistoryGap {
			gaps++
			if m.mark != model.MarkGap || m.at != before {
				t.Errorf("history gap %+v, want a gap before line %d", m, before)
			}
		}
	}
	if gaps != 1 {
		t.Fatalf("got %d history gaps, want 1\n%s", gaps, journalDescribe(f.got))
	}
}

// TestJournalTailTrap follows a unit with no entry in the selected boot yet,
// then appends a burst. Left at sd-journal's "tail" position, the source
// would see only the burst's last entry.
func TestJournalTailTrap(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector-not-started.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 10, Boot: "0", Directory: dir})
	if got := journalLines(f.got); len(got) != 0 {
		t.Fatalf("the newest boot has no connector entry, yet got %q", got)
	}
	realtime, monotonic := journalLastClocks(t, entries)
	if boot := entries[len(entries)-1].value("_BOOT_ID"); boot != journalBootB {
		t.Fatalf("the fixture's newest boot is %s, want %s", boot, journalBootB)
	}
	burst := journalSyntheticEntries("burst", journalBootB, journalInvocationB, realtime, monotonic, 20)
	journalWrite(t, file, burst)
	end := journalSentinel(t, burst, "sentinel")
	journalWrite(t, file, end)
	f.collectUntil(end[0].value("MESSAGE"))
	if diff := journalEqualLines(journalLines(f.got), journalConnectorMessages(burst, end)); diff != "" {
		t.Fatalf("%s\ngot:\n%s", diff, journalDescribe(f.got))
	}
}

func TestJournalCancelIsPrompt(t *testing.T) {
	dir, _, _ := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 10, Directory: dir})
	// Cancel from inside a wait: Run must notice within one wait timeout.
	if took := f.stop(); took > journalWaitTimeout+time.Second {
		t.Fatalf("Run returned %v after cancel, want under %v", took, journalWaitTimeout+time.Second)
	}
}

func TestJournalFiles(t *testing.T) {
	_, file, entries := journalBuildFixture(t, "connector.export")
	recs, err := journalRead(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Files: []string{file}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if diff := journalEqualLines(journalLines(recs), journalFixtureMessages(entries, journalIsUnit("twingate-connector.service"))); diff != "" {
		t.Fatal(diff)
	}
}

func TestJournalFollowFile(t *testing.T) {
	_, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 1, Files: []string{file}})
	batches := journalAppendedBatches(t, entries, 2, 40)
	journalWrite(t, file, batches[0])
	journalWrite(t, file, batches[1])
	end := journalSentinel(t, batches[1], "sentinel")
	journalWrite(t, file, end)
	f.collectUntil(end[0].value("MESSAGE"))
	want := journalLastN(journalFixtureMessages(entries, journalIsUnit("twingate-connector.service")), 1)
	want = append(want, journalConnectorMessages(append(batches, end)...)...)
	if diff := journalEqualLines(journalLines(f.got), want); diff != "" {
		t.Fatal(diff)
	}
}

// TestJournalRestartAfterEmptyBackfill follows with -n 0: the connector's
// newest entry is not sent, yet a restart right after it is still marked.
func TestJournalRestartAfterEmptyBackfill(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 0, Directory: dir})
	realtime, monotonic := journalLastClocks(t, entries)
	restarted := journalSyntheticEntries("restarted", journalBootB, "3a4b5c6d7e8f4a9b8c0d1e2f3a4b5c6d", realtime, monotonic, 3)
	journalWrite(t, file, restarted)
	f.collectUntil(restarted[2].value("MESSAGE"))
	if diff := journalEqualLines(journalLines(f.got), journalConnectorMessages(restarted)); diff != "" {
		t.Fatal(diff)
	}
	want := []journalMark{{model.MarkBoundary, JournalNoteRestart, 0, "twingate-connector.service", 0}}
	if got := journalMarksOf(f.got); len(got) != 1 || got[0] != want[0] {
		t.Fatalf("marks %+v, want %+v", got, want)
	}
}

// TestJournalFollowFileReplaced follows a file named with --file that
// another file is moved onto (mv new.journal F): the new file's entries
// are read on, as a rotation's are with -D.
func TestJournalFollowFileReplaced(t *testing.T) {
	_, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: 1, Files: []string{file}})
	batches := journalAppendedBatches(t, entries, 2, 40)
	journalWrite(t, file, batches[0])
	fresh := filepath.Join(t.TempDir(), "new.journal")
	journalWrite(t, fresh, batches[1])
	end := journalSentinel(t, batches[1], "sentinel")
	journalWrite(t, fresh, end)
	if err := os.Rename(fresh, file); err != nil {
		t.Fatal(err)
	}
	f.collectUntil(end[0].value("MESSAGE"))
	want := journalLastN(journalFixtureMessages(entries, journalIsUnit("twingate-connector.service")), 1)
	want = append(want, journalConnectorMessages(append(batches, end)...)...)
	if diff := journalEqualLines(journalLines(f.got), want); diff != "" {
		t.Fatal(diff)
	}
	if marks := journalMarksOf(f.got); len(marks) != 0 {
		t.Fatalf("nothing was lost, yet marks %+v", marks)
	}
}
