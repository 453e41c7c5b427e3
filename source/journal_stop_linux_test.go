//go:build linux

package source

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
)

// A followed journal stopped with JournalOptions.Finish sends what it read
// and held: a line whose last piece had not come (its container may write
// it still) is sent as it stands, flagged partial, not dropped with the
// run. pieceQuiet is endless: only the stop may send it.
func TestJournalStopSendsWhatWasRead(t *testing.T) {
	var l journalDockerLog
	l.line(journalContainerB, "start")
	dir := t.TempDir()
	file := filepath.Join(dir, "docker.journal")
	journalWrite(t, file, l.entries)
	f := journalStartWith(t, JournalOptions{Directory: dir, AllUnits: true, Lines: 10, Finish: context.Background()},
		func(j *Journal) { j.pieceQuiet = time.Hour })
	l.add(journalContainerA, []byte("stopped mid-"), true, "", 0)
	l.line(journalContainerB, "read after it")
	journalWrite(t, file, l.entries[len(l.entries)-2:])
	f.collectUntil("read after it") // the piece before it has been read too
	f.stop()
	got := journalLineRecords(f.got)
	if last := got[len(got)-1]; string(last.Raw) != "stopped mid-" || last.Note != model.NotePartialLine {
		t.Fatalf("got %s; want the held piece last, flagged %q", journalDescribe(f.got), model.NotePartialLine)
	}
}

// A followed journal stopped with JournalOptions.Finish reads the entries
// it holds by then to its end, as a followed file is read at a stop: the
// entries written just before the signal are not left unread.
func TestJournalStopReadsToTheEnd(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	f := journalStart(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir, Finish: context.Background()})
	f.collectUntil(journalLastN(journalFixtureMessages(entries, journalIsUnit("twingate-connector.service")), 1)[0])
	batches := journalAppendedBatches(t, entries, 1, 50)
	journalWrite(t, file, batches[0]) // nothing is received until the stop
	f.stop()
	want := journalConnectorMessages(batches...)
	got := journalLines(f.got)
	if len(got) < len(want) || journalEqualLines(got[len(got)-len(want):], want) != "" {
		t.Fatalf("the lines written before the stop did not all come last:\n%s", journalDescribe(f.got))
	}
}
