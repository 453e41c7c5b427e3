package ui

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/payload"
)

// linuxAuditEntry parses one Linux audit line as connlog reads it.
func linuxAuditEntry(t *testing.T, line string) *model.Entry {
	t.Helper()
	rs := payload.Parse([]byte(line), nil)
	if len(rs) != 1 || rs[0].Kind != model.KindAudit {
		t.Fatalf("%q is not read as one audit record: %+v", line, rs)
	}
	return &model.Entry{Time: rs[0].Time, Level: rs[0].Level, Kind: model.KindAudit, Fields: rs[0].Fields, Raw: []byte(line)}
}

// The audit tab shows a Linux audit record's type, operation, account,
// outcome and address in the columns an AQtive Guard record fills with
// its own, and its program and object in the detail; "?" is no value.
func TestAuditTabCellsOfLinuxRecords(t *testing.T) {
	for _, c := range []struct {
		line                                      string
		typ, action, user, result, client, detail string
	}{
		{`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
			"USER_LOGIN", "login", "alice", "FAILED", "203.0.113.9", "/usr/sbin/sshd ssh"},
		{`type=SYSCALL msg=audit(1796378401.500:457): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=99 auid=0 uid=0 comm="curl" exe="/usr/bin/curl" key="net"`,
			"SYSCALL", "curl", "", "yes", "", "/usr/bin/curl key=net"},
		{`audit: type=1400 audit(1796378402.000:458): apparmor="DENIED" operation="open" profile="/usr/bin/curl" name="/etc/shadow" pid=99 comm="curl"`,
			"AVC", "open", "", "DENIED", "", "/etc/shadow"},
		{`type=USER_AUTH msg=audit(1796378403.000:459): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="?" exe="/usr/sbin/sshd" hostname=? addr=? terminal=ssh res=success'`,
			"USER_AUTH", "PAM:authentication", "", "success", "", "/usr/sbin/sshd ssh"},
	} {
		e := linuxAuditEntry(t, c.line)
		got := []string{auditTypeCell(e), auditActionCell(e), auditUserCell(e), auditResultCell(e), auditClientCell(e), auditDetailCell(e)}
		want := []string{c.typ, c.action, c.user, c.result, c.client, c.detail}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: column %d is %q, want %q", c.typ, i, got[i], want[i])
			}
		}
	}
}

// An AQtive Guard record keeps its own cells: a Linux record's fallbacks
// do not reach it.
func TestAuditTabCellsOfAQtiveGuardRecords(t *testing.T) {
	e := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{
		model.Str(model.KeyLogType, "auth"), model.Str(model.KeyAction, "login_attempt"),
		model.Str(model.KeyAuditUserName, "alice@example.com"), model.Str(model.KeyAccessGranted, "false"),
		model.Str(model.KeyAuditClientIP, "2001:db8::7"), model.Str("op", "not-this"), model.Str("exe", "/not/this")}}
	got := []string{auditTypeCell(e), auditActionCell(e), auditUserCell(e), auditResultCell(e), auditClientCell(e)}
	want := []string{"auth", "login_attempt", "alice@example.com", "DENIED", "2001:db8::7"}
	if strings.Join(got, "|") != strings.Join(want, "|") || strings.Contains(auditDetailCell(e), "/not/this") {
		t.Errorf("cells %q, detail %q; want %q and no Linux detail", got, auditDetailCell(e), want)
	}
}

// On screen, at 120 columns, the audit tab's row of a failed login says
// what it was, for whom, how it ended and from where.
func TestAuditTabShowsLinuxRecords(t *testing.T) {
	e := linuxAuditEntry(t, `type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`)
	e.Origin.Offset = -1
	st, _ := newFixtureStore(t, []model.Entry{*e})
	s := screen(drive(t, newTestModel(t, st, 120, 12), keys("4")...))
	for _, want := range []string{"USER_LOGIN", "login", "alice", "FAILED", "203.0.113.9", "/usr/sbin/sshd"} {
		if !strings.Contains(s, want) {
			t.Errorf("the audit tab does not show %q:\n%s", want, s)
		}
	}
}
