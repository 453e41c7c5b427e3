package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"connlog/model"
)

// A source name keeps its shape, and each email or IP address in it gets
// the pseudonym that value gets in the lines, whatever the file endings,
// dates and separators run together with it.
func TestRedactName(t *testing.T) {
	r := NewRedactor()
	email := func(v string) string { return r.pseudonym(classEmail, v) }
	ip := func(v string) string { return r.pseudonym(classIP, v) }
	tests := []struct {
		name, in, want string
	}{
		{"email file", "/var/log/users/alice@example.com.log", "/var/log/users/" + email("alice@example.com") + ".log"},
		{"email file rotated and compressed", "/var/log/users/alice@example.com.log.1.gz", "/var/log/users/" + email("alice@example.com") + ".log.1.gz"},
		{"email file with a date", "/srv/bob.smith@corp.example.co.uk-2026-11-20.log", "/srv/" + email("bob.smith@corp.example.co.uk") + "-2026-11-20.log"},
		{"email directory", "/home/alice@example.com/connector.log", "/home/" + email("alice@example.com") + "/connector.log"},
		{"an underscore belongs to the address, as in a line", "/var/log/session_alice@example.com.txt", "/var/log/" + email("session_alice@example.com") + ".txt"},
		{"unit", "alice@example.com.service", email("alice@example.com") + ".service"},
		{"email with an odd ending is taken whole", "/logs/carol@example.org", "/logs/" + email("carol@example.org")},
		{"ip directory", "/var/log/hosts/10.1.2.3/syslog", "/var/log/hosts/" + ip("10.1.2.3") + "/syslog"},
		{"ip file", "/var/log/remote/10.1.2.3.log", "/var/log/remote/" + ip("10.1.2.3") + ".log"},
		{"ip after a dash", "/var/log/syslog-10.1.2.3.gz", "/var/log/syslog-" + ip("10.1.2.3") + ".gz"},
		{"ipv6 file", "/var/log/journal/remote/remote-fe80::1.journal", "/var/log/journal/remote/remote-" + ip("fe80::1") + ".journal"},
		{"mapped ipv6", "/var/log/::ffff:10.1.2.3.log", "/var/log/" + ip("::ffff:10.1.2.3") + ".log"},
		{"a fleet's hosts", "all units on gw-fra-1, 10.1.2.3", "all units on gw-fra-1, " + ip("10.1.2.3")},
		{"several", "/var/log/10.1.2.3/alice@example.com.log", "/var/log/" + ip("10.1.2.3") + "/" + email("alice@example.com") + ".log"},
		{"nothing personal", "/var/log/twingate/connector.log.2.zst", "/var/log/twingate/connector.log.2.zst"},
		{"version numbers are no address", "/opt/connector-1.2.3/log-2026.11.20.txt", "/opt/connector-1.2.3/log-2026.11.20.txt"},
		{"unit", "twingate-connector.service", "twingate-connector.service"},
		{"stdin", "stdin", "stdin"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := redactName(r, tt.in); got != tt.want {
				t.Errorf("redactName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A redacted export names its inputs without the emails and addresses in
// their names, with the pseudonyms its lines have: in a bundle's manifest
// (sources and gaps) and its members, and in ndjson, CSV and journal
// exports. The caller's list of sources is left as it was.
func TestRedactedExportsHideSourceNames(t *testing.T) {
	const userFile, hostFile = "/var/log/users/user@twingate.com.log", "/var/log/hosts/192.0.2.0/syslog"
	secrets := []string{"user@twingate.com", "192.0.2.0"}
	entries := func() []*model.Entry {
		a, g := analyticsEntry(), gapEntry()
		a.Source, g.Source = 1, 2
		return []*model.Entry{a, g}
	}
	sources := []SourceInfo{{ID: 1, Name: userFile, Path: userFile}, {ID: 2, Name: hostFile, Path: hostFile},
		{ID: 3, Name: "all units on 192.0.2.0", Unit: "user@twingate.com.service"}}
	// userName and hostName are the files' names with their pseudonyms;
	// check looks for the secrets in out, and for the names it must hold.
	userName := func(r *Redactor) string {
		return "/var/log/users/" + r.pseudonym(classEmail, "user@twingate.com") + ".log"
	}
	hostName := func(r *Redactor) string { return "/var/log/hosts/" + r.pseudonym(classIP, "192.0.2.0") + "/syslog" }
	check := func(t *testing.T, what string, out []byte, names ...string) {
		t.Helper()
		for _, s := range secrets {
			if bytes.Contains(out, []byte(s)) {
				t.Errorf("%s still holds %s:\n%s", what, s, out)
			}
		}
		for _, p := range names {
			if !bytes.Contains(out, []byte(p)) {
				t.Errorf("%s does not name the input %q:\n%s", what, p, out)
			}
		}
	}
	for _, f := range []Format{FormatNDJSON, FormatCSV, FormatJournal} {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			out := encode(t, entries(), Options{Format: f, Redact: r, Sources: sources})
			if f == FormatCSV { // a CSV of several kinds names the source of the gap's row only
				check(t, f.String(), out, hostName(r))
			} else {
				check(t, f.String(), out, userName(r), hostName(r))
			}
		})
	}
	t.Run("bundle", func(t *testing.T) {
		r := NewRedactor()
		opts := bundleOptions(t.TempDir())
		opts.Sources, opts.Redact = sources, r
		zr, err := gzip.NewReader(bytes.NewReader(encode(t, entries(), opts)))
		if err != nil {
			t.Fatal(err)
		}
		_, files := readTar(t, zr)
		for name, data := range files {
			switch name {
			case "manifest.json", "entries.ndjson":
				check(t, name, data, userName(r), hostName(r))
			case "gap.csv":
				check(t, name, data, hostName(r))
			default: // no source names in the lines, nor in these kinds' CSVs
				check(t, name, data)
			}
		}
		var m testManifest
		if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		if len(m.Gaps) != 1 || !strings.HasSuffix(m.Gaps[0].Source, "/"+r.pseudonym(classIP, "192.0.2.0")+"/syslog") {
			t.Errorf("manifest gaps %+v do not name the redacted input", m.Gaps)
		}
		if m.Sources[2].Unit != r.pseudonym(classEmail, "user@twingate.com")+".service" || m.Sources[2].Name != "all units on "+r.pseudonym(classIP, "192.0.2.0") {
			t.Errorf("manifest source %+v keeps personal data", m.Sources[2])
		}
	})
	if sources[0].Name != userFile || sources[1].Path != hostFile {
		t.Errorf("the caller's sources were changed: %+v", sources)
	}
}

// The preview lists what redaction changes in the names of the inputs and
// in the hosts, as it lists fields: each value once, with the pseudonym
// the export gives it, and where it was found. Only the sources of the
// entries previewed are read.
func TestPreviewListsNameChanges(t *testing.T) {
	r := NewRedactor()
	a, tx := textEntry("plain line"), textEntry("another plain line")
	a.Source, tx.Source = 1, 2
	tx.Origin.Host = "conn-bob@corp.example"
	sources := []SourceInfo{
		{ID: 1, Name: "/var/log/users/alice@example.com.log", Path: "/var/log/users/alice@example.com.log"},
		{ID: 2, Name: "remote 198.51.100.4", Unit: "carol@example.org.service"},
		{ID: 3, Name: "/var/log/hosts/10.9.9.9/syslog"}, // no entry previewed is from it
	}
	got := r.Preview([]*model.Entry{a, tx}, sources, 10)
	want := []Change{
		{Class: "email", Where: "source", Before: "alice@example.com", After: r.pseudonym(classEmail, "alice@example.com")},
		{Class: "email", Where: "host", Before: "conn-bob@corp.example", After: r.pseudonym(classEmail, "conn-bob@corp.example")},
		{Class: "ip", Where: "source", Before: "198.51.100.4", After: r.pseudonym(classIP, "198.51.100.4")},
		{Class: "email", Where: "source", Before: "carol@example.org", After: r.pseudonym(classEmail, "carol@example.org")},
	}
	if len(got) != len(want) {
		t.Fatalf("preview %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// What the preview promises is what the export writes (the manifest
	// names the units).
	opts := bundleOptions(t.TempDir())
	opts.Redact, opts.Sources, opts.Compress = r, sources, CompressNone
	out := encode(t, []*model.Entry{a, tx}, opts)
	for _, c := range want {
		if bytes.Contains(out, []byte(c.Before)) || !bytes.Contains(out, []byte(c.After)) {
			t.Errorf("the export does not replace %s with %s:\n%s", c.Before, c.After, out)
		}
	}
}

// Whatever surrounds it, an address alone in a path element never survives
// in a redacted name, and no name makes redaction panic.
func FuzzRedactName(f *testing.F) {
	for _, s := range []string{"", "/var/log", "a@b.cc@d.ee", "::ffff:1.2.3.4", "x@y.z.log.1.-", "@.-@", "\xff@\xfe.com"} {
		f.Add(s, ".log")
	}
	r := NewRedactor()
	f.Fuzz(func(t *testing.T, before, after string) {
		for _, v := range []string{"alice@example.com", "10.1.2.3"} {
			name := before + "/" + v + "/" + after
			if out := redactName(r, name); strings.Contains(out, "/"+v+"/") {
				t.Fatalf("redactName(%q) = %q keeps %s", name, out, v)
			}
		}
	})
}

// A host that is an IP address (a syslog line's host field) gets the
// pseudonym that address gets anywhere: in the entry's origin (ndjson,
// CSV, journal), in its line, in a bundle's manifest, and in the preview.
// A host name that is no address is kept.
func TestRedactedExportsHideHostAddresses(t *testing.T) {
	const host, line = "192.0.2.7", "Nov 20 08:00:00 192.0.2.7 sshd[1]: session opened"
	entries := func() []*model.Entry {
		e, kept := textEntry(line), textEntry("Nov 20 08:00:01 conn-1 sshd[1]: hello")
		e.Origin.Host, kept.Origin.Host = host, "conn-1"
		j := journaldEntry("session opened", 0)
		j.Origin.Host, j.Origin.Journal.Hostname = host, host
		return []*model.Entry{e, kept, j}
	}
	for _, f := range []Format{FormatRaw, FormatNDJSON, FormatCSV, FormatJournal} {
		t.Run(f.String(), func(t *testing.T) {
			r := NewRedactor()
			out := encode(t, entries(), Options{Format: f, Redact: r, Hosts: true})
			if bytes.Contains(out, []byte(host)) {
				t.Errorf("the host's address is still there:\n%s", out)
			}
			if !bytes.Contains(out, []byte(r.pseudonym(classIP, host))) || !bytes.Contains(out, []byte("conn-1")) {
				t.Errorf("the host is not named by its pseudonym, or a host name was lost:\n%s", out)
			}
		})
	}
	t.Run("bundle", func(t *testing.T) {
		r := NewRedactor()
		opts := bundleOptions(t.TempDir())
		opts.Redact, opts.Bundle.Host, opts.Hosts = r, host, true
		zr, err := gzip.NewReader(bytes.NewReader(encode(t, entries(), opts)))
		if err != nil {
			t.Fatal(err)
		}
		_, files := readTar(t, zr)
		for name, data := range files {
			if bytes.Contains(data, []byte(host)) {
				t.Errorf("%s still holds the host's address:\n%s", name, data)
			}
		}
		var m testManifest
		if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
			t.Fatal(err)
		}
		if m.Host != r.pseudonym(classIP, host) {
			t.Errorf("manifest host = %q, want its pseudonym", m.Host)
		}
	})
	t.Run("preview", func(t *testing.T) {
		r := NewRedactor()
		got := r.Preview(entries(), nil, 10)
		want := Change{Class: "ip", Where: "host", Before: host, After: r.pseudonym(classIP, host)}
		if len(got) != 1 || got[0] != want {
			t.Errorf("preview %+v, want %+v", got, want)
		}
	})
}
