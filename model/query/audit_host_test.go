package query_test

import (
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
)

// hostLines are records of hosts named in different places: a Linux audit
// login read from web1's syslog whose hostname= is the SSH client's name, a
// record forwarded from web2 (node=) whose hostname= is its client's, an
// AQtive Guard record naming its analyzer, and a JSON line naming its host.
var hostLines = []string{
	`Dec  4 10:00:00 web1 audispd: type=USER_LOGIN msg=audit(1796378400.123:456): pid=1 uid=0 auid=1000 ses=2 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=client-7.example.net addr=203.0.113.9 terminal=sshd res=failed'`,
	"node=web2 type=USER_LOGIN msg=audit(1796378401.123:457): pid=1 uid=0 msg='op=login acct=\"bob\" hostname=laptop-3 addr=198.51.100.4 terminal=sshd res=success'\x1dUID=\"root\" AUID=\"bob\"",
	`{"id":"5b0e","created_at":"2026-12-04T10:00:02Z","hostname":"analyzer-1","level":"info","log_type":"audit","action":"login_attempt","access_granted":true,"user_name":"carol"}`,
	`{"level":30,"time":1796378403000,"pid":7,"hostname":"api-1","msg":"listening"}`,
}

// host: finds the entries of a host: the machine that wrote the line (its
// envelope's host, the node= of a forwarded Linux audit record, the host
// an AQtive Guard record or a JSON line names), never the remote client a
// Linux audit record's hostname= names, which hostname: finds. A view
// built from the store, whose entries hold only the fields the query
// reads, holds the same entries.
func TestHostIsTheEntrysHostNotALinuxAuditClient(t *testing.T) {
	var data []byte
	for _, l := range hostLines {
		data = append(append(data, l...), '\n')
	}
	opt := decode.Options{Reference: time.Unix(1796378400, 0)}
	whole := decodeLines(data, opt)
	opt.IndexService, opt.Templates = true, true
	sn := snapshotOf(decodeLines(data, opt))
	for _, tc := range []struct {
		src  string
		want []int
	}{
		{"host:web1", []int{0}},
		{"host:client-7.example.net", nil},
		{"host:client-7*", nil},
		{"hostname:client-7.example.net", []int{0}},
		{"host:web2", []int{1}},
		{"host:laptop-3", nil},
		{"hostname=laptop-3", []int{1}},
		{"-host:laptop-3", []int{0, 1, 2, 3}},
		{"host:web*", []int{0, 1}},
		{"host=analyzer-1", []int{2}},
		{"host:api-1", []int{3}},
	} {
		matchesAndView(t, whole, sn, tc.src, time.Unix(1796378400, 0), tc.want)
	}
}

// matchesAndView checks that the query src, compiled at now, matches the
// entries of es at the indexes want, and that its view of sn, the store
// of the same lines, holds the same ones.
func matchesAndView(t *testing.T, es []model.Entry, sn *model.Snapshot, src string, now time.Time, want []int) {
	t.Helper()
	q, err := query.Compile(src, query.Options{Now: now, Location: time.UTC})
	if err != nil {
		t.Fatalf("Compile(%q): %v", src, err)
	}
	var matched []int
	for i := range es {
		if q.Match(&es[i]) {
			matched = append(matched, i)
		}
	}
	if !slices.Equal(matched, want) {
		t.Errorf("%q matches entries %v, want %v", src, matched, want)
	}
	var viewed []int
	for _, seq := range viewOf(t, sn, q) {
		viewed = append(viewed, int(seq-sn.First()))
	}
	if !slices.Equal(viewed, want) {
		t.Errorf("%q: the view holds entries %v, want %v", src, viewed, want)
	}
}

// A Linux audit record from the journal is found by the journal's host,
// not by the client its hostname= names.
func TestHostOfAJournalLinuxAuditRecord(t *testing.T) {
	e := &model.Entry{Kind: model.KindAudit, Origin: model.Origin{Journal: &model.JournalFields{Hostname: "connector-1"}},
		Fields: model.Fields{model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str(model.KeyAuditAcct, "alice"),
			model.Str(model.KeyHostname, "client-7"), model.Str(model.KeyAuditAddr, "203.0.113.9")}}
	for src, want := range map[string]bool{"host:connector-1": true, "host:client-7": false, "hostname:client-7": true} {
		q, err := query.Compile(src, query.Options{})
		if err != nil {
			t.Fatalf("Compile(%q): %v", src, err)
		}
		if got := q.Match(e); got != want {
			t.Errorf("%q matches the record: %v, want %v", src, got, want)
		}
	}
}
