package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"connlog/model"
	"connlog/model/query"
)

func TestRedactQuery(t *testing.T) {
	r := NewRedactor()
	email, ip := r.pseudonym(classEmail, "alice@example.com"), r.pseudonym(classIP, "99.230.219.196")
	tests := []struct {
		name, q, want string
		exact         bool
	}{
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
	}
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
	g := &recordGroup{r: r}
	if err := g.add(orig, func(e *model.Entry) error { red = *e; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := g.flush(func(e *model.Entry) error { red = *e; return nil }); err != nil {
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
	zr, err := gzip.NewReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	_, files := readTar(t, zr)
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
