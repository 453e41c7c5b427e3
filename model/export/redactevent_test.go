package export

import (
	"encoding/hex"
	"strings"
	"testing"
)

// carolsEvent is one Linux audit event in auditd's enriched format: carol
// reads a file of her home. Only the SYSCALL record names her (AUID, UID);
// the EXECVE, CWD and PATH records name her home, and the PROCTITLE record
// her command line in hex: cat\0/home/carol/.ssh/authorized_keys. The file
// is root's, so the PATH record's own names are root's.
var carolsEvent = []string{
	`type=SYSCALL msg=audit(1796378400.123:456): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=7ffd1c2a3e10 a2=0 a3=0 items=1 ppid=2301 pid=2345 ` +
		`auid=1003 uid=1003 gid=1003 euid=1003 suid=1003 fsuid=1003 egid=1003 sgid=1003 fsgid=1003 tty=pts1 ses=7 comm="cat" exe="/usr/bin/cat" key="ssh-keys"` +
		"\x1dARCH=x86_64 SYSCALL=openat AUID=\"carol\" UID=\"carol\" GID=\"carol\" EUID=\"carol\" SUID=\"carol\" FSUID=\"carol\" EGID=\"carol\" SGID=\"carol\" FSGID=\"carol\"",
	`type=EXECVE msg=audit(1796378400.123:456): argc=2 a0="cat" a1="/home/carol/.ssh/authorized_keys"`,
	`type=CWD msg=audit(1796378400.123:456): cwd="/home/carol"`,
	`type=PATH msg=audit(1796378400.123:456): item=0 name="/home/carol/.ssh/authorized_keys" inode=393228 dev=fd:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0` +
		"\x1dOUID=\"root\" OGID=\"root\"",
	`type=PROCTITLE msg=audit(1796378400.123:456): proctitle=636174002F686F6D652F6361726F6C2F2E7373682F617574686F72697A65645F6B657973`,
}

// bobsEvent is another event, whose rule key is named after carol.
const bobsEvent = `type=SYSCALL msg=audit(1796378401.000:457): arch=c000003e syscall=59 success=yes exit=0 items=2 ppid=900 pid=901 auid=1001 uid=1001 tty=pts0 ses=5 comm="ls" exe="/usr/bin/ls" key="carol"` +
	"\x1dARCH=x86_64 SYSCALL=execve AUID=\"bob\" UID=\"bob\""

// An audit event's records after the one that names its user no longer
// name her: her home in an EXECVE argument, a CWD and a PATH name, and in
// the hex of the PROCTITLE, which stays valid hex of the redacted command
// line. Another event's record loses carol's name too where it is quoted
// (a rule key), as the export learned it is hers.
func TestRedactCarriesAnAuditEventsNames(t *testing.T) {
	r := NewRedactor()
	out := string(encode(t, auditEntriesOf(t, append(carolsEvent[:len(carolsEvent):len(carolsEvent)], bobsEvent)), Options{Format: FormatRaw, Redact: r}))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	carol := r.pseudonym(classUser, "carol")
	for i, want := range []string{`a1="/home/` + carol + `/.ssh/authorized_keys"`, `cwd="/home/` + carol + `"`, `name="/home/` + carol + `/.ssh/authorized_keys"`} {
		if !strings.Contains(lines[i+1], want) {
			t.Errorf("record %d: no %s in %s", i+1, want, lines[i+1])
		}
	}
	for _, l := range lines[:len(carolsEvent)] {
		if strings.Contains(l, "carol") {
			t.Errorf("carol survived in %s", l)
		}
	}
	title := lines[4][strings.Index(lines[4], "proctitle=")+len("proctitle="):]
	cmd, err := hex.DecodeString(title)
	if err != nil || string(cmd) != "cat\x00/home/"+carol+"/.ssh/authorized_keys" || strings.ToUpper(title) != title {
		t.Errorf("proctitle %s decodes to %q, %v; want the redacted command line in upper-case hex", title, cmd, err)
	}
	if !strings.Contains(lines[5], `key="`+carol+`"`) {
		t.Errorf("another event's record keeps carol's name, quoted, which the export learned: %s", lines[5])
	}
	rows := decodeNDJSON(t, encode(t, auditEntriesOf(t, carolsEvent), Options{Format: FormatNDJSON, Redact: r}))
	field := func(row int, key string) any { return rows[row]["fields"].(map[string]any)[key] }
	if name := field(3, "name"); name != "/home/"+carol+"/.ssh/authorized_keys" {
		t.Errorf("PATH name field = %v", name)
	}
	if pt := field(4, "proctitle"); pt != title {
		t.Errorf("PROCTITLE field = %v, want the raw line's %s", pt, title)
	}
}

// eventsBetween is how many other events come between records of one.
const eventsBetween = 8

// The records of an event interleaved with other events' still lose its
// names, however many events come between: the export learned them.
func TestRedactCarriesAnAuditEventAcrossInterleavedRecords(t *testing.T) {
	other := func(serial int) string {
		return `type=USER_END msg=audit(1796378402.000:` + strings.Repeat("9", serial) + `): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:session_close acct="?" res=success'`
	}
	var lines []string
	lines = append(lines, carolsEvent[0])
	for i := 1; i < eventsBetween; i++ {
		lines = append(lines, other(i))
	}
	lines = append(lines, carolsEvent[3])
	for i := 1; i <= eventsBetween; i++ {
		lines = append(lines, other(i+eventsBetween))
	}
	lines = append(lines, carolsEvent[1])
	r := NewRedactor()
	got := strings.Split(strings.TrimSuffix(string(encode(t, auditEntriesOf(t, lines), Options{Format: FormatRaw, Redact: r})), "\n"), "\n")
	if within := got[eventsBetween]; !strings.Contains(within, "/home/"+r.pseudonym(classUser, "carol")+"/") {
		t.Errorf("a record %d events later kept carol's home: %s", eventsBetween-1, within)
	}
	if past := got[len(got)-1]; !strings.Contains(past, "/home/"+r.pseudonym(classUser, "carol")+"/") {
		t.Errorf("a record %d events later kept carol's home: %s", 2*eventsBetween-1, past)
	}
}
