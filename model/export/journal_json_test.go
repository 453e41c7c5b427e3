package export

import (
	"encoding/binary"
	"testing"
	"time"

	"connlog/model"
)

// journalJSONEntry is an entry read from a line of `journalctl -o json`.
func journalJSONEntry(line string) *model.Entry {
	e := journaldEntry("x", 0)
	e.Origin.Envelope = "journal-json"
	e.Raw = []byte(line)
	return e
}

// binaryField is a field in the binary form of the export format.
func binaryField(name, value string) string {
	return name + "\n" + string(binary.LittleEndian.AppendUint64(nil, uint64(len(value)))) + value + "\n"
}

// TestJournalFromJSON writes an entry read from journal JSON as
// journalctl -o export writes the entry: its cursor, times and boot first,
// then every other field in the line's order, a value that is no printable
// text in the binary form, each value of a repeated field as a field, no
// field for a null, and none whose name the format cannot carry. Its keys
// sorted (`jq -S`) change nothing but the order of the other fields.
func TestJournalFromJSON(t *testing.T) {
	line := `{"BAD=KEY":"x","CODE_FILE":"src/job.c","MESSAGE":"two\nlines","PRIORITY":"3","TAG":["a","b"],` +
		`"BIN":[104,105,0],"GONE":null,"_BOOT_ID":"0123456789abcdef0123456789abcdef","__CURSOR":"s=1;i=2",` +
		`"__MONOTONIC_TIMESTAMP":"99","__REALTIME_TIMESTAMP":"1763625600000000"}`
	want := "__CURSOR=s=1;i=2\n__REALTIME_TIMESTAMP=1763625600000000\n__MONOTONIC_TIMESTAMP=99\n" +
		"_BOOT_ID=0123456789abcdef0123456789abcdef\nCODE_FILE=src/job.c\n" + binaryField("MESSAGE", "two\nlines") +
		"PRIORITY=3\nTAG=a\nTAG=b\n" + binaryField("BIN", "hi\x00") + "\n"
	got := encode(t, []*model.Entry{journalJSONEntry(line)}, Options{Format: FormatJournal})
	if string(got) != want {
		t.Errorf("export:\n%q\nwant\n%q", got, want)
	}
}

// TestJournalFromJSONWithoutTime gives a record whose line has a cursor
// but no __REALTIME_TIMESTAMP the entry's time, which journal-remote needs.
func TestJournalFromJSONWithoutTime(t *testing.T) {
	e := journalJSONEntry(`{"__CURSOR":"s=1;i=2","MESSAGE":"hello"}`)
	e.Origin.Received = time.Time{}
	want := "__CURSOR=s=1;i=2\n__REALTIME_TIMESTAMP=1795161600000000\nMESSAGE=hello\n\n"
	if got := encode(t, []*model.Entry{e}, Options{Format: FormatJournal}); string(got) != want {
		t.Errorf("export:\n%q\nwant\n%q", got, want)
	}
}

// TestJournalFromJSONRedacted writes the fields of the line as the
// redactor left it: the MESSAGE is the message, not the JSON line.
func TestJournalFromJSONRedacted(t *testing.T) {
	e := journalJSONEntry(`{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1763625600000000","MESSAGE":"login by bob@example.com"}`)
	got := parseJournalExport(t, encode(t, []*model.Entry{e}, Options{Format: FormatJournal, Redact: NewRedactor()}))
	if len(got) != 1 || !isRedactedLogin(string(got[0]["MESSAGE"])) {
		t.Errorf("records %q, want one whose MESSAGE is the message redacted", got)
	}
}

// isRedactedLogin reports whether s is "login by " and a pseudonym.
func isRedactedLogin(s string) bool {
	const head, tail = "login by user-", "@redacted"
	return len(s) == len(head)+pseudonymHexLen+len(tail) && s[:len(head)] == head && s[len(s)-len(tail):] == tail
}
