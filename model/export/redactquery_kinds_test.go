package export

import (
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/decode"
)

// Lines of each kind of record that holds personal data, as a file holds
// them: a Twingate ANALYTICS event, Linux audit records (a login from an
// address that is its hostname too, and enriched ones), an AQtive Guard
// record, a JSON line with its own hostname and fields named as audit keys,
// a newt ACCESS line and a Tailscale flow message.
const (
	auditLoginLine  = `type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 auid=1000 ses=2 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=sshd res=failed'UID="root" AUID="alice"`
	auditNoAcctLine = `type=USER_AUTH msg=audit(1700000009.000:470): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication acct="?" exe="/usr/sbin/sshd" hostname=gw1 addr=? terminal=ssh res=failed'AUID="unset"`
	aqtiveGuardLine = `{"id":"5f1c6a52-7f0e-4a57-9d2b-8d6c2b1f0e11","created_at":"2026-02-10T14:21:37Z","hostname":"203.0.113.40","level":"info","log_type":"audit","pid":7,"user_name":"erin","user_id":"unset","client_ip":"198.51.100.66","action":"login_attempt","access_granted":true}`
	jsonHostLine    = `{"time":"2026-02-10T14:21:37Z","level":"info","msg":"ready","hostname":"198.51.100.20","node":"198.51.100.21","addr":"203.0.113.5","laddr":"192.0.2.55","acct":"dave","UID":"frank","src_ip":"192.0.2.33","user_id":"?"}`
	newtAccessLine  = `INFO: 2026/02/10 14:21:37 ACCESS START session=0123456789abcdef resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`
	tailscaleFlow   = `{"nodeId":"nBcdef1CNTRL","start":"2025-10-28T22:39:51.890385065Z","end":"2025-10-28T22:39:56.886545512Z","srcNode":{"nodeId":"nBcdef1CNTRL","name":"pangolin.example.ts.net","user":"joe@example.com"},"virtualTraffic":[{"proto":6,"src":"100.111.22.33:21291","dst":"100.111.44.55:63281","txPkts":2,"txBytes":108}]}`
)

// The query of a redacted bundle, redacted, selects in the redacted records
// what it selected in the source, whatever the kind of record the key is
// read in: the query and the records decide each key by the same rule. Each
// case is a record, a query that selects it and the values the manifest
// must not hold.
func TestRedactedQuerySelectsEveryKindOfRecord(t *testing.T) {
	tests := []struct {
		name, line, q string
		secrets       []string // values the redacted query must not hold
	}{
		{"analytics user email", analyticsLine, "user=user@twingate.com", []string{"user@twingate.com"}},
		{"analytics user id", analyticsLine, "user=113256", []string{"113256"}},
		{"analytics client ip", analyticsLine, "ip:192.0.2.0", []string{"192.0.2.0"}},
		{"analytics device id", analyticsLine, ".device.id=200903", []string{"200903"}},
		{"analytics resource kept", analyticsLine, "resource=1.2.3.4 ip:192.0.2.0", []string{"192.0.2.0"}},

		{"audit account", auditLoginLine, "acct:alice", []string{"alice"}},
		{"audit account as user", auditLoginLine, "user:alice", []string{"alice"}},
		{"audit login name", auditLoginLine, "AUID:alice", []string{"alice"}},
		{"audit enriched id", auditLoginLine, ".UID=root", []string{"root"}},
		{"audit addr", auditLoginLine, "addr:203.0.113.9", []string{"203.0.113.9"}},
		{"audit addr as ip", auditLoginLine, "ip:203.0.113.9", []string{"203.0.113.9"}},
		{"audit hostname address", auditLoginLine, "hostname:203.0.113.9", []string{"203.0.113.9"}},
		{"audit hostname name", auditNoAcctLine, "hostname:gw1", nil},
		{"audit no account", auditNoAcctLine, "acct:? AUID:unset addr:?", nil},
		{"audit laddr", enrichedAuditLines[2], "laddr:198.51.100.7", []string{"198.51.100.7"}},
		{"audit faddr", enrichedAuditLines[4], "faddr:203.0.113.50", []string{"203.0.113.50"}},
		{"audit saddr and daddr", enrichedAuditLines[5], "saddr=203.0.113.77 .daddr:192.0.2.20", []string{"203.0.113.77", "192.0.2.20"}},
		{"audit group", enrichedAuditLines[1], ".GID:devops", []string{"devops"}},
		{"audit owner", enrichedAuditLines[3], ".OUID:carol", []string{"carol"}},

		{"aqtive guard hostname address", aqtiveGuardLine, "hostname:203.0.113.40", []string{"203.0.113.40"}},
		{"aqtive guard host address", aqtiveGuardLine, "host:203.0.113.40", []string{"203.0.113.40"}},
		{"aqtive guard user", aqtiveGuardLine, "user:erin", []string{"erin"}},
		{"aqtive guard client ip", aqtiveGuardLine, "ip:198.51.100.66", []string{"198.51.100.66"}},
		{"aqtive guard user id unset", aqtiveGuardLine, "user_id:unset", nil},

		{"json hostname address", jsonHostLine, "hostname:198.51.100.20", []string{"198.51.100.20"}},
		{"json host address", jsonHostLine, "host:198.51.100.20", []string{"198.51.100.20"}},
		{"json node address", jsonHostLine, "node:198.51.100.21", []string{"198.51.100.21"}},
		{"json addr", jsonHostLine, "addr:203.0.113.5", []string{"203.0.113.5"}},
		{"json laddr", jsonHostLine, "laddr:192.0.2.55", []string{"192.0.2.55"}},
		{"json acct", jsonHostLine, "acct:dave", []string{"dave"}},
		{"json acct as user", jsonHostLine, "user:dave", []string{"dave"}},
		{"json enriched id name", jsonHostLine, ".UID:frank", []string{"frank"}},
		{"json src ip", jsonHostLine, "src_ip:192.0.2.33", []string{"192.0.2.33"}},
		{"json src ip as ip", jsonHostLine, "ip:192.0.2.33", []string{"192.0.2.33"}},
		{"json no-value user id", jsonHostLine, "user_id:?", nil},

		{"newt client", newtAccessLine, "ip:100.90.128.5", []string{"100.90.128.5"}},
		{"newt source address", newtAccessLine, "sourceAddr:100.90.128.5:38004", []string{"100.90.128.5"}},
		{"newt destination kept", newtAccessLine, "resource:10.0.0.5:22", nil},

		{"flow node user", tailscaleFlow, "user:joe@example.com", []string{"joe@example.com"}},
		{"flow destination kept", tailscaleFlow, "dst_ip:100.111.44.55", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRedactor()
			orig := decodeLine(t, tt.line)
			red := decodeLine(t, string(redactRecord(t, r, orig)))
			q := mustRedactQuery(t, r, tt.q)
			for _, s := range tt.secrets {
				if strings.Contains(q, s) {
					t.Errorf("redacted query %q holds %s", q, s)
				}
			}
			before, after := matching(t, tt.q, orig), matching(t, q, red)
			if before == "" || after != before {
				t.Errorf("%q selects entries %q of the record; redacted, %q selects %q of\n%s", tt.q, before, q, after, red[0].Raw)
			}
		})
	}
}

// decodeLine reads line as a file's line and returns its entries.
func decodeLine(t *testing.T, line string) []*model.Entry {
	t.Helper()
	d := decode.New(1, decode.Options{})
	es := d.Decode(&model.Record{Raw: []byte(line), Source: 1}, nil)
	es = d.Flush(es)
	if len(es) == 0 {
		t.Fatalf("no entry read from %q", line)
	}
	out := make([]*model.Entry, len(es))
	for i := range es {
		out[i] = &es[i]
	}
	return out
}

// redactRecord redacts the entries of one record as an export does and
// returns the record's redacted line.
func redactRecord(t *testing.T, r *Redactor, entries []*model.Entry) []byte {
	t.Helper()
	var raw []byte
	emit := func(e *model.Entry) error { raw = e.Raw; return nil }
	g := serialGroup(r, emit)
	for _, e := range entries {
		if err := g.add(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.flush(); err != nil {
		t.Fatal(err)
	}
	return raw
}

// A flow's source address is the node's own and stays in the records,
// where a session's is its client and is replaced; a term on it takes a
// session's reading: the manifest never holds a client's address, and
// such a term no longer selects the flow.
func TestRedactQueryFlowSourceTakesTheSessionsReading(t *testing.T) {
	r := NewRedactor()
	red := string(redactRecord(t, r, decodeLine(t, tailscaleFlow)))
	if !strings.Contains(red, "100.111.22.33:21291") {
		t.Errorf("the flow's source was replaced:\n%s", red)
	}
	if q := mustRedactQuery(t, r, "src_ip:100.111.22.33"); q != "src_ip:"+r.pseudonym(classIP, "100.111.22.33") {
		t.Errorf("redacted query %q; want the address's pseudonym", q)
	}
}
