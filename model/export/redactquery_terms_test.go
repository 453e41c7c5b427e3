package export

import (
	"encoding/hex"
	"strings"
	"testing"
)

// An audit event of carol's (its SYSCALL record names her, so its PATH and
// PROCTITLE records lose /home/carol), a later event that names no one (its
// PATH record loses /home/carol too: the export learned carol), a login of carol's from an address, and a
// login from a host with a name.
const (
	carolSyscall = "type=SYSCALL msg=audit(1700000010.000:500): arch=c000003e syscall=257 success=yes exit=3 items=1 ppid=1 pid=900 " +
		`auid=1003 uid=1003 gid=1003 euid=1003 comm="vim" exe="/usr/bin/vim" key=(null)` + "\x1dAUID=\"carol\" UID=\"carol\" GID=\"carol\" EUID=\"carol\""
	carolPath      = `type=PATH msg=audit(1700000010.000:500): item=0 name="/home/carol/x" inode=77 dev=08:01 mode=0100644 ouid=1003 ogid=1003 nametype=NORMAL`
	carolProctitle = `type=PROCTITLE msg=audit(1700000010.000:500): proctitle=76696D002F686F6D652F6361726F6C2F78` // vim\0/home/carol/x
	nobodysPath    = `type=PATH msg=audit(1700000011.000:501): item=0 name="/home/carol/x" inode=77 dev=08:01 mode=0100644 ouid=0 ogid=0 nametype=NORMAL`
	carolLogin     = `type=USER_LOGIN msg=audit(1700000012.000:502): pid=1 uid=0 auid=1000 ses=2 msg='op=login acct="carol" exe="/usr/sbin/sshd" hostname=10.1.2.3 addr=10.1.2.3 terminal=sshd res=failed'`
	namedHostLogin = `type=USER_LOGIN msg=audit(1700000013.000:503): pid=1 uid=0 auid=1000 ses=2 msg='op=login acct="dave" exe="/usr/sbin/sshd" hostname=inside addr=? terminal=sshd res=failed'`
)

// A term of a redacted bundle's query that holds no personal data of its
// own follows the records: written as the records rewrote its value when
// they did (a path of carol's that her event's records rewrote, the
// PROCTITLE's hex encoded again, the word carol that the records replaced
// where quoted or in a home directory), so that reopen selects in raw.log
// the entries the query selected in the source; and where no writing of it
// can (some records rewrote it and others kept it, a pattern now matches a
// pseudonym), the manifest's note names the term and what it gains or
// loses.
func TestRedactedBundleQueryTermsFollowTheRecords(t *testing.T) {
	carolEvent := []string{carolSyscall, carolPath, carolProctitle}
	tests := []struct {
		name  string
		lines []string
		q     string
		want  func(r *Redactor) string
		note  string // what the note says of the term, "" when exact
	}{
		{"a path the event's records rewrote", append(carolEvent, namedHostLogin), "name:/home/carol/x",
			func(r *Redactor) string { return "name:/home/" + r.pseudonym(classUser, "carol") + "/x" }, ""},
		{"a quoted path", carolEvent, `name:"/home/carol/x" or acct:dave`,
			func(r *Redactor) string {
				return `name:"/home/` + r.pseudonym(classUser, "carol") + `/x" or acct:` + r.pseudonym(classUser, "dave")
			}, ""},
		{"a command line in hex", carolEvent, "proctitle:76696D002F686F6D652F6361726F6C2F78",
			func(r *Redactor) string {
				return "proctitle:" + strings.ToUpper(hex.EncodeToString([]byte("vim\x00/home/"+r.pseudonym(classUser, "carol")+"/x")))
			}, ""},
		{"a user name as a word", append(carolEvent, carolLogin), "carol",
			func(r *Redactor) string { return r.pseudonym(classUser, "carol") }, ""},
		{"a path of carol's in a record that does not name her", append(carolEvent, nobodysPath), "name:/home/carol/x",
			func(r *Redactor) string { return "name:/home/" + r.pseudonym(classUser, "carol") + "/x" }, ""},
		{"a word of carol's in a record that does not name her", append(carolEvent, nobodysPath), "carol and type:PATH",
			func(r *Redactor) string { return r.pseudonym(classUser, "carol") + " and type:PATH" }, ""},
		{"a pattern that matches pseudonyms", []string{carolLogin, namedHostLogin}, "hostname:i*",
			func(*Redactor) string { return "hostname:i*" }, "hostname:i* (matches 1 entry it did not, misses 0 it did)"},
		{"a term no record rewrote", append(carolEvent, namedHostLogin), "name:/etc/passwd or exe:/usr/sbin/sshd",
			func(*Redactor) string { return "name:/etc/passwd or exe:/usr/sbin/sshd" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := reopenBundle(t, tt.lines, tt.q, tt.want)
			if tt.note != "" {
				if b.before == b.after || !strings.Contains(b.note, "redaction changed what these terms of the query match") ||
					!strings.Contains(b.note, tt.note) {
					t.Errorf("%q selects %q of the source, %q of raw.log; note %q, want it to say %q", tt.q, b.before, b.after, b.note, tt.note)
				}
				return
			}
			if b.before == "" || b.after != b.before || strings.Contains(b.note, "selects other entries") {
				t.Errorf("%q selects %q of the source; %q selects %q of raw.log; note %q:\n%s", tt.q, b.before, b.query, b.after, b.note, strings.Join(b.raw, "\n"))
			}
		})
	}
}

// A query with more terms than are followed (the filter the compare view
// makes has about 24) is not said to select other entries for the terms
// past them: the note says they were not checked, and only when there are
// such terms.
func TestRedactedBundleQuerySaysWhichTermsWentUnchecked(t *testing.T) {
	for _, n := range []int{24, maxFollowedTerms + 2} {
		terms := []string{"exe:/usr/sbin/sshd"}
		for i := 1; i < n; i++ {
			terms = append(terms, "name:/etc/x"+strings.Repeat("y", i))
		}
		q := strings.Join(terms, " or ")
		b := reopenBundle(t, []string{carolLogin, namedHostLogin}, q, func(*Redactor) string { return q })
		unchecked := strings.Contains(b.note, "terms were not checked against the redaction (past its first 32)")
		if b.before == "" || b.after != b.before || strings.Contains(b.note, "redaction changed what these terms") ||
			unchecked != (n > maxFollowedTerms) || unchecked && !strings.Contains(b.note, "query's last 2 terms") {
			t.Errorf("%d terms: the note %q", n, b.note)
		}
	}
}
