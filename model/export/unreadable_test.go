package export

import (
	"bytes"
	"strings"
	"testing"

	"connlog/model"
)

// unreadableEntry is a journal entry read but for its MESSAGE, whose data
// in the file is damaged.
func unreadableEntry() *model.Entry {
	e := journaldEntry("", 3)
	e.Flags |= model.FlagMessageUnreadable
	e.Fields = nil
	return e
}

// An entry whose message could not be read says so wherever a message or a
// problem is written, keeps its other fields, and is exported as journalctl
// exports it: without a MESSAGE, not with an empty one.
func TestEntryWithUnreadableMessage(t *testing.T) {
	entries := []*model.Entry{journaldEntry("before", 2), unreadableEntry()}
	text := encode(t, entries, Options{Format: FormatText})
	if lines := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n"); len(lines) != 2 ||
		!strings.HasSuffix(lines[1], " "+model.MessageUnreadable) {
		t.Errorf("text export:\n%s\nwant the second line to end with %q", text, model.MessageUnreadable)
	}
	if raw := encode(t, entries, Options{Format: FormatRaw}); string(raw) != "before\n\n" {
		t.Errorf("raw export %q: want the entry's (empty) line", raw)
	}
	_, rows := readCSV(t, encode(t, entries, Options{Format: FormatCSV}))
	if len(rows) != 2 || rows[1]["message"] != "" || rows[1]["error"] != model.MessageUnreadable {
		t.Errorf("csv: %d rows, the second's message %q, error %q; want an empty message and the error %q",
			len(rows), rows[len(rows)-1]["message"], rows[len(rows)-1]["error"], model.MessageUnreadable)
	}
	nd := decodeNDJSON(t, encode(t, entries, Options{Format: FormatNDJSON}))
	if len(nd) != 2 || nd[1]["error"] != model.MessageUnreadable || nd[1]["raw"] != "" {
		t.Errorf("ndjson %v: want the error %q and an empty raw", nd, model.MessageUnreadable)
	}
	if _, ok := nd[0]["error"]; ok {
		t.Errorf("a readable entry has an error: %v", nd[0])
	}
	recs := parseJournalExport(t, encode(t, entries, Options{Format: FormatJournal}))
	if len(recs) != 2 {
		t.Fatalf("%d journal records, want 2", len(recs))
	}
	if msg, ok := recs[1]["MESSAGE"]; ok {
		t.Errorf("journal export has MESSAGE=%q, want none", msg)
	}
	if !bytes.Equal(recs[1]["_SYSTEMD_UNIT"], []byte("twingate-connector.service")) || string(recs[1]["PRIORITY"]) != "6" {
		t.Errorf("journal export lost the entry's fields: %q", recs[1])
	}
}
