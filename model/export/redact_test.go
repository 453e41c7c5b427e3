package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"connlog/model"
)

var pseudonymRE = regexp.MustCompile(`^(user-[0-9a-f]{12}@redacted|ip-[0-9a-f]{12}|user-[0-9a-f]{12}|device-[0-9a-f]{12})$`)

func TestRedactAnalytics(t *testing.T) {
	r := NewRedactor()
	out := decodeNDJSON(t, encode(t, []*model.Entry{analyticsEntry()}, Options{Format: FormatNDJSON, Redact: r}))[0]
	fields := out["fields"].(map[string]any)
	conn := fields["connection"].(map[string]any)
	user := fields["user"].(map[string]any)
	tests := []struct {
		name, got, want string
	}{
		{"email", user["email"].(string), r.pseudonym(classEmail, "user@twingate.com")},
		{"user id", user["id"].(string), r.pseudonym(classUser, "113256")},
		{"device id", fields["device"].(map[string]any)["id"].(string), r.pseudonym(classDevice, "200903")},
		{"client ip", conn["client_ip"].(string), r.pseudonym(classIP, "192.0.2.0")},
		{"resource ip kept", conn["resource_ip"].(string), "1.2.3.4"},
		{"connector id kept", fields["connector"].(map[string]any)["id"].(string), "84014"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	raw := out["raw"].(string)
	for _, secret := range []string{"user@twingate.com", `"113256"`, `"200903"`, "192.0.2.0"} {
		if strings.Contains(raw, secret) {
			t.Errorf("raw still holds %s: %s", secret, raw)
		}
	}
	for _, kept := range []string{"1.2.3.4", `"84014"`, `"rx": 234867`} {
		if !strings.Contains(raw, kept) {
			t.Errorf("raw lost %s: %s", kept, raw)
		}
	}
}

func TestRedactPseudonymsAreStableWithinAnExport(t *testing.T) {
	r := NewRedactor()
	a, b := analyticsEntry(), analyticsEntry()
	b.Seq++
	out := encode(t, []*model.Entry{a, b}, Options{Format: FormatRaw, Redact: r})
	lines := bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n"))
	if len(lines) != 2 || !bytes.Equal(lines[0], lines[1]) {
		t.Fatalf("one line redacted two ways:\n%s", out)
	}
	other := encode(t, []*model.Entry{a}, Options{Format: FormatRaw, Redact: NewRedactor()})
	if bytes.Equal(other, append(lines[0], '\n')) {
		t.Error("two exports share pseudonyms: the key is not random")
	}
	for _, c := range []class{classEmail, classIP, classUser, classDevice} {
		if p := r.pseudonym(c, "x@y.zz"); !pseudonymRE.MatchString(p) {
			t.Errorf("pseudonym %q has the wrong shape", p)
		}
	}
	if r.pseudonym(classEmail, "User@Twingate.COM") != r.pseudonym(classEmail, "user@twingate.com") {
		t.Error("email pseudonyms depend on case")
	}
}

func TestRedactRules(t *testing.T) {
	r := NewRedactor()
	set := &secretSet{}
	set.add(r, classIP, "10.0.0.1")
	set.add(r, classIP, "fd7a::1")
	set.add(r, classUser, "7")
	set.add(r, classDevice, "abcdef123456")
	set.sort()
	ip, ip6 := r.pseudonym(classIP, "10.0.0.1"), r.pseudonym(classIP, "fd7a::1")
	user, dev := r.pseudonym(classUser, "7"), r.pseudonym(classDevice, "abcdef123456")
	tests := []struct {
		name, in, want string
	}{
		{"ip with port", "from 10.0.0.1:443 ok", "from " + ip + ":443 ok"},
		{"ip inside a longer ip kept", "110.0.0.15", "110.0.0.15"},
		{"v6 in brackets", "[fd7a::1]:53", "[" + ip6 + "]:53"},
		{"v6 prefix of a longer one kept", "fd7a::10", "fd7a::10"},
		{"short id only when quoted", `"id":"7", count 7`, `"id":"` + user + `", count 7`},
		{"long id bare", "device abcdef123456 left", "device " + dev + " left"},
		{"long id inside a word kept", "xabcdef123456", "xabcdef123456"},
		{"email by pattern", "mail Bob.Smith+x@Example.co.uk now", "mail " + r.pseudonym(classEmail, "bob.smith+x@example.co.uk") + " now"},
		{"not an email", "user@localhost and a@b.c1", "user@localhost and a@b.c1"},
		{"nothing to do", "plain", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redactText(r, tt.in, set); got != tt.want {
				t.Errorf("redactText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRedactRecordWithSeveralEntries checks that a record's raw line is
// redacted with the personal data of all its entries, even when each entry
// names a different user.
func TestRedactRecordWithSeveralEntries(t *testing.T) {
	line := `{"data":{"log":[{"userId":"user-aaaaaaaa","sourceAddr":"100.90.1.1:1"},{"userId":"user-bbbbbbbb","sourceAddr":"100.90.2.2:2"}]}}`
	mk := func(item int, user, src string) *model.Entry {
		return &model.Entry{Seq: int64(item + 1), Kind: model.KindSession, Item: item, Source: 2, Origin: model.Origin{Offset: 0},
			Raw: []byte(line), Payload: []byte(line),
			Fields: model.Fields{model.Str(model.KeySessUserID, user), model.Str(model.KeySourceAddr, src)}}
	}
	entries := []*model.Entry{mk(0, "user-aaaaaaaa", "100.90.1.1:1"), mk(1, "user-bbbbbbbb", "100.90.2.2:2")}
	r := NewRedactor()
	raw := encode(t, entries, Options{Format: FormatRaw, Redact: r})
	if bytes.Count(raw, []byte("\n")) != 1 {
		t.Fatalf("record written %d times", bytes.Count(raw, []byte("\n")))
	}
	for _, secret := range []string{"user-aaaaaaaa", "user-bbbbbbbb", "100.90.1.1", "100.90.2.2"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("raw keeps %s: %s", secret, raw)
		}
	}
	nd := decodeNDJSON(t, encode(t, entries, Options{Format: FormatNDJSON, Redact: r}))
	if nd[0]["raw"] != nd[1]["raw"] || strings.Contains(nd[0]["raw"].(string), "bbbbbbbb") {
		t.Errorf("entries of one record carry different or leaky raw lines:\n%v\n%v", nd[0]["raw"], nd[1]["raw"])
	}
	if entries[0].Fields.Value(model.KeySessUserID) != "user-aaaaaaaa" || string(entries[0].Raw) != line {
		t.Error("redaction changed the caller's entry")
	}
}

func TestRedactTextSummaryAndJournal(t *testing.T) {
	r := NewRedactor()
	e := auditEntry()
	for _, f := range []Format{FormatText, FormatJournal, FormatCSV} {
		t.Run(f.String(), func(t *testing.T) {
			out := encode(t, []*model.Entry{e}, Options{Format: f, Redact: r})
			for _, secret := range []string{"alice@example.com", "2001:db8::7"} {
				if bytes.Contains(out, []byte(secret)) {
					t.Errorf("%s output keeps %s:\n%s", f, secret, out)
				}
			}
			if !bytes.Contains(out, []byte(r.pseudonym(classEmail, "alice@example.com"))) {
				t.Errorf("%s output lacks the pseudonym:\n%s", f, out)
			}
		})
	}
}

func TestPreview(t *testing.T) {
	r := NewRedactor()
	got := r.Preview([]*model.Entry{analyticsEntry(), analyticsEntry(), auditEntry(), textEntry("ping from ops@corp.example")}, nil, 10)
	want := map[string]Change{
		"192.0.2.0":         {Class: "ip", Where: model.KeyClientIP},
		"200903":            {Class: "device", Where: model.KeyDeviceID},
		"user@twingate.com": {Class: "email", Where: model.KeyUserEmail},
		"113256":            {Class: "user", Where: model.KeyUserID},
		"alice@example.com": {Class: "email", Where: model.KeyAuditUserName},
		"2001:db8::7":       {Class: "ip", Where: model.KeyAuditClientIP},
		"ops@corp.example":  {Class: "email", Where: "raw"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes, want %d: %+v", len(got), len(want), got)
	}
	for _, c := range got {
		w, ok := want[c.Before]
		if !ok || w.Class != c.Class || w.Where != c.Where || !pseudonymRE.MatchString(c.After) {
			t.Errorf("unexpected change %+v", c)
		}
	}
	if n := len(r.Preview([]*model.Entry{analyticsEntry()}, nil, 2)); n != 2 {
		t.Errorf("Preview(n=2) gave %d changes", n)
	}
}

var emailLike = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

func FuzzRedact(f *testing.F) {
	f.Add("ANALYTICS {\"user\":{\"email\":\"a@b.co\"}}", "a@b.co", "10.0.0.1")
	f.Add("x@y.zz@@q.rr", "", "::1")
	f.Add("\xff@\xfe.com", "7", "1.2.3.4:5")
	f.Add("u=a%2Bb%40c.de%40e.fg&v=%40x.yz %25%40q.rs", "a+b@c.de", "")
	f.Add("n=%3Da%252Bb%2540c.de%2540e.fg %252540q.rs%25", "", "")
	f.Add(`{"u":"\\\u0040a\u0040b.cd\u0040"} \u00`, "a@b.cd", "")
	f.Fuzz(func(t *testing.T, raw, email, ip string) {
		e := textEntry(raw)
		e.Kind = model.KindAnalytics
		e.Fields = model.Fields{model.Str(model.KeyUserEmail, email), model.Str(model.KeyClientIP, ip), model.Str(model.KeyMessage, raw)}
		r := NewRedactor()
		out := encode(t, []*model.Entry{e}, Options{Format: FormatRaw, Redact: r})
		// No address the pattern finds survives, except the pseudonyms' own
		// domain, which is not an address.
		for _, m := range emailLike.FindAllString(string(out), -1) {
			if isEmail(m) && !strings.HasSuffix(m, "@redacted") {
				t.Fatalf("email %q survived in %q", m, out)
			}
		}
		ats, n := encodedAtsIn(string(out))
		for _, at := range ats[:n] { // nor one whose @ is encoded
			eachEncodedEmail(string(out), at, func(_, _ int, email string) {
				if !strings.HasSuffix(email, "@redacted") {
					t.Fatalf("email %q survived in %q", email, out)
				}
			})
		}
		_ = r.Preview([]*model.Entry{e}, nil, 5)
	})
}
