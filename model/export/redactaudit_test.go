package export

import (
	"bytes"
	"strings"
	"testing"

	"connlog/model"
)

// enrichedAuditLines are Linux audit records with the names auditd's
// enriched format (log_format=ENRICHED) appends for their ids, after the
// closing quote or after its separator (0x1D), and records of network
// events with addresses: an SSH login, a system call of bob's and its
// socket address, a file's owner, an AppArmor denial of a connection, a
// netfilter packet, and a service start by no login user.
var enrichedAuditLines = []string{
	`type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 auid=1000 ses=2 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=sshd res=failed'UID="root" AUID="alice"`,
	"type=SYSCALL msg=audit(1700000001.000:457): arch=c000003e syscall=42 success=yes exit=0 a0=3 a1=7ffd5a0c a2=10 a3=0 items=0 ppid=811 pid=812 " +
		`auid=1001 uid=1001 gid=1002 euid=1001 suid=1001 fsuid=1001 egid=1002 sgid=1002 fsgid=1002 tty=pts0 ses=5 comm="curl" exe="/usr/bin/curl" key="egress"` +
		"\x1dARCH=x86_64 SYSCALL=connect AUID=\"bob\" UID=\"bob\" GID=\"devops\" EUID=\"bob\" SUID=\"bob\" FSUID=\"bob\" EGID=\"devops\" SGID=\"devops\" FSGID=\"devops\"",
	"type=SOCKADDR msg=audit(1700000001.000:457): saddr=02000050C63364070000000000000000\x1dSADDR={ saddr_fam=inet laddr=198.51.100.7 lport=80 }",
	`type=PATH msg=audit(1700000002.000:458): item=0 name="/etc/ssh/sshd_config" inode=1234 dev=08:01 mode=0100600 ouid=1003 ogid=1003 rdev=00:00 nametype=NORMAL` +
		"\x1dOUID=\"carol\" OGID=\"carol\"",
	`audit: type=1400 audit(1700000003.000:459): apparmor="DENIED" operation="connect" profile="/usr/bin/curl" pid=812 comm="curl" family="inet" ` +
		`sock_type="stream" protocol=6 requested_mask="send connect" denied_mask="send connect" laddr=192.0.2.10 lport=41234 faddr=203.0.113.50 fport=443`,
	`type=NETFILTER_PKT msg=audit(1700000004.000:460): mark=0x0 saddr=203.0.113.77 daddr=192.0.2.20 proto=6`,
	`type=SERVICE_START msg=audit(1700000005.000:461): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=sshd comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success'` +
		"\x1dUID=\"root\" AUID=\"unset\"",
}

// Redaction replaces the user and group names of the enriched format as it
// replaces an account, each name by the pseudonym it has everywhere (the
// login's AUID is its acct's), and the addresses of network events as
// client addresses, in every format's fields and lines. auditd's "unset"
// (no login user) is no one's name and stays.
func TestRedactLinuxAuditEnriched(t *testing.T) {
	users := []string{"alice", "root", "bob", "devops", "carol"}
	ips := []string{"203.0.113.9", "198.51.100.7", "192.0.2.10", "203.0.113.50", "203.0.113.77", "192.0.2.20"}
	for _, f := range []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal} {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			out := encode(t, auditEntriesOf(t, enrichedAuditLines), Options{Format: f, Redact: r, Kinds: []model.Kind{model.KindAudit}})
			for _, u := range users {
				if bytes.Contains(out, []byte(`"`+u+`"`)) || bytes.Contains(out, []byte("="+u)) {
					t.Errorf("user %s survived redaction:\n%s", u, out)
				}
			}
			for _, ip := range ips {
				if bytes.Contains(out, []byte(ip)) {
					t.Errorf("address %s survived redaction:\n%s", ip, out)
				}
			}
			if f == FormatCSV || f == FormatText {
				return // neither a CSV column nor a text line shows these pairs
			}
			for _, p := range []string{r.pseudonym(classUser, "bob"), r.pseudonym(classUser, "devops"), r.pseudonym(classUser, "carol"),
				r.pseudonym(classIP, "198.51.100.7"), r.pseudonym(classIP, "203.0.113.50"), r.pseudonym(classIP, "192.0.2.20")} {
				if !bytes.Contains(out, []byte(p)) {
					t.Errorf("no %s in the redacted export:\n%s", p, out)
				}
			}
			if !bytes.Contains(out, []byte("unset")) {
				t.Errorf("AUID unset was replaced:\n%s", out)
			}
		})
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, encode(t, auditEntriesOf(t, enrichedAuditLines), Options{Format: FormatNDJSON, Redact: r}))
	field := func(row int, key string) string { return rows[row]["fields"].(map[string]any)[key].(string) }
	alice, bob, devops := r.pseudonym(classUser, "alice"), r.pseudonym(classUser, "bob"), r.pseudonym(classUser, "devops")
	for _, c := range []struct {
		row       int
		key, want string
	}{
		{0, "acct", alice}, {0, "AUID", alice}, {0, "UID", r.pseudonym(classUser, "root")},
		{1, "AUID", bob}, {1, "FSUID", bob}, {1, "GID", devops}, {1, "FSGID", devops}, {1, "uid", "1001"},
		{2, "laddr", r.pseudonym(classIP, "198.51.100.7")}, {2, "saddr", "02000050C63364070000000000000000"},
		{3, "OUID", r.pseudonym(classUser, "carol")}, {3, "OGID", r.pseudonym(classUser, "carol")},
		{4, "laddr", r.pseudonym(classIP, "192.0.2.10")}, {4, "faddr", r.pseudonym(classIP, "203.0.113.50")},
		{5, "saddr", r.pseudonym(classIP, "203.0.113.77")}, {5, "daddr", r.pseudonym(classIP, "192.0.2.20")},
		{6, "AUID", "unset"}, {6, "hostname", "?"},
	} {
		if got := field(c.row, c.key); got != c.want {
			t.Errorf("record %d: %s = %q, want %q", c.row, c.key, got, c.want)
		}
	}
}

// A record forwarded from another host names it in node=: an address is
// replaced, in the field and the line, as a host that is one is; a name
// stays, as hosts' names do.
func TestRedactLinuxAuditNode(t *testing.T) {
	lines := []string{
		`node=203.0.113.88 type=USER_LOGIN msg=audit(1700000007.000:463): pid=1 uid=0 msg='op=login acct="alice" res=success'`,
		`node=web1 type=USER_LOGIN msg=audit(1700000008.000:464): pid=1 uid=0 msg='op=login acct="alice" res=success'`,
	}
	r := NewRedactor()
	if out := encode(t, auditEntriesOf(t, lines), Options{Format: FormatRaw, Redact: r}); bytes.Contains(out, []byte("203.0.113.88")) || !bytes.Contains(out, []byte("node=web1 ")) {
		t.Errorf("raw:\n%s\nwant the address replaced and web1 kept", out)
	}
	rows := decodeNDJSON(t, encode(t, auditEntriesOf(t, lines), Options{Format: FormatNDJSON, Redact: r}))
	for i, want := range []string{r.pseudonym(classIP, "203.0.113.88"), "web1"} {
		if got := rows[i]["fields"].(map[string]any)[model.KeyAuditNode]; got != want {
			t.Errorf("record %d: node = %v, want %q", i, got, want)
		}
	}
}

// A user name too short to be replaced bare (carol) is replaced where it
// names a home directory, which says who the user is; elsewhere it is
// left (carol inside /home/carolyn, or the system user bin in /usr/bin).
// As every value, it is known from the record's own fields.
func TestRedactShortUserInHomePath(t *testing.T) {
	lines := []string{
		`type=PATH msg=audit(1700000009.000:465): item=0 name="/home/carol/.ssh/authorized_keys" inode=5 ouid=1003 nametype=NORMAL` +
			"\x1dOUID=\"carol\"",
		`type=EXECVE msg=audit(1700000010.000:466): argc=2 a0="cat" a1="/home/carol"` + "\x1dAUID=\"carol\" UID=\"bin\"",
		`type=PATH msg=audit(1700000011.000:467): item=0 name="/home/carolyn/notes" name2="/usr/bin/cat" inode=6 nametype=NORMAL` +
			"\x1dOUID=\"carol\"",
	}
	r := NewRedactor()
	out := string(encode(t, auditEntriesOf(t, lines), Options{Format: FormatRaw, Redact: r}))
	carol := r.pseudonym(classUser, "carol")
	for _, want := range []string{`/home/` + carol + `/.ssh/authorized_keys`, `a1="/home/` + carol + `"`, "/home/carolyn/notes", "/usr/bin/cat"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "/home/carol/") || strings.Contains(out, `"/home/carol"`) {
		t.Errorf("carol's home survived redaction:\n%s", out)
	}
}

// A Linux audit record's "?" is no account: it stays "?", where it was
// given a pseudonym as if it were a user's name.
func TestRedactLinuxAuditKeepsNoValue(t *testing.T) {
	line := `type=USER_AUTH msg=audit(1700000006.000:462): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="?" exe="/usr/sbin/sshd" hostname=? addr=? terminal=? res=failed'`
	r := NewRedactor()
	out := encode(t, auditEntriesOf(t, []string{line}), Options{Format: FormatRaw, Redact: r})
	if string(bytes.TrimSuffix(out, []byte("\n"))) != line {
		t.Errorf("redacted %s\nwant it unchanged", out)
	}
}
