package triage

import (
	"reflect"
	"testing"

	"connlog/model"
)

// linuxAuditLines are Linux audit records of every outcome, as audit.log
// and the kernel write them.
var linuxAuditLines = []string{
	`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
	`type=USER_AUTH msg=audit(1796378401.000:457): pid=1235 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=? acct="alice" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed'`,
	`type=USER_LOGIN msg=audit(1796378402.000:458): pid=1236 uid=0 auid=1000 ses=3 msg='op=login id=1000 exe="/usr/sbin/sshd" hostname=? addr=198.51.100.7 terminal=/dev/pts/0 res=success'`,
	`type=SERVICE_START msg=audit(1796378403.000:459): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=cron comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success'`,
	`type=SYSCALL msg=audit(1796378404.000:460): arch=c000003e syscall=2 success=no exit=-2 pid=99 auid=1000 comm="cat" key="watch"`,
	`audit: type=1400 audit(1796378405.000:461): apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl" requested_mask="r" denied_mask="r" fsuid=0 ouid=0`,
	`audit: type=1400 audit(1796378406.000:462): apparmor="ALLOWED" operation="open" profile="snap.curl.curl" name="/etc/hosts" pid=99 comm="curl"`,
	`type=AVC msg=audit(1796378407.000:463): avc:  denied  { read } for  pid=99 comm="httpd" name="shadow" scontext=system_u:system_r:httpd_t:s0 tclass=file permissive=0`,
	`type=AVC msg=audit(1796378408.000:464): avc:  granted  { setenforce } for  pid=1 comm="load_policy" scontext=system_u:system_r:init_t:s0 tclass=security`,
}

func linuxAuditEntries(t *testing.T) []model.Entry {
	t.Helper()
	var lines [][]byte
	for _, l := range linuxAuditLines {
		lines = append(lines, []byte(l+"\n"))
	}
	es := decodeLines(lines, false)
	for i := range es {
		if es[i].Kind != model.KindAudit {
			t.Fatalf("line %d is %v, not an audit record", i+1, es[i].Kind)
		}
	}
	return es
}

// A Linux audit record counts where the other kinds' failures and
// denials do: a failed result (a login, an authentication) is a failure
// without a reason, a denial by AppArmor or SELinux is a denial of its
// object (a file, not a resource); its account is a user and its remote
// address a client. A
// failed system call is neither, nor is a decision that allowed.
func TestLinuxAuditFailuresAndDenials(t *testing.T) {
	tr := New(Options{})
	tr.Add(linuxAuditEntries(t))
	r := tr.Report(ReportOptions{Top: 100})
	values := func(vs []Value) map[string]int64 {
		m := map[string]int64{}
		for _, v := range vs {
			m[v.Value] = v.Count
		}
		return m
	}
	for _, c := range []struct {
		table string
		got   []Value
		want  map[string]int64
	}{
		{"failures", r.Top.Failures, map[string]int64{NoReason: 2}},
		{"denied", r.Top.Denied, map[string]int64{"(unknown user) → /etc/shadow": 1, "(unknown user) → shadow": 1}},
		{"users", r.Top.Users, map[string]int64{"alice": 2}},
		{"ips", r.Top.IPs, map[string]int64{"203.0.113.9": 2, "198.51.100.7": 1}},
		{"resources", r.Top.Resources, map[string]int64{}},
	} {
		if got := values(c.got); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %v, want %v", c.table, got, c.want)
		}
	}
	var failed, denied int64
	for _, b := range r.Histogram {
		failed, denied = failed+b.Failed, denied+b.Denied
	}
	if failed != 2 || denied != 2 {
		t.Errorf("timeline marks %d failed, %d denied; want 2 and 2", failed, denied)
	}
}

// The timeline marks a Linux audit record from its indexed fields alone,
// which leave its message out: an SELinux denial is known by its level.
func TestLinuxAuditMarksWithoutMessage(t *testing.T) {
	es := linuxAuditEntries(t)
	want := [][2]bool{{true, false}, {true, false}, {}, {}, {}, {false, true}, {}, {false, true}, {}}
	for i := range es {
		var fs model.Fields
		for _, f := range es[i].Fields {
			if f.Key != model.KeyMessage {
				fs = append(fs, f)
			}
		}
		failed, denied := Marks(es[i].Kind, es[i].Level, fs)
		if [2]bool{failed, denied} != want[i] {
			t.Errorf("line %d: failed %v denied %v; want %v", i+1, failed, denied, want[i])
		}
	}
}
