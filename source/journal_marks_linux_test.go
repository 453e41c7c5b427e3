//go:build linux

package source

import (
	"bytes"
	"crypto/rand"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"connlog/model"
)

// journalMark is a gap or boundary record and where it fell: before the
// line with index at among the line records.
type journalMark struct {
	mark  model.Mark
	note  string
	count int64
	unit  string
	at    int
}

// journalMarksOf lists the marked records of recs with their positions.
func journalMarksOf(recs []model.Record) []journalMark {
	var out []journalMark
	n := 0
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			n++
			continue
		}
		unit := ""
		if r.Journal != nil {
			unit = r.Journal.Unit
		}
		out = append(out, journalMark{r.Mark, r.Note, r.Count, unit, n})
	}
	return out
}

// journalLineIndex is the index entry i will have among the lines keep selects.
func journalLineIndex(entries []journalExportEntry, keep func(journalExportEntry) bool, i int) int {
	n := 0
	for _, e := range entries[:i] {
		if keep(e) {
			n++
		}
	}
	return n
}

// journalDroppedBy reads what the fixture says journald dropped in notice entry i,
// from the N_DROPPED and OBJECT_SYSTEMD_UNIT fields journald writes beside
// the message, so the expectation does not depend on parsing the message.
func journalDroppedBy(tb testing.TB, e journalExportEntry) (int64, string) {
	tb.Helper()
	n, err := strconv.ParseInt(e.value("N_DROPPED"), 10, 64)
	if err != nil {
		tb.Fatalf("fixture notice without N_DROPPED: %v", err)
	}
	return n, e.value("OBJECT_SYSTEMD_UNIT")
}

func TestJournalMarks(t *testing.T) {
	dir, _, entries := journalBuildFixture(t, "connector.export")
	connector := journalIsUnit("twingate-connector.service")
	everything := func(journalExportEntry) bool { return true }
	ctl := func(e journalExportEntry) bool { return e.value("SYSLOG_IDENTIFIER") == "twingate-connectorctl" }
	n9, u9 := journalDroppedBy(t, entries[9])
	n12, u12 := journalDroppedBy(t, entries[12])
	cases := []struct {
		name string
		opts JournalOptions
		want []journalMark
	}{
		{"connector, every boot", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1}, []journalMark{
			{model.MarkBoundary, JournalNoteRestart, 0, "twingate-connector.service", journalLineIndex(entries, connector, 6)},
			{model.MarkGap, JournalNoteSuppressed, n9, u9, journalLineIndex(entries, connector, 10)},
			{model.MarkBoundary, JournalNoteReboot, 0, "twingate-connector.service", journalLineIndex(entries, connector, 17)},
		}},
		{"every unit", JournalOptions{AllUnits: true, Lines: -1}, []journalMark{
			{model.MarkGap, JournalNoteSuppressed, n9, u9, journalLineIndex(entries, everything, 9)},
			{model.MarkGap, JournalNoteSuppressed, n12, u12, journalLineIndex(entries, everything, 12)},
			{model.MarkBoundary, JournalNoteReboot, 0, "systemd-journald.service", journalLineIndex(entries, everything, 15)},
		}},
		{"identifier of another program", JournalOptions{Identifiers: []string{"twingate-connectorctl"}, Lines: -1}, []journalMark{
			{model.MarkBoundary, JournalNoteReboot, 0, "twingate-health.service", journalLineIndex(entries, ctl, 21)},
		}},
		{"identifier of the connector", JournalOptions{Identifiers: []string{"twingate-connector"}, Lines: -1}, []journalMark{
			{model.MarkBoundary, JournalNoteRestart, 0, "twingate-connector.service", journalLineIndex(entries, connector, 6)},
			{model.MarkGap, JournalNoteSuppressed, n9, u9, journalLineIndex(entries, connector, 10)},
			{model.MarkBoundary, JournalNoteReboot, 0, "twingate-connector.service", journalLineIndex(entries, connector, 17)},
		}},
		{"one boot has no boundary", JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Boot: "0"}, nil},
		{"backfill starting after the restart", JournalOptions{Units: []string{"twingate-connector"}, Lines: 2, Boot: "-1"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Directory = dir
			recs, err := journalRead(t, tc.opts)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := journalMarksOf(recs); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("marks:\n got %+v\nwant %+v\nrecords:\n%s", got, tc.want, journalDescribe(recs))
			}
			for i, r := range recs {
				if r.Mark == model.MarkBoundary && (i+1 >= len(recs) || recs[i+1].Journal != r.Journal) {
					t.Errorf("boundary %d does not carry the fields of the line after it", i)
				}
			}
		})
	}
}

func TestJournalBinaryMessage(t *testing.T) {
	dir, file, entries := journalBuildFixture(t, "connector.export")
	var want [][]byte
	for _, e := range entries {
		if v, _ := e.get("MESSAGE"); journalBinary(v) {
			want = append(want, []byte(v))
		}
	}
	if len(want) == 0 {
		t.Fatal("the fixture has no binary MESSAGE")
	}
	// A message far above sd-journal's default 64 KiB data threshold, with
	// every byte value in it.
	big := make([]byte, 1<<20)
	if _, err := rand.Read(big); err != nil {
		t.Fatal(err)
	}
	realtime, monotonic := journalLastClocks(t, entries)
	extra := journalSyntheticEntries("big", journalBootB, "2f3a4b5c6d7e4f8a9b0c1d2e3f4a5b6c", realtime, monotonic, 1)
	extra[0][len(extra[0])-1].value = big
	journalWrite(t, file, extra)
	want = append(want, big)

	recs, err := journalRead(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: filepath.Clean(dir)})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var got [][]byte
	for _, r := range recs {
		if r.Mark == model.MarkLine && journalBinary(string(r.Raw)) {
			got = append(got, r.Raw)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d binary messages, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("binary message %d differs: got %d bytes, want %d", i, len(got[i]), len(want[i]))
		}
	}
}

// journalBinary reports whether a message needs export format's binary
// form (invalid UTF-8 or control bytes).
func journalBinary(v string) bool { return !journalTextSafe([]byte(v)) }
