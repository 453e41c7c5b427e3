package export

import (
	"encoding/json"
	"strings"
	"testing"

	"connlog/model"
)

// Lines where 10.0.0.5 is a resource (a newt session's destination, a
// plain text line's address), or a client (another session's source).
const (
	newtToResource   = `INFO: 2026/02/10 14:21:37 ACCESS START session=0123456789abcdef resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`
	textResource     = `Feb 10 14:21:38 gw1 sshd[812]: connection to 10.0.0.5 port 22 refused`
	newtFromResource = `INFO: 2026/02/10 14:21:39 ACCESS START session=fedcba9876543210 resource=36 proto=tcp src=10.0.0.5:41000 dst=10.0.0.7:443 time=2026-02-10T14:21:39Z`
)

// An address searched as a bare word is, in a redacted bundle's manifest,
// what the records made of it: kept where no record read it as personal
// (it is in raw.log as typed), its pseudonym where every record holding it
// replaced it, or one it is in no record, and flagged as selecting other
// entries where some records replaced it and others kept it; never given
// away where a record replaced it. The query, redacted, selects in raw.log
// the records the query selected in the source, as the manifest says.
func TestRedactedBundleQueryWordAddresses(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		q     string
		want  func(r *Redactor) string
		exact bool
	}{
		{"resource kept", []string{newtToResource, textResource}, "10.0.0.5",
			func(*Redactor) string { return "10.0.0.5" }, true},
		{"client replaced", []string{newtToResource, textResource}, "100.90.128.5",
			func(r *Redactor) string { return r.pseudonym(classIP, "100.90.128.5") }, true},
		{"in a phrase", []string{newtToResource, textResource}, `"10.0.0.5 port" or "src=100.90.128.5"`,
			func(r *Redactor) string {
				return `"10.0.0.5 port" or "src=` + r.pseudonym(classIP, "100.90.128.5") + `"`
			}, true},
		{"in no record replaced", []string{newtToResource, textResource}, "10.9.9.9 or refused",
			func(r *Redactor) string { return r.pseudonym(classIP, "10.9.9.9") + " or refused" }, true},
		{"a client in one record, a resource in another", []string{newtToResource, newtFromResource}, "10.0.0.5",
			func(r *Redactor) string { return r.pseudonym(classIP, "10.0.0.5") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := reopenBundle(t, tt.lines, tt.q, tt.want)
			if inexact := strings.Contains(b.note, "selects other entries"); inexact == tt.exact {
				t.Errorf("note %q; want the query said exact: %v", b.note, tt.exact)
			}
			if tt.exact && (b.before == "" || b.after != b.before) {
				t.Errorf("%q selects %q of the source; %q selects %q of raw.log:\n%s", tt.q, b.before, b.query, b.after, strings.Join(b.raw, "\n"))
			}
		})
	}
}

// reopened is a redacted bundle of some lines and the query q: its
// manifest's query and note, its raw.log, and the entries q selects of the
// lines (before) and the manifest's query of raw.log (after).
type reopened struct {
	query, note   string
	raw           []string
	before, after string
}

// reopenBundle exports lines as a redacted bundle of q, checks that its
// manifest's query is want's, and reopens its raw.log with that query.
func reopenBundle(t *testing.T, lines []string, q string, want func(r *Redactor) string) reopened {
	t.Helper()
	r := NewRedactor()
	var b reopened
	b.query, b.note, b.raw = redactedBundle(t, r, lines, q)
	if w := want(r); b.query != w {
		t.Errorf("manifest query %q, want %q", b.query, w)
	}
	var orig, red []*model.Entry
	for i := range lines {
		orig = append(orig, decodeLine(t, lines[i])...)
		red = append(red, decodeLine(t, b.raw[i])...)
	}
	b.before, b.after = matching(t, q, orig), matching(t, b.query, red)
	return b
}

// redactedBundle exports lines as a redacted bundle of the query q and
// returns its manifest's query and note, and the lines of its raw.log.
func redactedBundle(t *testing.T, r *Redactor, lines []string, q string) (query, note string, raw []string) {
	t.Helper()
	opts := bundleOptions(t.TempDir())
	opts.Redact, opts.Bundle.Query = r, q
	var entries []*model.Entry
	for i, l := range lines {
		for _, e := range decodeLine(t, l) {
			e.Seq, e.Origin.Offset = int64(i), int64(1000*i)
			entries = append(entries, e)
		}
	}
	files := gzipBundleFiles(t, encode(t, entries, opts))
	var m struct{ Query, Note string }
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	return m.Query, m.Note, strings.Split(strings.TrimSuffix(string(files["raw.log"]), "\n"), "\n")
}
