package payload

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// Linux audit records as auditd, audisp's syslog plugin and the kernel
// write them; the stamp is 2026-12-04T10:00:00.123Z.
func TestParseAuditd(t *testing.T) {
	at := rfc(t, "2026-12-04T10:00:00.123Z")
	runTable(t, []tableCase{
		{"user login failed, pairs inside msg='…'",
			`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{
				model.KeyAuditType: "USER_LOGIN", model.KeyAuditEvent: "1796378400.123:456", model.KeyPID: "1234", "uid": "0",
				"auid": "1000", "ses": "3", "op": "login", "acct": "alice", "exe": "/usr/sbin/sshd", model.KeyHostname: "?",
				"addr": "203.0.113.9", "terminal": "ssh", "res": "failed"},
				absent: []string{"msg", model.KeyMessage}}},
		{"user login succeeded has no level",
			`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=1000 ses=3 msg='op=login id=1000 exe="/usr/sbin/sshd" hostname=host1 addr=203.0.113.9 terminal=/dev/pts/0 res=success'`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{"res": "success", "terminal": "/dev/pts/0"}}},
		{"syscall, hex value left as is",
			`type=SYSCALL msg=audit(1796378400.123:457): arch=c000003e syscall=59 success=yes exit=0 a0=55d5c1 items=2 ppid=1 pid=99 auid=1000 uid=0 tty=pts0 ses=3 comm="curl" exe="/usr/bin/curl" key="net"`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "SYSCALL", "arch": "c000003e",
				"syscall": "59", "success": "yes", "comm": "curl", "exe": "/usr/bin/curl", "key": "net", "a0": "55d5c1"}}},
		{"syscall failed", `type=SYSCALL msg=audit(1796378400.123:458): arch=c000003e syscall=2 success=no exit=-13 comm="cat" key=(null)`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{"success": "no", "exit": "-13", "key": "(null)"}}},
		{"node prefix", `node=host1 type=EXECVE msg=audit(1796378400.123:457): argc=2 a0="curl" a1=68747470733A2F2F6578616D706C652E636F6D`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditNode: "host1", model.KeyAuditType: "EXECVE",
				"a0": "curl", "a1": "68747470733A2F2F6578616D706C652E636F6D"}}},
		{"proctitle hex", `type=PROCTITLE msg=audit(1796378400.123:457): proctitle=6375726C0068747470733A2F2F6578616D706C652E636F6D`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{"proctitle": "6375726C0068747470733A2F2F6578616D706C652E636F6D"}}},
		{"kernel apparmor denial", `audit: type=1400 audit(1796378400.123:456): apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl" requested_mask="r" denied_mask="r" fsuid=0 ouid=0`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{model.KeyAuditType: "AVC",
				model.KeyAuditTypeNum: "1400", "apparmor": "DENIED", "operation": "open", "profile": "snap.curl.curl", "name": "/etc/shadow", "denied_mask": "r"}}},
		{"kernel line with its uptime", `[ 1234.567890] audit: type=1400 audit(1796378400.123:459): apparmor="ALLOWED" operation="open" pid=99`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "AVC", model.KeyAuditTypeNum: "1400", "apparmor": "ALLOWED"}}},
		{"kernel numeric types by their names", `audit: type=1326 audit(1796378400.123:465): auid=1000 uid=0 ses=3 pid=99 comm="curl" sig=31 syscall=41`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "SECCOMP", model.KeyAuditTypeNum: "1326"}}},
		{"apparmor's own range", `audit: type=1505 audit(1796378400.123:466): apparmor="STATUS" operation="profile_load" name="snap.curl"`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "APPARMOR_STATUS", model.KeyAuditTypeNum: "1505"}}},
		{"an unknown number is kept as the type", `audit: type=1999 audit(1796378400.123:467): op=x`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "1999", model.KeyAuditTypeNum: "1999"}}},
		{"a named type has no number", `type=SERVICE_START msg=audit(1796378400.123:468): pid=1 unit=sshd res=success`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "SERVICE_START"},
				absent: []string{model.KeyAuditTypeNum}}},
		{"a type of digits too long for a number is kept", `audit: type=140000000000000000000 audit(1796378400.123:469): op=x`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{model.KeyAuditType: "140000000000000000000"},
				absent: []string{model.KeyAuditTypeNum}}},
		{"selinux avc words are the message", `type=AVC msg=audit(1796378400.123:460): avc:  denied  { read } for  pid=99 comm="curl" name="shadow" scontext=system_u:system_r:httpd_t:s0 tclass=file permissive=0`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{
				model.KeyMessage: "avc: denied { read } for", "scontext": "system_u:system_r:httpd_t:s0", "tclass": "file"}}},
		{"enriched fields after the group separator", "type=USER_AUTH msg=audit(1796378400.123:461): pid=1 uid=0 msg='op=PAM:authentication acct=\"alice\" res=success'\x1dUID=\"root\" AUID=\"alice\"",
			want{kind: model.KindAudit, time: at, fields: map[string]string{"res": "success", "UID": "root", "AUID": "alice"}}},
		{"enriched fields after the separator as rsyslog escapes it", "type=USER_AUTH msg=audit(1796378400.123:461): pid=1 uid=0 msg='op=PAM:authentication acct=\"alice\" res=failed'#035UID=\"root\" AUID=\"alice\"",
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{"res": "failed", "UID": "root", "AUID": "alice"},
				absent: []string{"#035UID"}}},
		{"rsyslog's separator after an unquoted value", "type=SYSCALL msg=audit(1796378400.123:470): arch=c000003e syscall=257 success=yes exit=3 key=(null)#035ARCH=x86_64 SYSCALL=openat AUID=\"unset\" UID=\"root\"",
			want{kind: model.KindAudit, time: at, fields: map[string]string{"key": "(null)", "ARCH": "x86_64", "SYSCALL": "openat", "AUID": "unset", "UID": "root"}}},
		{"a socket address spelt out in braces gives its pairs, no words", "type=SOCKADDR msg=audit(1796378400.123:471): saddr=02000050C63364070000000000000000\x1dSADDR={ saddr_fam=inet laddr=198.51.100.7 lport=80 }",
			want{kind: model.KindAudit, time: at, fields: map[string]string{"saddr_fam": "inet", "laddr": "198.51.100.7", "lport": "80"},
				absent: []string{"SADDR", model.KeyMessage}}},
		{"an unclosed brace keeps the pairs after it", "type=SOCKADDR msg=audit(1796378400.123:472): saddr=01\x1dSADDR={ saddr_fam=local path=/run/x",
			want{kind: model.KindAudit, time: at, fields: map[string]string{"saddr_fam": "local", "path": "/run/x"}}},
		{"empty value and trailing CR", "type=CONFIG_CHANGE msg=audit(1796378400.123:462): op=set audit_enabled=1 old= res=0\r",
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{"old": "", "res": "0"}}},
		{"unterminated msg quote keeps what was read", `type=USER_CMD msg=audit(1796378400.123:463): pid=5 msg='cwd="/root" cmd=6C73 res=success`,
			want{kind: model.KindAudit, time: at, fields: map[string]string{"cwd": "/root", "cmd": "6C73", "res": "success"},
				errHas: "closing quote"}},
		{"a stamp before the clock was set gives no time", `type=DAEMON_START msg=audit(12.000:1): op=start ver=3.0.9 res=success`,
			want{kind: model.KindAudit, fields: map[string]string{model.KeyAuditEvent: "12.000:1"}}},
		{"a stamp years ahead gives no time", `type=DAEMON_START msg=audit(99999999999.000:1): op=start res=success`,
			want{kind: model.KindAudit, fields: map[string]string{model.KeyAuditEvent: "99999999999.000:1"}}},
		{"a value without a key is a word", `type=USER_ERR msg=audit(1796378400.123:464): =oops pid=5 ="a b" res=failed`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: at, fields: map[string]string{
				model.KeyMessage: "=oops =\"a b\"", "pid": "5", "res": "failed"}}},
		{"no stamp is text", `type=USER_LOGIN pid=1 res=failed`,
			want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `type=USER_LOGIN pid=1 res=failed`}}},
		{"broken stamp is text", `type=X msg=audit(abc:1): a=b`,
			want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `type=X msg=audit(abc:1): a=b`}}},
		{"kernel audit line without a stamp is text", `audit: audit_backlog=65 > audit_backlog_limit=64`,
			want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `audit: audit_backlog=65 > audit_backlog_limit=64`}}},
		{"a sentence about audit is text", `node=x is not a record`,
			want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `node=x is not a record`}}},
	})
}

// Hostile content stays in its field, inert; nothing is lost or panics.
func TestParseAuditdHostile(t *testing.T) {
	line := "type=USER_LOGIN msg=audit(1796378400.123:456): msg='acct=\"\x1b[31mroot\u202e\" exe=\"/bin/sh\" res=failed' extra=\x00"
	r := parseOne(t, line)
	check(t, r, want{kind: model.KindAudit, level: model.LevelWarn, time: rfc(t, "2026-12-04T10:00:00.123Z"),
		fields: map[string]string{"acct": "root\u202e", "extra": "\x00"}}) // colour codes are removed from every payload
}

// A stamp a little ahead of now (a clock running fast) is kept.
func TestParseAuditdNearFuture(t *testing.T) {
	soon := time.Now().Add(30 * 24 * time.Hour).Truncate(time.Second).UTC()
	line := "type=LOGIN msg=audit(" + itoa(soon.Unix()) + ".000:7): pid=1 res=1"
	check(t, parseOne(t, line), want{kind: model.KindAudit, time: soon, fields: map[string]string{"res": "1"}})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// A record as journald's audit transport stores it: the type's name, then
// the pairs, the same fields as audit.log's form, no time of its own.
func TestParseJournalAudit(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		claimed    bool
		level      model.Level
		fields     map[string]string
	}{
		{"user login failed", `USER_LOGIN pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
			true, model.LevelWarn, map[string]string{model.KeyAuditType: "USER_LOGIN", "acct": "alice", "addr": "203.0.113.9", model.KeyHostname: "?", "res": "failed", "auid": "1000"}},
		{"apparmor denial", `AVC apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl"`,
			true, model.LevelWarn, map[string]string{model.KeyAuditType: "AVC", "apparmor": "DENIED", "name": "/etc/shadow"}},
		{"selinux words are the message", `AVC avc:  denied  { read } for  pid=99 comm="curl" tclass=file permissive=0`,
			true, model.LevelWarn, map[string]string{model.KeyMessage: "avc: denied { read } for", "tclass": "file"}},
		{"journald's name for an unnamed type", `AUDIT1400 apparmor="ALLOWED" operation="open"`,
			true, model.LevelNone, map[string]string{model.KeyAuditType: "AVC", model.KeyAuditTypeNum: "1400", "apparmor": "ALLOWED"}},
		{"service start succeeded, trailing CR", "SERVICE_START pid=1 uid=0 msg='unit=sshd comm=\"systemd\" res=success'\r",
			true, model.LevelNone, map[string]string{model.KeyAuditType: "SERVICE_START", "unit": "sshd", "res": "success"}},
		{"a type alone", `USER_LOGIN`, false, 0, nil},
		{"a type and words only", `USER_LOGIN failed for alice`, false, 0, nil},
		{"a sentence", `Started Session 3 of user alice.`, false, 0, nil},
		{"lower case", `user_login pid=1`, false, 0, nil},
		{"a type too long", strings.Repeat("A", 41) + " pid=1", false, 0, nil},
		{"no blank after the type", `USER_LOGIN=x pid=1`, false, 0, nil},
		{"empty", ``, false, 0, nil},
		{"hostile value stays in its field", "USER_CMD pid=1 msg='cmd=\"\x1b]52;c;x\x07\u202e\" res=failed'",
			true, model.LevelWarn, map[string]string{"cmd": "\x1b]52;c;x\x07\u202e"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, ok := ParseJournalAudit([]byte(tc.line), "", nil)
			if ok != tc.claimed || len(rs) != map[bool]int{true: 1, false: 0}[tc.claimed] {
				t.Fatalf("claimed %v with %d results; want %v", ok, len(rs), tc.claimed)
			}
			if !ok {
				return
			}
			r := rs[0]
			if r.Kind != model.KindAudit || r.Level != tc.level || !r.Time.IsZero() || !r.EnvelopeFirst {
				t.Errorf("kind %v level %v time %v envelope first %v; want audit %v, no time, envelope first", r.Kind, r.Level, r.Time, r.EnvelopeFirst, tc.level)
			}
			for k, v := range tc.fields {
				if got, found := r.Fields.Get(k); !found || got.Value != v {
					t.Errorf("%s = %q (found %v); want %q", k, got.Value, found, v)
				}
			}
			if got, found := r.Fields.Get(model.KeyAuditEvent); found {
				t.Errorf("audit_id %q without a stamp", got.Value)
			}
		})
	}
}

// A record journald stored and the same record in audit.log have the same
// fields, audit_id included: the journal's stamp, built from its
// _SOURCE_REALTIME_TIMESTAMP and _AUDIT_ID, is the one auditd writes, the
// milliseconds on three digits. So one event groups the same way, and a
// query on its audit_id finds it, whichever of the two was read.
func TestParseJournalAuditStampAsAuditd(t *testing.T) {
	for _, tc := range []struct{ sourceRealtime, serial, stamp, record string }{
		{"1796378400123000", "456", "1796378400.123:456",
			`USER_LOGIN pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`},
		{"1796378400007000", "9", "1796378400.007:9", `SYSCALL arch=c000003e syscall=59 success=yes exit=0 a0=55d1 items=2 ppid=1 pid=99 comm="curl" key="exec"`},
		{"1796378400000000", "4294967295", "1796378400.000:4294967295", `PROCTITLE proctitle=6375726C`},
		{"1796378400450000", "77", "1796378400.450:77", `AVC apparmor="DENIED" operation="open" name="/etc/shadow" pid=99 comm="curl"`},
	} {
		j := model.JournalFields{Transport: model.JournalAudit}
		j.SetAuditStamp([]byte(tc.sourceRealtime), []byte(tc.serial))
		if j.AuditStamp != tc.stamp {
			t.Errorf("stamp of %s, %s = %q; want %q", tc.sourceRealtime, tc.serial, j.AuditStamp, tc.stamp)
		}
		typ, rest, _ := strings.Cut(tc.record, " ")
		text := parseOne(t, "type="+typ+" msg=audit("+tc.stamp+"): "+rest)
		rs, ok := ParseJournalAudit([]byte(tc.record), j.AuditStamp, nil)
		if !ok {
			t.Fatalf("%s: not claimed", tc.record)
		}
		if !reflect.DeepEqual(rs[0].Fields, text.Fields) {
			t.Errorf("%s:\njournal fields %v\naudit.log's    %v", typ, rs[0].Fields, text.Fields)
		}
		if got := rs[0].Fields.Value(model.KeyAuditEvent); got != tc.stamp {
			t.Errorf("%s: audit_id %q; want %q", typ, got, tc.stamp)
		}
	}
}
