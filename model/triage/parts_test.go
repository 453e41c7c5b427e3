package triage

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/synth"
)

// synthEntries decodes n lines of the generator (a level-7 connector log
// with analytics events), fully decoded, as a store's full load gives them.
func synthEntries(seed uint64, n int) []model.Entry {
	g := synth.New(int64(seed), synth.Options{})
	raw := make([][]byte, 0, n)
	for range n {
		l, at, _ := g.Next(nil)
		raw = append(raw, append(at.UTC().AppendFormat(nil, time.RFC3339Nano+" "), l...))
	}
	es := decodeLines(raw, false)
	for i := range es {
		es[i].Seq = int64(i + 1)
	}
	return es
}

// TestPartsReportTheirTables: a Triage keeping one part reports that part
// exactly as one keeping every part does.
func TestPartsReportTheirTables(t *testing.T) {
	es := synthEntries(3, 5000)
	all := New(Options{})
	all.Add(clone(es))
	opts := ReportOptions{Ended: true, Sessions: func(*Session) bool { return true }}
	want := all.Report(opts)
	if len(want.Histogram) == 0 || len(want.Templates) == 0 || len(want.Top.Users) == 0 || len(want.Sessions.Rows) == 0 {
		t.Fatal("the generated entries leave a table empty: the comparison would prove nothing")
	}
	cases := []struct {
		name string
		p    Parts
		get  func(*Report) any
	}{
		{"timeline", PartTimeline, func(r *Report) any { return []any{r.Histogram, r.BucketWidth, r.From, r.To, r.Untimed} }},
		{"templates", PartTemplates, func(r *Report) any { return []any{r.Templates, r.TemplateCount} }},
		{"top", PartTop, func(r *Report) any { return r.Top }},
		{"sessions", PartSessions, func(r *Report) any { return r.Sessions }},
	}
	for _, c := range cases {
		tr := New(Options{Parts: c.p})
		tr.Add(clone(es))
		got := tr.Report(opts)
		if !reflect.DeepEqual(c.get(&got), c.get(&want)) {
			t.Errorf("%s: the part alone reports another table", c.name)
		}
		if got.Entries != want.Entries {
			t.Errorf("%s: %d entries, want %d", c.name, got.Entries, want.Entries)
		}
	}
}

// TestPartsLeaveOthersEmpty: a top-N Triage folds no template.
func TestPartsLeaveOthersEmpty(t *testing.T) {
	tr := New(Options{Parts: PartTop})
	tr.Add(synthEntries(4, 500))
	r := tr.Report(ReportOptions{})
	if len(r.Templates) != 0 || r.TemplateCount != 0 || len(r.Sessions.Rows) != 0 || r.Sessions.Closed != 0 {
		t.Errorf("a top-N triage kept %d templates and %d sessions", r.TemplateCount, len(r.Sessions.Rows))
	}
	if len(r.Top.Users) == 0 {
		t.Error("a top-N triage counted no user")
	}
}

// TestIncrementalEqualsFromScratch: for every part, entries added in
// random batches (as a follow hands them over) give the report a Triage
// fed all of them at once gives, at every step.
func TestIncrementalEqualsFromScratch(t *testing.T) {
	es := synthEntries(5, 4000)
	rng := rand.New(rand.NewPCG(5, 13))
	for _, p := range []Parts{PartTimeline, PartTemplates, PartTop, PartSessions, 0} {
		live := New(Options{Parts: p})
		in := clone(es)
		for lo := 0; lo < len(in); {
			hi := min(len(in), lo+1+rng.IntN(700))
			live.Add(in[lo:hi])
			lo = hi
			scratch := New(Options{Parts: p})
			scratch.Add(clone(es[:hi]))
			opts := ReportOptions{Sessions: func(*Session) bool { return true }}
			if !reflect.DeepEqual(live.Report(opts), scratch.Report(opts)) {
				t.Fatalf("parts %b: after %d entries the incremental report differs from a fresh one", p, hi)
			}
		}
	}
}

// TestOpenSessionsInStableOrder: open connections that started at the same
// instant are listed in the same order by every report (they were listed
// in a map's order).
func TestOpenSessionsInStableOrder(t *testing.T) {
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	var es []model.Entry
	for i := range 30 {
		line := fmt.Sprintf(`ANALYTICS {"connection": {"client_ip": "192.0.2.%d", "id": "c%02d-1", "protocol": "tcp", "resource_ip": "10.0.0.5", "resource_port": 443}, "event_type": "established_connection", "resource": {"address": "r%d.example.com"}, "timestamp": 1, "user": {"email": "u%d@example.com"}}`, i, i, i, i)
		e := decodeLines([][]byte{[]byte(line + "\n")}, false)[0]
		e.Time, e.Seq = at, int64(i+1)
		es = append(es, e)
	}
	opts := ReportOptions{Top: 100, Sessions: func(*Session) bool { return true }}
	first := New(Options{Parts: PartSessions})
	first.Add(clone(es))
	want := first.Report(opts)
	if len(want.Sessions.Rows) != len(es) {
		t.Fatalf("%d rows; want %d", len(want.Sessions.Rows), len(es))
	}
	for range 5 {
		tr := New(Options{Parts: PartSessions})
		tr.Add(clone(es))
		if got := tr.Report(opts); !reflect.DeepEqual(got.Sessions.Rows, want.Sessions.Rows) {
			t.Fatal("two reports of the same entries list the open connections in another order")
		}
	}
}

// TestReadsFieldsSuffices: entries that ReadsFields says the parts need
// nothing more of, stripped to their time, level and kind, and those whose
// indexed fields ReadsIndex says they do not read, stripped of their
// fields (an empty list, as a load restricted to no key leaves them), and
// the others stripped of the fields Keys leaves out, give
// the same report as the whole entries — over generated lines and the
// fixtures of every payload.
func TestReadsFieldsSuffices(t *testing.T) {
	es := synthEntries(6, 3000)
	for _, f := range []string{"audit.log", "service.log", "analytics.log", "session.log", "flow.log", "json.log", "text.log"} {
		es = append(es, decodeFile(t, fixture("payloads", f), false)...)
	}
	opts := ReportOptions{Ended: true, Sessions: func(*Session) bool { return true }}
	for _, p := range []Parts{PartTop, PartSessions, PartTimeline, PartTop | PartTimeline, PartTemplates, PartTemplates | PartTimeline, AllParts} {
		stripped, n := clone(es), 0
		for i := range stripped {
			e := &stripped[i]
			if !p.ReadsFields(e.Kind, e.Level) {
				*e = model.Entry{Seq: e.Seq, Time: e.Time, Level: e.Level, Kind: e.Kind}
				n++
			} else if !p.ReadsIndex(e.Kind, e.Level) {
				e.Fields = model.Fields{}
			} else if keys := p.Keys(e.Kind); keys != nil {
				e.Fields = slices.DeleteFunc(slices.Clone(e.Fields), func(f model.Field) bool { return !slices.Contains(keys, f.Key) })
			}
		}
		whole, lean := New(Options{Parts: p}), New(Options{Parts: p})
		whole.Add(clone(es))
		lean.Add(stripped)
		if !reflect.DeepEqual(whole.Report(opts), lean.Report(opts)) {
			t.Errorf("parts %b: the %d entries stripped change the report", p, n)
		}
		if p&PartTemplates == 0 && n < len(es)/2 {
			t.Errorf("parts %b: only %d of %d entries need no field", p, n, len(es))
		}
	}
}

// What changed compares templates, and a service line's template is the
// decoder's or made of its payload: the parts that hold it load such lines'
// templates (their payloads, no re-parse, when the index lacks it), and
// re-parse the lines whose message is a field.
func TestPartsLoadTheTextTheirTemplatesNeed(t *testing.T) {
	for _, p := range []Parts{PartTemplates, PartChanged, AllParts, 0} {
		if got := p.Load(model.KindService); got != model.LoadTemplate {
			t.Errorf("parts %b load a service line to %v, want its template", p, got)
		}
		if got := p.Load(model.KindAudit); got != model.LoadFull {
			t.Errorf("parts %b load an audit record to %v, want a full load", p, got)
		}
	}
	for _, p := range []Parts{PartTop, PartSessions, PartTimeline} {
		if got := p.Load(model.KindService); got != model.LoadIndex {
			t.Errorf("parts %b load a service line to %v, want the index", p, got)
		}
	}
}

// TestAddKeyedCountsAsAdd: counting entries with the template keys made
// beforehand reports what counting them alone does, for every part.
func TestAddKeyedCountsAsAdd(t *testing.T) {
	es := synthEntries(8, 3000)
	for _, f := range []string{"audit.log", "service.log", "analytics.log", "session.log", "flow.log", "json.log", "text.log"} {
		es = append(es, decodeFile(t, fixture("payloads", f), false)...)
	}
	mid := es[len(es)/2].Time
	cmp := &Compare{A: Window{From: es[0].Time, To: mid}, B: Window{From: mid, To: es[len(es)-1].Time.Add(time.Second)}}
	opts := ReportOptions{Ended: true, Top: 1000, Sessions: func(*Session) bool { return true }}
	plain, keyed := New(Options{Compare: cmp}), New(Options{Compare: cmp})
	plain.Add(clone(es))
	withKeys := clone(es)
	keys := make([][]byte, len(withKeys))
	for i := range withKeys {
		keys[i] = TemplateKey(nil, &withKeys[i])
	}
	keyed.AddKeyed(withKeys, keys)
	want := plain.Report(opts)
	if len(want.Templates) < 10 || !reflect.DeepEqual(keyed.Report(opts), want) {
		t.Errorf("counted with keys made beforehand, the report differs (%d templates)", len(want.Templates))
	}
}
