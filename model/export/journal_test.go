package export

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

const journalRemote = "/lib/systemd/systemd-journal-remote"

// parseJournalExport reads the journal export format back into records,
// following systemd's description of it: FIELD=value lines, or FIELD, a
// little-endian 64-bit length, the bytes and a newline; records end with
// an empty line.
func parseJournalExport(t testing.TB, data []byte) []map[string][]byte {
	t.Helper()
	var out []map[string][]byte
	rec := map[string][]byte{}
	for len(data) > 0 {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			t.Fatalf("unterminated line %q", data)
		}
		line := data[:nl]
		data = data[nl+1:]
		if len(line) == 0 {
			out = append(out, rec)
			rec = map[string][]byte{}
			continue
		}
		if eq := bytes.IndexByte(line, '='); eq >= 0 {
			rec[string(line[:eq])] = bytes.Clone(line[eq+1:])
			continue
		}
		if len(data) < 8 {
			t.Fatalf("binary field %s has no length", line)
		}
		n := binary.LittleEndian.Uint64(data)
		if uint64(len(data)-8) < n+1 || data[8+n] != '\n' {
			t.Fatalf("binary field %s: bad length %d", line, n)
		}
		rec[string(line)] = bytes.Clone(data[8 : 8+n])
		data = data[9+n:]
	}
	if len(rec) != 0 {
		t.Fatalf("last record not ended by an empty line: %v", rec)
	}
	return out
}

func journalFixture() []*model.Entry {
	flows := flowEntries()
	return []*model.Entry{
		journaldEntry("[INFO] [connector] State: Error", 0),
		journaldEntry("multi\nline message", 1),
		journaldEntry("binary \xff\xfe\x00 message", 2),
		journaldEntry("escape \x1b[2J and tab\there", 3),
		journaldEntry("", 4),
		serviceEntry(), // from a file: synthetic
		flows[0], flows[1],
		gapEntry(),
	}
}

func TestJournalExportFields(t *testing.T) {
	entries := journalFixture()
	out := encode(t, entries, Options{Format: FormatJournal, Sources: []SourceInfo{{ID: 1, Name: "/var/log/tg.log"}}})
	recs := parseJournalExport(t, out)
	if len(recs) != len(entries)-1 {
		t.Fatalf("%d records, want %d (the flow message once)", len(recs), len(entries)-1)
	}
	tests := []struct {
		name  string
		rec   int
		field string
		want  string
	}{
		{"cursor kept", 0, "__CURSOR", "s=abc;i=1"},
		{"realtime in microseconds", 0, "__REALTIME_TIMESTAMP", "1795161600000000"},
		{"boot id", 0, "_BOOT_ID", "0123456789abcdef0123456789abcdef"},
		{"unit", 0, "_SYSTEMD_UNIT", "twingate-connector.service"},
		{"identifier", 0, "SYSLOG_IDENTIFIER", "twingate-connector"},
		{"pid", 0, "_PID", "6479"},
		{"priority", 0, "PRIORITY", "6"},
		{"transport", 0, "_TRANSPORT", "stdout"},
		{"invocation", 0, "_SYSTEMD_INVOCATION_ID", "fedcba9876543210fedcba9876543210"},
		{"newline message is binary but exact", 1, "MESSAGE", "multi\nline message"},
		{"non-utf-8 message exact", 2, "MESSAGE", "binary \xff\xfe\x00 message"},
		{"empty message", 4, "MESSAGE", ""},
		{"synthetic message is the raw line", 5, "MESSAGE", string(serviceEntry().Raw)},
		{"synthetic priority from level", 5, "PRIORITY", "4"},
		{"synthetic source", 5, "CONNLOG_SOURCE", "/var/log/tg.log"},
		{"synthetic offset", 5, "CONNLOG_OFFSET", "5000"},
		{"synthetic host", 5, "_HOSTNAME", "conn-1"},
		{"gap marker message", 7, "MESSAGE", "file rotated before it was read to the end: up to 42 bytes may be missing"},
		{"gap marker kind", 7, "CONNLOG_KIND", "gap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := recs[tt.rec][tt.field]
			if !ok || string(got) != tt.want {
				t.Errorf("%s = %q (present %v), want %q", tt.field, got, ok, tt.want)
			}
		})
	}
}

// TestJournalReimport feeds the export to systemd-journal-remote and reads
// the journal back with journalctl: every MESSAGE, binary ones too, must be
// what was exported.
func TestJournalReimport(t *testing.T) {
	entries := journalFixture()
	dir := t.TempDir()
	out := encode(t, entries, Options{Format: FormatJournal})
	journal := filepath.Join(dir, "x.journal")
	cmd := exec.Command(journalRemote, "--output="+journal, "-")
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journal-remote: %v\n%s", err, msg)
	}
	jc, err := exec.Command("journalctl", "--file", journal, "-o", "json", "--all", "--no-pager").Output()
	if err != nil {
		t.Fatalf("journalctl: %v", err)
	}
	var got [][]byte
	for _, line := range bytes.Split(bytes.TrimSpace(jc), []byte("\n")) {
		var rec map[string]json.RawMessage
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("journalctl line %q: %v", line, err)
		}
		got = append(got, journalMessage(t, rec["MESSAGE"]))
	}
	var want [][]byte
	for _, r := range parseJournalExport(t, out) {
		want = append(want, r["MESSAGE"])
	}
	if len(got) != len(want) {
		t.Fatalf("journal holds %d records, exported %d (journal-remote drops invalid ones)", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("record %d MESSAGE = %q, want %q", i, got[i], want[i])
		}
	}
}

// journalMessage decodes journalctl's JSON MESSAGE: a string, or an array
// of byte values when it is not printable UTF-8.
func journalMessage(t testing.TB, raw json.RawMessage) []byte {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return []byte(s)
	}
	var arr []int
	if err := json.Unmarshal(raw, &arr); err != nil {
		t.Fatalf("MESSAGE %s: %v", raw, err)
	}
	b := make([]byte, len(arr))
	for i, v := range arr {
		b[i] = byte(v)
	}
	return b
}

func TestJournalSkipsBadBootID(t *testing.T) {
	e := journaldEntry("x", 0)
	e.Origin.Journal.BootID = "not-a-boot-id"
	recs := parseJournalExport(t, encode(t, []*model.Entry{e}, Options{Format: FormatJournal}))
	if _, ok := recs[0]["_BOOT_ID"]; ok {
		t.Errorf("an invalid _BOOT_ID was written: %q", recs[0]["_BOOT_ID"])
	}
}

// A line from a file gets the PRIORITY of its level, and none without a
// level: a record without PRIORITY reads back as no level, 6 as info.
func TestJournalSyntheticPriority(t *testing.T) {
	tests := []struct {
		level model.Level
		want  string // "" for no PRIORITY field
	}{
		{model.LevelNone, ""},
		{model.LevelTrace, "7"},
		{model.LevelDebug, "7"},
		{model.LevelInfo, "6"},
		{model.LevelNotice, "5"},
		{model.LevelWarn, "4"},
		{model.LevelError, "3"},
		{model.LevelCritical, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.level.String(), func(t *testing.T) {
			e := textEntry("a line")
			e.Level = tt.level
			recs := parseJournalExport(t, encode(t, []*model.Entry{e}, Options{Format: FormatJournal}))
			got, ok := recs[0]["PRIORITY"]
			if tt.want == "" && ok {
				t.Errorf("PRIORITY=%s written for an entry without a level", got)
			}
			if tt.want != "" && string(got) != tt.want {
				t.Errorf("PRIORITY = %q (present %v), want %q", got, ok, tt.want)
			}
		})
	}
}

func FuzzJournal(f *testing.F) {
	f.Add([]byte("hello"), "conn-1", int64(1700000000))
	f.Add([]byte("a\nb\xff"), "h\nx", int64(0))
	f.Add([]byte{}, "", int64(-5))
	f.Fuzz(func(t *testing.T, msg []byte, host string, sec int64) {
		e := journaldEntry(string(msg), 0)
		e.Origin.Journal.Hostname = host
		e.Origin.Received = time.Unix(sec, 0)
		syn := textEntry(string(msg))
		syn.Origin.Host = host
		out := encode(t, []*model.Entry{e, syn}, Options{Format: FormatJournal})
		recs := parseJournalExport(t, out)
		if len(recs) != 2 {
			t.Fatalf("%d records, want 2", len(recs))
		}
		// A journal entry's MESSAGE is written as it is; a file's line
		// is written without the CR of a CRLF end, that of each of its
		// lines (TestJournalDropsTheCROfCRLF).
		fileLine := bytes.ReplaceAll(bytes.TrimSuffix(msg, []byte("\r")), []byte("\r\n"), []byte("\n"))
		for i, r := range recs {
			want := msg
			if i == 1 {
				want = fileLine
			}
			if !bytes.Equal(r["MESSAGE"], want) {
				t.Fatalf("record %d MESSAGE = %q, want %q", i, r["MESSAGE"], want)
			}
			if host != "" && string(r["_HOSTNAME"]) != host {
				t.Fatalf("record %d _HOSTNAME = %q, want %q", i, r["_HOSTNAME"], host)
			}
		}
	})
}

// A line of a file with CRLF ends has its CR in no field, as in ndjson and
// CSV: the MESSAGE of its record is the line without it (and so text, not
// the binary form). A CR inside the line is the line's.
func TestJournalDropsTheCROfCRLF(t *testing.T) {
	for raw, want := range map[string]string{
		"one\r":         "one",
		"one\r\ntwo\r":  "one\ntwo",
		"carriage\rmid": "carriage\rmid",
		"no cr":         "no cr",
		"two crs\r\r":   "two crs\r",
		"\r":            "",
		"crlf mid\r\nx": "crlf mid\nx",
	} {
		out := encode(t, []*model.Entry{textEntry(raw)}, Options{Format: FormatJournal})
		if got := parseJournalExport(t, out)[0]["MESSAGE"]; string(got) != want {
			t.Errorf("line %q: MESSAGE %q, want %q", raw, got, want)
		}
		if !strings.ContainsRune(want, '\r') && !strings.ContainsRune(want, '\n') && !bytes.Contains(out, []byte("MESSAGE="+want+"\n")) {
			t.Errorf("line %q: MESSAGE not written as text:\n%q", raw, out)
		}
	}
}
