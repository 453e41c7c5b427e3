//go:build linux

package source

import (
	"path/filepath"
	"testing"

	"connlog/model"
)

// TestJournalHostileFields reads entries whose fields are missing or not
// what journald would write: each still yields its line, in order, with the
// unreadable fields left empty (Priority -1), and none hides its neighbours.
func TestJournalHostileFields(t *testing.T) {
	fixture := journalLoadFixture(t, "connector.export")
	realtime, monotonic := journalLastClocks(t, fixture)
	entries := journalSyntheticEntries("hostile", journalBootB, journalInvocationB, realtime, monotonic, 5)
	set := func(e journalExportEntry, key string, value []byte) journalExportEntry {
		for i := range e {
			if e[i].key == key {
				e[i].value = value
				return e
			}
		}
		return append(e, journalExportField{key, value})
	}
	drop := func(e journalExportEntry, key string) journalExportEntry {
		out := e[:0:0]
		for _, f := range e {
			if f.key != key {
				out = append(out, f)
			}
		}
		return out
	}
	entries[0] = drop(entries[0], "MESSAGE")
	entries[1] = set(set(entries[1], "PRIORITY", []byte("high")), "_PID", []byte("99999999999999999999999"))
	entries[2] = set(entries[2], "SYSLOG_IDENTIFIER", []byte("twingate\xff\x00connector"))
	entries[3] = set(entries[3], "MESSAGE", []byte{})
	entries[4] = set(entries[4], "_SYSTEMD_INVOCATION_ID", []byte("not-an-id\n"))
	dir := t.TempDir()
	journalWrite(t, filepath.Join(dir, "hostile.journal"), entries)

	recs, err := journalRead(t, JournalOptions{Units: []string{"twingate-connector"}, Lines: -1, Directory: dir})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var got []model.Record
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			got = append(got, r)
		}
	}
	if len(got) != len(entries) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(entries), journalDescribe(recs))
	}
	cases := []struct {
		name  string
		check func(r model.Record) bool
	}{
		{"no MESSAGE is an empty line", func(r model.Record) bool { return r.Raw != nil && len(r.Raw) == 0 }},
		{"bad PRIORITY and _PID", func(r model.Record) bool { return r.Journal.Priority == -1 && r.Journal.PID == 0 }},
		{"binary identifier kept", func(r model.Record) bool { return r.Journal.Identifier == "twingate\xff\x00connector" }},
		{"empty MESSAGE", func(r model.Record) bool { return r.Raw != nil && len(r.Raw) == 0 && r.Journal.Priority == 6 }},
		{"odd invocation ID kept", func(r model.Record) bool { return r.Journal.InvocationID == "not-an-id\n" }},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.check(got[i]) {
				t.Fatalf("record %d: raw %q fields %+v", i, got[i].Raw, *got[i].Journal)
			}
		})
	}
}
