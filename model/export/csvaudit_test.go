package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/payload"
)

// linuxAuditLines are Linux audit records as auditd and the kernel write
// them: a failed SSH login, a watched execve, an AppArmor denial, and
// values that a spreadsheet would run as formulas.
var linuxAuditLines = []string{
	`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=198.51.100.7 addr=203.0.113.9 terminal=ssh res=failed'`,
	`node=web1 type=SYSCALL msg=audit(1796378401.000:457): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=99 auid=1000 uid=0 ses=3 comm="curl" exe="/usr/bin/curl" key="=cmd|' /C calc'!A0"`,
	`audit: type=1400 audit(1796378402.000:458): apparmor="DENIED" operation="open" profile="/usr/bin/curl" name="/etc/shadow" pid=99 comm="curl" requested_mask="r" denied_mask="r" fsuid=0 ouid=0`,
	`type=USER_AUTH msg=audit(1796378403.000:459): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="-bob@example.com" exe="@evil" hostname=? addr=2001:db8::1 terminal=+ssh result=failed'`,
}

// linuxAuditEntries parses linuxAuditLines as connlog reads them.
func linuxAuditEntries(t *testing.T) []*model.Entry {
	t.Helper()
	return auditEntriesOf(t, linuxAuditLines)
}

// auditEntriesOf parses lines, each a Linux audit record, as connlog reads
// them from a file.
func auditEntriesOf(t *testing.T, lines []string) []*model.Entry {
	t.Helper()
	var out []*model.Entry
	for i, line := range lines {
		rs := payload.Parse([]byte(line), nil)
		if len(rs) != 1 || rs[0].Kind != model.KindAudit {
			t.Fatalf("line %d is not read as one audit record: %+v", i, rs)
		}
		r := rs[0]
		out = append(out, &model.Entry{Seq: int64(100 + i), Time: r.Time, Level: r.Level, Kind: r.Kind, Source: 1,
			Origin: model.Origin{Offset: int64(1000 * i), Envelope: "bare"}, Fields: r.Fields, Err: r.Err,
			Raw: []byte(line), Payload: []byte(line)})
	}
	return out
}

// aqtiveGuardAuditColumns are the audit columns CSV exports had before Linux
// audit records had their own: an AQtive Guard record's, which stay first
// and in this order.
var aqtiveGuardAuditColumns = strings.Split("time,level,log_type,action,user_id,user_name,access_granted,access_denied_reason,"+
	"client_ip,forwarded_for_client_ip,method,path,status_code,element,element_id,setting,old_value,new_value,module,"+
	"message,hostname,pid,request_id,id", ",")

// A CSV of audit records has, after AQtive Guard's columns, the pairs of
// Linux audit records a SIEM needs, each record filling its own: a Linux
// record its type, stamp, user, program, address and outcome, an AQtive
// Guard record its columns as before. Values that would run as formulas
// are neutralised in the new columns too.
func TestCSVLinuxAuditColumns(t *testing.T) {
	entries := append(linuxAuditEntries(t), auditEntry())
	out := encode(t, entries, Options{Format: FormatCSV, Kinds: []model.Kind{model.KindAudit}})
	header, rows := readCSV(t, out)
	if !reflect.DeepEqual(header[:len(aqtiveGuardAuditColumns)], aqtiveGuardAuditColumns) {
		t.Fatalf("header starts %v\nwant AQtive Guard's columns %v", header, aqtiveGuardAuditColumns)
	}
	linux := strings.Split("type,type_num,audit_id,node,acct,auid,uid,ses,exe,comm,addr,terminal,res,success,op,key,syscall,apparmor,operation,profile,name", ",")
	if got := header[len(aqtiveGuardAuditColumns):]; !reflect.DeepEqual(got, linux) {
		t.Fatalf("columns after AQtive Guard's %v\nwant %v", got, linux)
	}
	want := []map[string]string{
		{"time": "2026-12-04T10:00:00.123Z", "level": "warn", "type": "USER_LOGIN", "audit_id": "1796378400.123:456",
			"acct": "alice", "auid": "1000", "uid": "0", "ses": "3", "exe": "/usr/sbin/sshd", "hostname": "198.51.100.7",
			"addr": "203.0.113.9", "terminal": "ssh", "res": "failed", "op": "login", "pid": "1234"},
		{"time": "2026-12-04T10:00:01.000Z", "level": "none", "type": "SYSCALL", "audit_id": "1796378401.000:457",
			"node": "web1", "syscall": "59", "success": "yes", "comm": "curl", "exe": "/usr/bin/curl", "auid": "1000",
			"uid": "0", "ses": "3", "pid": "99", "key": "'=cmd|' /C calc'!A0"},
		{"time": "2026-12-04T10:00:02.000Z", "level": "warn", "type": "AVC", "type_num": "1400", "audit_id": "1796378402.000:458",
			"apparmor": "DENIED", "operation": "open", "profile": "/usr/bin/curl", "name": "/etc/shadow", "comm": "curl", "pid": "99"},
		{"time": "2026-12-04T10:00:03.000Z", "level": "warn", "type": "USER_AUTH", "audit_id": "1796378403.000:459",
			"acct": "'-bob@example.com", "exe": "'@evil", "hostname": "?", "addr": "2001:db8::1", "terminal": "'+ssh",
			"res": "failed", "op": "PAM:authentication", "auid": "4294967295", "uid": "0", "ses": "4294967295", "pid": "1"},
	}
	if len(rows) != len(entries) {
		t.Fatalf("%d rows for %d entries", len(rows), len(entries))
	}
	for i, w := range want {
		for _, col := range header {
			if rows[i][col] != w[col] {
				t.Errorf("Linux audit row %d: %s = %q, want %q", i, col, rows[i][col], w[col])
			}
		}
	}
	aqg := rows[len(rows)-1]
	if aqg["user_name"] != "alice@example.com" || aqg["client_ip"] != "2001:db8::7" || aqg["action"] != "login_attempt" ||
		aqg["access_granted"] != "false" || aqg["id"] != "6f1c0a39-5a43-4d8e-9a0e-1f6b3c2a7d10" {
		t.Errorf("AQtive Guard row lost its columns: %v", aqg)
	}
	for _, col := range linux {
		if aqg[col] != "" {
			t.Errorf("AQtive Guard row fills the Linux column %s with %q", col, aqg[col])
		}
	}
}

// In a CSV of several kinds the Linux audit columns join the union once
// each, audit rows fill them, and the other kinds' columns are theirs.
func TestCSVMixedKindsWithLinuxAudit(t *testing.T) {
	entries := append(mixedEntries(), linuxAuditEntries(t)[0])
	out := encode(t, entries, Options{Format: FormatCSV})
	header, rows := readCSV(t, out)
	seen := map[string]bool{}
	for _, h := range header {
		if seen[h] {
			t.Errorf("column %q appears twice", h)
		}
		seen[h] = true
	}
	for _, col := range []string{"type", "audit_id", "acct", "addr", "res", "apparmor"} {
		if !seen[col] {
			t.Errorf("no %s column in %v", col, header)
		}
	}
	last := rows[len(rows)-1]
	if last["kind"] != "audit" || last["acct"] != "alice" || last["addr"] != "203.0.113.9" || last["type"] != "USER_LOGIN" ||
		last["hostname"] != "198.51.100.7" {
		t.Errorf("Linux audit row = %v", last)
	}
	for i, e := range entries[:len(entries)-1] {
		if e.Kind != model.KindAudit && (rows[i]["acct"] != "" || rows[i]["type"] != "") {
			t.Errorf("%v row fills Linux audit columns: %v", e.Kind, rows[i])
		}
	}
}

// Redaction replaces, in the Linux audit columns as everywhere in the
// record, the account (a user name or an email) and the remote address and
// host; numbers (uids) stay, and a host name that is no address is kept.
func TestRedactLinuxAudit(t *testing.T) {
	secrets := []string{"alice", "198.51.100.7", "203.0.113.9", "bob@example.com", "2001:db8::1"}
	for _, f := range []Format{FormatCSV, FormatNDJSON, FormatRaw, FormatJournal} {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			out := encode(t, linuxAuditEntries(t), Options{Format: f, Redact: r, Kinds: []model.Kind{model.KindAudit}})
			for _, s := range secrets {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("%s survived redaction:\n%s", s, out)
				}
			}
			for _, p := range []string{r.pseudonym(classUser, "alice"), r.pseudonym(classIP, "198.51.100.7"),
				r.pseudonym(classIP, "203.0.113.9"), r.pseudonym(classEmail, "-bob@example.com"), r.pseudonym(classIP, "2001:db8::1")} {
				if !bytes.Contains(out, []byte(p)) {
					t.Errorf("no %s in the redacted export:\n%s", p, out)
				}
			}
		})
	}
	r := NewRedactor()
	_, rows := readCSV(t, encode(t, linuxAuditEntries(t), Options{Format: FormatCSV, Redact: r, Kinds: []model.Kind{model.KindAudit}}))
	if rows[0]["acct"] != r.pseudonym(classUser, "alice") || rows[0]["addr"] != r.pseudonym(classIP, "203.0.113.9") ||
		rows[0]["hostname"] != r.pseudonym(classIP, "198.51.100.7") || rows[0]["auid"] != "1000" || rows[3]["hostname"] != "?" {
		t.Errorf("redacted row = %v", rows[0])
	}
	got := r.Preview(linuxAuditEntries(t)[:1], nil, 10)
	want := []Change{
		{Class: "user", Where: "acct", Before: "alice", After: r.pseudonym(classUser, "alice")},
		{Class: "ip", Where: "hostname", Before: "198.51.100.7", After: r.pseudonym(classIP, "198.51.100.7")},
		{Class: "ip", Where: "addr", Before: "203.0.113.9", After: r.pseudonym(classIP, "203.0.113.9")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("preview %+v\nwant %+v", got, want)
	}
}
