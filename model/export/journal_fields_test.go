package export

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"connlog/model"
)

// fakeEntries is a journal holding fixed entries, by cursor.
type fakeEntries map[string][]string

func (f fakeEntries) JournalEntry(cursor string, _ time.Time, fn func(field []byte)) (bool, error) {
	fields, ok := f[cursor]
	for _, field := range fields {
		fn([]byte(field))
	}
	return ok, nil
}

// TestJournalExportKeepsEveryField: an entry of the journal is written
// with every field the journal holds for it, re-read by its cursor, and
// the monotonic time its cursor holds; MESSAGE is the line read (a line
// joined from a container's pieces whole, and no piece). An entry the
// journal no longer holds, or a redacted export, gets the fields connlog
// keeps.
func TestJournalExportKeepsEveryField(t *testing.T) {
	kept := journaldEntry("kept", 0)
	kept.Origin.Journal.Cursor = "s=abc;i=1;b=0123456789abcdef0123456789abcdef;m=1f4;t=5;x=9"
	joined := journaldEntry("first half and second half", 1)
	joined.Origin.Journal.Cursor, joined.Origin.Journal.EndCursor = "s=abc;i=2", "s=abc;i=3"
	gone := journaldEntry("gone", 2)
	journal := fakeEntries{
		kept.Origin.Journal.Cursor: {"_BOOT_ID=0123456789abcdef0123456789abcdef", "PRIORITY=6", "_UID=998",
			"_CMDLINE=/usr/bin/twingate-connector --systemd-watchdog", "MESSAGE=kept", "EMPTY=", "BIN=a\nb", "_PID=6479"},
		joined.Origin.Journal.Cursor: {"MESSAGE=first half", "CONTAINER_PARTIAL_MESSAGE=true", "CONTAINER_ID=c1"},
	}
	entries := []*model.Entry{kept, joined, gone}
	opts := Options{Format: FormatJournal, Sources: []SourceInfo{{ID: 5, Name: "all units", Entries: journal}}}
	recs := parseJournalExport(t, encode(t, entries, opts))
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	want := map[string]string{"__CURSOR": kept.Origin.Journal.Cursor, "__MONOTONIC_TIMESTAMP": "500", "PRIORITY": "6",
		"_UID": "998", "_CMDLINE": "/usr/bin/twingate-connector --systemd-watchdog", "MESSAGE": "kept", "EMPTY": "",
		"BIN": "a\nb", "_PID": "6479", "_BOOT_ID": "0123456789abcdef0123456789abcdef", "__REALTIME_TIMESTAMP": "1795161600000000"}
	if !sameFields(recs[0], want) {
		t.Errorf("re-read entry written as %q\nwant %q", recs[0], want)
	}
	if string(recs[1]["MESSAGE"]) != "first half and second half" || recs[1]["CONTAINER_PARTIAL_MESSAGE"] != nil ||
		string(recs[1]["CONTAINER_ID"]) != "c1" {
		t.Errorf("joined line written as %q", recs[1])
	}
	if string(recs[2]["MESSAGE"]) != "gone" || string(recs[2]["_SYSTEMD_UNIT"]) != "twingate-connector.service" || recs[2]["_UID"] != nil {
		t.Errorf("an entry the journal no longer holds written as %q, want the fields connlog keeps", recs[2])
	}
	opts.Redact = NewRedactor()
	if recs := parseJournalExport(t, encode(t, entries[:1], opts)); recs[0]["_CMDLINE"] != nil || recs[0]["_UID"] != nil {
		t.Errorf("a redacted export wrote fields the redactor never saw: %q", recs[0])
	}
}

func sameFields(got map[string][]byte, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || !bytes.Equal(g, []byte(v)) {
			return false
		}
	}
	return true
}

// exportFile is a journal export file's records, by cursor, as an input
// read from one gives them back: every field, its cursor and times among
// them, in the file's order. asked notes the times it was asked for.
type exportFile struct {
	records map[string][]string
	asked   []time.Time
}

func (f *exportFile) JournalEntry(cursor string, realtime time.Time, fn func(field []byte)) (bool, error) {
	f.asked = append(f.asked, realtime)
	return fakeEntries(f.records).JournalEntry(cursor, realtime, fn)
}

// TestJournalExportOfAnExportFileKeepsItsRecords: an entry read from a
// journal export file is written as the file's record, every field in
// the file's order (its own cursor and times, __SEQNUM and binary values
// included) and nothing twice, with the line read as its MESSAGE; the
// entry's time is what the record is checked against.
func TestJournalExportOfAnExportFileKeepsItsRecords(t *testing.T) {
	e := journaldEntry("[INFO] [relay] hello", 0)
	e.Origin.Journal.Cursor = "s=1;i=1"
	joined := journaldEntry("first half and second half", 1)
	joined.Origin.Journal.Cursor, joined.Origin.Journal.EndCursor = "s=1;i=2", "s=1;i=3"
	realtime := strconv.FormatInt(e.Origin.Received.UnixMicro(), 10)
	file := &exportFile{records: map[string][]string{
		"s=1;i=1": {"__CURSOR=s=1;i=1", "__REALTIME_TIMESTAMP=" + realtime, "__MONOTONIC_TIMESTAMP=5",
			"__SEQNUM=1", "_BOOT_ID=0123456789abcdef0123456789abcdef", "MY_EXTRA=hello",
			"MESSAGE=[INFO] [relay] hello", "BIN=a\nb\x00", "CODE_FILE=src/x.rs"},
		"s=1;i=2": {"__CURSOR=s=1;i=2", "MESSAGE=first half", "CONTAINER_PARTIAL_MESSAGE=true", "CONTAINER_ID=c1"},
	}}
	opts := Options{Format: FormatJournal, Sources: []SourceInfo{{ID: 5, Name: "in.export", Entries: file}}}
	got := encode(t, []*model.Entry{e, joined}, opts)
	want := "__CURSOR=s=1;i=1\n__REALTIME_TIMESTAMP=" + realtime + "\n__MONOTONIC_TIMESTAMP=5\n__SEQNUM=1\n" +
		"_BOOT_ID=0123456789abcdef0123456789abcdef\nMY_EXTRA=hello\nMESSAGE=[INFO] [relay] hello\n" +
		"BIN\n\x04\x00\x00\x00\x00\x00\x00\x00a\nb\x00\nCODE_FILE=src/x.rs\n\n" +
		"__CURSOR=s=1;i=2\nMESSAGE=first half and second half\nCONTAINER_ID=c1\n\n"
	if string(got) != want {
		t.Errorf("export of an export file's entries:\n%q\nwant\n%q", got, want)
	}
	if len(file.asked) != 2 || !file.asked[0].Equal(e.Origin.Received) {
		t.Errorf("asked for the records at %v, want first at %v", file.asked, e.Origin.Received)
	}
}
