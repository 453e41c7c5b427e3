package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// auditEntry is what the test reads of an ndjson entry.
type auditEntry struct {
	Time   string            `json:"time"`
	Level  string            `json:"level"`
	Kind   string            `json:"kind"`
	Fields map[string]string `json:"fields"`
}

// Linux audit records journald stores itself (its audit transport: the
// type's name, then the pairs, no stamp) are audit entries with the fields
// of the audit.log form, timed by the journal, whether read from a journal
// export or from the journals systemd-journal-remote builds of it (compact
// and not); a line of another transport that looks alike stays text. The
// stamp journald keeps apart (_SOURCE_REALTIME_TIMESTAMP, the kernel's
// time, a little before the journal's, and _AUDIT_ID) is their audit_id as
// auditd writes it; a record without the time has none.
func TestJournalAuditTransportRecords(t *testing.T) {
	const remote = "/lib/systemd/systemd-journal-remote"
	if _, err := os.Stat(remote); err != nil {
		t.Fatalf("%s is missing: install systemd-journal-remote (scripts/deps.sh does)", remote)
	}
	name := fixtureCopy(t, "testdata/journal/audit.export")
	in, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	inputs := [][]string{{name}}
	for _, compact := range []string{"0", "1"} {
		if _, err := in.Seek(0, 0); err != nil {
			t.Fatal(err)
		}
		journal := "x" + compact + ".journal"
		cmd := exec.Command(remote, "--output="+journal, "-")
		cmd.Stdin, cmd.Env = in, append(os.Environ(), "SYSTEMD_JOURNAL_COMPACT="+compact)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("journal-remote: %v\n%s", err, out)
		}
		inputs = append(inputs, []string{"--file", journal})
	}
	for _, args := range inputs {
		es := auditExport(t, args...)
		if len(es) != 5 {
			t.Fatalf("%v: %d entries, want the fixture's 5", args, len(es))
		}
		checks := []struct {
			time, level, kind string
			fields            map[string]string
		}{
			{"2026-12-04T10:00:00.123Z", "warn", "audit", map[string]string{"type": "USER_LOGIN", "acct": "alice",
				"addr": "203.0.113.9", "auid": "1000", "op": "login", "res": "failed", "exe": "/usr/sbin/sshd",
				"audit_id": "1796378400.123:456"}},
			{"2026-12-04T10:00:01.25Z", "none", "audit", map[string]string{"type": "SERVICE_START", "unit": "twingate-connector", "res": "success",
				"audit_id": "1796378401.250:457"}},
			{"2026-12-04T10:00:02.5Z", "warn", "audit", map[string]string{"type": "AVC", "apparmor": "DENIED", "name": "/etc/shadow",
				"audit_id": "1796378402.499:458"}},
			{"2026-12-04T10:00:03Z", "none", "audit", map[string]string{"type": "AUDIT1999", "type_num": "1999", "op": "unknown",
				"audit_id": ""}},
			{"2026-12-04T10:00:04Z", "info", "text", nil},
		}
		for i, c := range checks {
			e := es[i]
			if e.Time != c.time || e.Level != c.level || e.Kind != c.kind {
				t.Errorf("%v entry %d: %s %s at %s; want %s %s at %s", args, i+1, e.Kind, e.Level, e.Time, c.kind, c.level, c.time)
			}
			for k, v := range c.fields {
				if e.Fields[k] != v {
					t.Errorf("%v entry %d: %s=%q; want %q", args, i+1, k, e.Fields[k], v)
				}
			}
		}
	}
}

// auditExport runs an ndjson export of every entry of the input args name.
func auditExport(t *testing.T, args ...string) []auditEntry {
	t.Helper()
	out, errOut, code := runCLI(t, append([]string{"export", "--format", "ndjson", "--all-units", "-n", "all"}, args...)...)
	if code != 0 {
		t.Fatalf("connlog export %v: exit %d: %s", args, code, errOut)
	}
	var es []auditEntry
	if out == "" {
		return nil
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var e auditEntry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		es = append(es, e)
	}
	return es
}

// One event read from audit.log and from the journal has one audit_id: a
// query on it finds the records of both, and a journal export of the
// journal's records, read back, still has it.
func TestJournalAuditIDMatchesAuditLog(t *testing.T) {
	journal := fixtureCopy(t, "testdata/journal/audit.export")
	auditLog := filepath.Join(t.TempDir(), "audit.log")
	line := `type=AVC msg=audit(1796378402.499:458): apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl" requested_mask="r" denied_mask="r" fsuid=0 ouid=0` + "\n"
	if err := os.WriteFile(auditLog, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	es := auditExport(t, "-q", `audit_id:"1796378402.499:458"`, journal, auditLog)
	if len(es) != 2 || es[0].Fields["type"] != "AVC" || es[1].Fields["type"] != "AVC" {
		t.Fatalf("query on the event's audit_id found %+v; want its record in the journal and in audit.log", es)
	}
	if !reflect.DeepEqual(es[0].Fields, es[1].Fields) {
		t.Errorf("one record, two sets of fields:\n%v\n%v", es[0].Fields, es[1].Fields)
	}
	again := filepath.Join(t.TempDir(), "again.export")
	if _, errOut, code := runCLI(t, "export", "--format", "journal", "--all-units", "-n", "all", "-o", again, journal); code != 0 {
		t.Fatalf("journal export: exit %d: %s", code, errOut)
	}
	if es := auditExport(t, "-q", `audit_id:"1796378402.499:458"`, again); len(es) != 1 || es[0].Fields["name"] != "/etc/shadow" {
		t.Errorf("the journal export read back: %+v; want the AVC record", es)
	}
}
