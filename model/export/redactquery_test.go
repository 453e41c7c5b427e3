package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/query"
)

func TestRedactQuery(t *testing.T) {
	r := NewRedactor()
	email, ip := r.pseudonym(classEmail, "alice@example.com"), r.pseudonym(classIP, "99.230.219.196")
	checkRedactQuery(t, r, []queryCase{
		{"email and client ip", "user=Alice@Example.com ip=99.230.219.196", "user=" + email + " ip=" + ip, true},
		{"quoted value", `user="alice@example.com"`, "user=" + email, true},
		{"ip with a port", "ip:99.230.219.196:443", "ip:" + ip + ":443", true},
		{"user id", "user=113256", "user=" + r.pseudonym(classUser, "113256"), true},
		{"device id", ".device.id=200903", ".device.id=" + r.pseudonym(classDevice, "200903"), true},
		{"word and phrase", `99.230.219.196 "from alice@example.com"`, ip + ` "from ` + email + `"`, true},
		{"resource address kept", "resource=10.0.0.5 port=443", "resource=10.0.0.5 port=443", true},
		{"email in any field", "message:alice@example.com", "message:" + email, true},
		{"times kept", "since:08:00:30 until:2026-02-10T08:00:00Z level>=warn", "since:08:00:30 until:2026-02-10T08:00:00Z level>=warn", true},
		{"pattern blanked", "user:alice* or ip:99.230.*", "user:redacted or ip:redacted", false},
		{"a query that does not parse", "usr=alice@example.com (99.230.219.196", "usr=" + email + " (" + ip, true},
		{"no address inside a word", "x99.230.219.196 v1.2.3.4", "x99.230.219.196 v1.2.3.4", true},
		{"regex of an email or address blanked", `/anna@example\.com/ or /99\.230\.219\.196/ level>=warn`, "/redacted/ or /redacted/ level>=warn", false},
		{"regex with an escaped slash blanked whole", `/to\/anna@example\.com/`, "/redacted/", false},
		{"regex of neither kept", `/relay[0-9]+\/x/ /a\.b/`, `/relay[0-9]+\/x/ /a\.b/`, true},
	})
}

// queryCase is a query and what redactQuery must make of it: want, and
// whether it still selects the entries it did (exact).
type queryCase struct {
	name, q, want string
	exact         bool
}

func checkRedactQuery(t *testing.T, r *Redactor, tests []queryCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, exact := redactQuery(r, tt.q)
			if got != tt.want || exact != tt.exact {
				t.Errorf("redactQuery(%q) = %q, %v\nwant %q, %v", tt.q, got, exact, tt.want, tt.exact)
			}
		})
	}
}

// The query of a redacted export, redacted, selects the redacted entry as
// the original query selected the original: reopen works on raw.log.
func TestRedactedQuerySelectsTheRedactedEntries(t *testing.T) {
	r := NewRedactor()
	orig := analyticsEntry()
	var red model.Entry
	g := serialGroup(r, func(e *model.Entry) error { red = *e; return nil })
	if err := g.add(orig); err != nil {
		t.Fatal(err)
	}
	if err := g.flush(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"user=user@twingate.com ip=192.0.2.0", "user=113256", `"user@twingate.com"`, "ip:192.0.2.0 resource=1.2.3.4"} {
		for _, c := range []struct {
			q string
			e *model.Entry
		}{{q, orig}, {mustRedactQuery(t, r, q), &red}} {
			cq, err := query.Compile(c.q, query.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !cq.Match(c.e) {
				t.Errorf("%q does not select its entry", c.q)
			}
		}
	}
}

func mustRedactQuery(t *testing.T, r *Redactor, q string) string {
	t.Helper()
	out, exact := redactQuery(r, q)
	if !exact {
		t.Fatalf("redactQuery(%q) is not exact", q)
	}
	return out
}

// A redacted bundle's manifest holds none of the personal data its members
// lose, in the query, the reopen command or the muted templates.
func TestRedactedBundleManifestGivesNothingAway(t *testing.T) {
	opts := bundleOptions(t.TempDir())
	opts.Redact = NewRedactor()
	opts.Bundle.Query = "user=user@twingate.com ip=192.0.2.0"
	opts.Bundle.Muted = []string{"login from user@twingate.com at 192.0.2.0"}
	out := encode(t, []*model.Entry{analyticsEntry()}, opts)
	files := gzipBundleFiles(t, out)
	man := files["manifest.json"]
	for _, secret := range []string{"user@twingate.com", "192.0.2.0"} {
		if bytes.Contains(man, []byte(secret)) {
			t.Errorf("manifest holds %s:\n%s", secret, man)
		}
	}
	var m struct{ Query, Reopen, Note string }
	if err := json.Unmarshal(man, &m); err != nil {
		t.Fatal(err)
	}
	want := mustRedactQuery(t, opts.Redact, opts.Bundle.Query)
	if m.Query != want || !strings.Contains(m.Reopen, want) || !strings.Contains(m.Note, "query") {
		t.Errorf("query %q, reopen %q, note %q; want the query %q", m.Query, m.Reopen, m.Note, want)
	}
	if opts.Bundle.Muted[0] != "login from user@twingate.com at 192.0.2.0" {
		t.Error("the caller's muted templates were changed")
	}
}

// A query on a Linux audit record's own keys is redacted as the records
// are: a user or group name, and a remote address, becomes the pseudonym
// the members give it, a pattern on one is blanked, and auditd's "?" and
// "unset" stay. hostname is also the machine's own name in other kinds:
// only an address, or a pattern on one, is personal there.
func TestRedactQueryLinuxAuditKeys(t *testing.T) {
	r := NewRedactor()
	user := func(v string) string { return r.pseudonym(classUser, v) }
	ip := func(v string) string { return r.pseudonym(classIP, v) }
	email := r.pseudonym(classEmail, "alice@example.com")
	checkRedactQuery(t, r, []queryCase{
		{"account", "acct:alice", "acct:" + user("alice"), true},
		{"quoted account", `acct="alice"`, "acct=" + user("alice"), true},
		{"enriched login name", "AUID:bob", "AUID:" + user("bob"), true},
		{"enriched ids by their exact names", ".UID=root .GID:devops .OUID:carol", ".UID=" + user("root") + " .GID:" + user("devops") + " .OUID:" + user("carol"), true},
		{"remote address", "addr:203.0.113.9", "addr:" + ip("203.0.113.9"), true},
		{"network addresses", "laddr:198.51.100.7 faddr:203.0.113.50 saddr=203.0.113.77 .daddr:192.0.2.20",
			"laddr:" + ip("198.51.100.7") + " faddr:" + ip("203.0.113.50") + " saddr=" + ip("203.0.113.77") + " .daddr:" + ip("192.0.2.20"), true},
		{"hostname that is an address", "hostname:203.0.113.9", "hostname:" + ip("203.0.113.9"), true},
		{"host that is an address", "host:203.0.113.9", "host:" + ip("203.0.113.9"), true},
		{"account pattern blanked", "acct:ali* and AUID:b*", "acct:redacted and AUID:redacted", false},
		{"address pattern blanked", "addr:203.0.113.* or laddr>198.51.100.0", "addr:redacted or laddr>redacted", false},
		{"hostname pattern on an address blanked", "hostname:203.0.* or host:*:db8:*", "hostname:redacted or host:redacted", false},
		{"host and hostname names kept", "host:gw* hostname:gw1 host:db1.* hostname:analyzer-1", "host:gw* hostname:gw1 host:db1.* hostname:analyzer-1", true},
		{"no-value markers kept", "acct:? AUID:unset addr:? hostname:? user:unset", "acct:? AUID:unset addr:? hostname:? user:unset", true},
		{"email in a hostname or an address field", "hostname:alice@example.com addr:alice@example.com ip:alice@example.com",
			"hostname:" + email + " addr:" + email + " ip:" + email, true},
		{"other audit keys kept", "res:failed exe:/usr/sbin/sshd uid=1001", "res:failed exe:/usr/sbin/sshd uid=1001", true},
	})
}

// A redacted bundle of Linux audit records names, in its manifest's query,
// the pseudonyms its raw.log holds for the same names and addresses, and
// the query selects there the records it selected in the source.
func TestRedactedBundleAuditQueryHoldsTheMembersPseudonyms(t *testing.T) {
	const q = "acct:alice or AUID:bob or laddr:198.51.100.7 or addr:203.0.113.9"
	opts := bundleOptions(t.TempDir())
	opts.Redact, opts.Bundle.Query = NewRedactor(), q
	entries := auditEntriesOf(t, enrichedAuditLines)
	out := encode(t, entries, opts)
	files := gzipBundleFiles(t, out)
	var m testManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"alice", "bob", "198.51.100.7", "203.0.113.9"} {
		if strings.Contains(m.Query, secret) {
			t.Errorf("manifest query %q holds %s", m.Query, secret)
		}
	}
	raw := string(files["raw.log"])
	for _, p := range []string{opts.Redact.pseudonym(classUser, "alice"), opts.Redact.pseudonym(classUser, "bob"),
		opts.Redact.pseudonym(classIP, "198.51.100.7"), opts.Redact.pseudonym(classIP, "203.0.113.9")} {
		if !strings.Contains(m.Query, p) || !strings.Contains(raw, p) {
			t.Errorf("pseudonym %s: in the query %q %v, in raw.log %v", p, m.Query, strings.Contains(m.Query, p), strings.Contains(raw, p))
		}
	}
	before, after := matching(t, q, entries), matching(t, m.Query, auditEntriesOf(t, strings.Split(strings.TrimSuffix(raw, "\n"), "\n")))
	if before != "0 1 2" || after != before {
		t.Errorf("the query selects records %q of the source and %q of raw.log; want 0 1 2 of both", before, after)
	}
}

// matching returns the indexes of the entries q selects.
func matching(t *testing.T, q string, entries []*model.Entry) string {
	t.Helper()
	cq, err := query.Compile(q, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var idx []string
	for i, e := range entries {
		if cq.Match(e) {
			idx = append(idx, strconv.Itoa(i))
		}
	}
	return strings.Join(idx, " ")
}

// The query of a bundle names an id by any spelling of its number
// (user.id:113256.0): it gets the pseudonym of the id, and is no longer
// said to select what it did (a field holding the text "113256" is now
// selected too).
func TestAQueryNamesAnIDByAnySpellingOfItsNumber(t *testing.T) {
	r := NewRedactor()
	user, dev := r.pseudonym(classUser, "113256"), r.pseudonym(classDevice, "200903")
	checkRedactQuery(t, r, []queryCase{
		{"a point", "user.id:113256.0", "user.id:" + user, false},
		{"an exponent", "user.id:1.13256e5 device.id:200903.00", "user.id:" + user + " device.id:" + dev, false},
		{"quoted", `user="113256.0"`, "user=" + user, false},
		{"as digits", "user.id:113256", "user.id:" + user, true},
	})
}
