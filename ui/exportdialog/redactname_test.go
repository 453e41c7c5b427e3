package exportdialog

import (
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// redactSource is a store of lines from host, read from the inputs named
// sources (each line from the first), and a view of them all.
func redactSource(t *testing.T, host string, sources ...string) *Source {
	t.Helper()
	es := make([]model.Entry, 3)
	for i := range es {
		es[i] = textEntry(1000*i, "line "+theme.Commas(int64(i)))
		es[i].Origin.Host = host
	}
	src := sourceOf(t, es)
	for _, s := range sources {
		src.Sources = append(src.Sources, model.SourceStatus{Name: s})
	}
	return src
}

// openOver opens a dialog over src's view at 120×40, its plan made.
func openOver(t *testing.T, src *Source) Model {
	t.Helper()
	k := DefaultKeyMap()
	styles := theme.Monochrome()
	d := New(&k, &styles)
	d.SetSize(120, 40)
	d, cmd := d.Open(src, []Scope{ScopeView}, ScopeView)
	return run(t, d, cmd)
}

// With redaction on, the default file name gives away none of what the
// export hides: a host that is an IP address or holds an email, or an
// input named after one, is named by the pseudonym the export gives it
// (the manifest's host, the entries' source), the rest of the name kept;
// a name with nothing personal stays as it was. The name follows the
// redaction choice at once, before the new plan is made, so that enter
// pressed right after cannot write under the old name.
func TestRedactedDefaultNameHidesWhatRedactionHides(t *testing.T) {
	for _, c := range []struct {
		name, host string
		sources    []string
		secret     string // in the name without redaction, never with it
		redacted   string // what the redacted name holds instead
	}{
		{"host is an IPv4 address", "10.1.2.3", nil, "10.1.2.3", "ip-"},
		{"host is an IPv6 address", "2001:db8::9", nil, "2001_db8__9", "ip-"},
		{"host holds an email", "alice@example.com", nil, "alice_example.com", "_redacted"},
		{"host ends in an address", "gw-192.0.2.8", nil, "192.0.2.8", "gw-ip-"},
		{"file named after a user", "", []string{"/var/log/users/bob@example.org.log"}, "bob_example.org", "_redacted"},
		{"file named after an address", "", []string{"/var/log/hosts/10.9.8.7"}, "10.9.8", "ip-"},
		{"file in a directory named after an address", "", []string{"/var/log/10.9.8.7/syslog-10.9.8.7.gz"}, "10.9.8.7", "syslog-ip-"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := openOver(t, redactSource(t, c.host, c.sources...))
			if !strings.Contains(d.Path(), c.secret) {
				t.Fatalf("default name %q without redaction; want it to name %q", d.Path(), c.secret)
			}
			d = send(t, d, "down", "down", "down") // to redact
			for _, msg := range keyMsgs("right") {
				d, _ = d.Update(msg) // the new plan is not made yet
			}
			if !d.Settings().Redact {
				t.Fatal("redaction is not on")
			}
			check := func(when, name string) {
				t.Helper()
				base := filepath.Base(name)
				if strings.Contains(base, c.secret) || !strings.Contains(base, c.redacted) || !strings.HasPrefix(base, "connlog-") {
					t.Errorf("%s: default name %q; want %q replaced by its pseudonym (%q)", when, base, c.secret, c.redacted)
				}
			}
			check("before the plan", d.Path())
			d = run(t, d, d.replan()) // the plan for redaction, made
			check("after the plan", d.Path())
			check("the plan's", d.Plan().DefaultName)
			if want := d.Plan().nameFor(d.Settings()); d.Path() != want {
				t.Errorf("path %q; want the plan's name %q", d.Path(), want)
			}
			d = send(t, d, "left") // off again: the name with the host
			if !strings.Contains(d.Path(), c.secret) {
				t.Errorf("default name %q after redaction is off again; want it to name %q", d.Path(), c.secret)
			}
		})
	}
}

// A name with nothing that redaction replaces is the same with it.
func TestRedactedDefaultNameKeepsPlainHosts(t *testing.T) {
	d := openOver(t, redactSource(t, "connector-fra-1"))
	before := d.Path()
	d = send(t, d, "down", "down", "down", "right")
	if !d.Settings().Redact || d.Path() != before || !strings.Contains(before, "connlog-connector-fra-1-") {
		t.Errorf("default name %q with redaction; want %q, as without", d.Path(), before)
	}
}

// The redaction preview lists what the export changes in the names of its
// inputs, as it lists the values of the lines.
func TestRedactionPreviewShowsInputNames(t *testing.T) {
	d := openOver(t, redactSource(t, "", "/var/log/users/bob@example.org.log"))
	d = send(t, d, "down", "down", "down", "right")
	want := "bob@example.org → " + d.redactor.RedactName("bob@example.org") + "  (source)"
	if !strings.Contains(screen(d), want) {
		t.Errorf("the preview does not show %q:\n%s", want, screen(d))
	}
}
