package export

import (
	"bytes"
	"testing"

	"connlog/model"
)

// fakeEntries is a journal holding fixed entries, by cursor.
type fakeEntries map[string][]string

func (f fakeEntries) JournalEntry(cursor string, fn func(field []byte)) (bool, error) {
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
