package ui

import (
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/model/triage"
	"connlog/source/synth"
	"connlog/ui/triageview"
)

// generatedEntries decodes n lines of the synthetic connector with every
// optional stream (audit records, newt sessions, Tailscale flows), each
// program through its own decoder, as separate files would be read.
func generatedEntries(t testing.TB, n int) []model.Entry {
	t.Helper()
	g := synth.New(3, synth.Options{Rate: 40, Audit: true, Newt: true, Tailscale: true, TroubleEvery: 2 * time.Minute})
	decoders := map[synth.Program]*decode.Decoder{}
	var out []model.Entry
	var line []byte
	for range n {
		var meta synth.Meta
		line, _, meta = g.Next(line[:0])
		d := decoders[meta.Program]
		if d == nil {
			d = decode.New(model.SourceID(meta.Program), decode.Options{Location: time.UTC, Reference: synth.DefaultStart})
			decoders[meta.Program] = d
		}
		rec := model.Record{Raw: append([]byte(nil), line...), Source: model.SourceID(meta.Program), Offset: -1}
		out = d.Decode(&rec, out)
	}
	for _, d := range decoders {
		out = d.Flush(out)
	}
	return out
}

// TestEveryTopValuePivotsOntoItsRows: for every value of every top-N table
// of a generated log with every kind of entry, the filter the view pivots
// to keeps every entry the value was counted from. The check needs no
// knowledge of which fields a table reads: counted again over the entries
// the filter keeps, the value must have the same count.
func TestEveryTopValuePivotsOntoItsRows(t *testing.T) {
	es := generatedEntries(t, 12000)
	kinds := map[model.Kind]int{}
	for i := range es {
		kinds[es[i].Kind]++
	}
	for _, k := range []model.Kind{model.KindService, model.KindAnalytics, model.KindAudit, model.KindFlow, model.KindSession} {
		if kinds[k] == 0 {
			t.Fatalf("the generated log has no %s entry: %v", k, kinds)
		}
	}
	if checked := checkPivotsKeepRows(t, es); checked < 30 {
		t.Errorf("only %d values checked: the generated log is too thin", checked)
	}
}

// The same holds with Linux audit records among the generated entries:
// failed logins (counted as failures without a reason, of their account
// and address) and AppArmor and SELinux denials (of their object).
func TestLinuxAuditTopValuesPivotOntoTheirRows(t *testing.T) {
	d := decode.New(99, decode.Options{Location: time.UTC})
	var es []model.Entry
	for _, line := range []string{
		`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`,
		`type=USER_AUTH msg=audit(1796378401.000:457): pid=1235 uid=0 msg='op=PAM:authentication acct="bob" exe="/usr/sbin/sshd" hostname=? addr=198.51.100.7 terminal=ssh res=FAILED'`,
		`type=SYSCALL msg=audit(1796378404.000:460): arch=c000003e syscall=2 success=no exit=-2 pid=99 auid=1000 comm="cat" key="watch"`,
		`audit: type=1400 audit(1796378405.000:461): apparmor="DENIED" operation="open" profile="snap.curl.curl" name="/etc/shadow" pid=99 comm="curl"`,
		`type=AVC msg=audit(1796378407.000:463): avc:  denied  { read } for  pid=99 comm="httpd" name="shadow" tclass=file permissive=0`,
	} {
		es = d.Decode(&model.Record{Raw: []byte(line), Source: 99, Offset: -1}, es)
	}
	es = d.Flush(es)
	tops := topsOf(es)
	if len(tops.Failures) == 0 || len(tops.Denied) != 2 || len(tops.IPs) != 2 {
		t.Fatalf("the Linux records count %d failures, %d denials, %d addresses; want some, 2 and 2", len(tops.Failures), len(tops.Denied), len(tops.IPs))
	}
	checkPivotsKeepRows(t, append(generatedEntries(t, 3000), es...))
}

// checkPivotsKeepRows checks, for every value of every top-N table of es,
// that the filter the view pivots to keeps every entry the value was
// counted from, and returns how many values it checked.
func checkPivotsKeepRows(t *testing.T, es []model.Entry) int {
	t.Helper()
	all := topsOf(es)
	checked := 0
	for tb := triageview.Table(0); tb < triageview.TableCount; tb++ {
		for _, v := range tb.Values(&all) {
			term, _ := pivotTerm(tb, v)
			if v.Other || term == "" {
				continue
			}
			q, err := query.Compile(term, query.Options{Location: time.UTC})
			if err != nil {
				t.Fatalf("%s %q: the pivot %q does not compile: %v", tb, v.Value, term, err)
			}
			var kept []model.Entry
			for i := range es {
				if q.Match(&es[i]) {
					kept = append(kept, es[i])
				}
			}
			sub := topsOf(kept)
			if got := countOf(tb.Values(&sub), v.Value); got != v.Count {
				t.Errorf("%s %q: counted %d times, the pivot %q keeps %d of them", tb, v.Value, v.Count, term, got)
			}
			checked++
		}
	}
	return checked
}

// topsOf counts every value of the top-N tables of es.
func topsOf(es []model.Entry) triage.Tops {
	tr := triage.New(triage.Options{})
	cp := append([]model.Entry(nil), es...)
	tr.Add(cp)
	return tr.Report(triage.ReportOptions{Top: 1000}).Top
}

func countOf(vs []triage.Value, value string) int64 {
	for _, v := range vs {
		if v.Value == value {
			return v.Count
		}
	}
	return 0
}
