package decode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/payload"
)

func TestLevelRules(t *testing.T) {
	journal := func(p int) *model.JournalFields { return &model.JournalFields{Priority: p} }
	cases := []struct {
		name    string
		kind    model.Kind
		payload model.Level
		env     model.Level
		journal *model.JournalFields
		want    model.Level
	}{
		{"the payload's level wins", model.KindService, model.LevelError, model.LevelInfo, journal(4), model.LevelError},
		{"newt's envelope level when the payload has none", model.KindText, model.LevelNone, model.LevelWarn, nil, model.LevelWarn},
		{"text from journald takes PRIORITY 3", model.KindText, model.LevelNone, model.LevelNone, journal(3), model.LevelError},
		{"JSON from journald takes PRIORITY 4", model.KindJSON, model.LevelNone, model.LevelNone, journal(4), model.LevelWarn},
		{"PRIORITY 0 is critical", model.KindText, model.LevelNone, model.LevelNone, journal(0), model.LevelCritical},
		{"PRIORITY 5 is notice", model.KindText, model.LevelNone, model.LevelNone, journal(5), model.LevelNotice},
		{"PRIORITY 7 is debug", model.KindText, model.LevelNone, model.LevelNone, journal(7), model.LevelDebug},
		{"PRIORITY 6 is info", model.KindText, model.LevelNone, model.LevelNone, journal(6), model.LevelInfo},
		{"PRIORITY 6 says nothing for a Twingate program", model.KindText, model.LevelNone, model.LevelNone,
			&model.JournalFields{Priority: 6, Identifier: "twingate-connector"}, model.LevelNone},
		{"PRIORITY 6 says nothing for a Twingate unit", model.KindJSON, model.LevelNone, model.LevelNone,
			&model.JournalFields{Priority: 6, Unit: "twingate-connector.service"}, model.LevelNone},
		{"a Twingate program's PRIORITY 3 is error", model.KindText, model.LevelNone, model.LevelNone,
			&model.JournalFields{Priority: 3, Identifier: "twingate-connector"}, model.LevelError},
		{"no PRIORITY", model.KindText, model.LevelNone, model.LevelNone, journal(-1), model.LevelNone},
		{"service lines never take PRIORITY", model.KindService, model.LevelNone, model.LevelNone, journal(3), model.LevelNone},
		{"analytics never take PRIORITY", model.KindAnalytics, model.LevelNone, model.LevelNone, journal(3), model.LevelNone},
		{"not from journald", model.KindText, model.LevelNone, model.LevelNone, nil, model.LevelNone},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := payload.Result{Kind: tc.kind, Level: tc.payload}
			l := logical{env: envelope.Envelope{Level: tc.env}, journal: tc.journal}
			if got := levelOf(&r, &l); got != tc.want {
				t.Errorf("level %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNewtEnvelopeLevelReachesTheEntry(t *testing.T) {
	es := decodeAll(Options{}, lineRecords("WARN: 2026/02/10 14:22:13 Ping attempt 1 failed: failed to read ICMP packet: i/o timeout"))
	if len(es) != 1 || es[0].Level != model.LevelWarn {
		t.Fatalf("entries %d level %v", len(es), es[0].Level)
	}
}

// tailscaleFlow returns the lines of the pretty-printed flow log API
// response in the Tailscale docs (testdata/tailscale-flow.json).
func tailscaleFlow(t *testing.T) []string {
	b, err := os.ReadFile(filepath.Join("testdata", "tailscale-flow.json"))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestMultiLineJSONDocument(t *testing.T) {
	const ts = "2023-09-15T12:03:47.692712516Z "
	cases := []struct {
		name     string
		lines    []string
		payloads []string // of the first entry of each record
	}{
		{"a document in bare lines", []string{"{", `  "a": [1,`, `    "]"],`, `  "b": "{"`, "}"},
			[]string{"{\n  \"a\": [1,\n    \"]\"],\n  \"b\": \"{\"\n}"}},
		{"a document inside docker-ts", []string{ts + "{", ts + `  "a": 1`, ts + "}"},
			[]string{"{\n  \"a\": 1\n}"}},
		{"lines around it stay separate", []string{"before", "[", "1", "]", "after"},
			[]string{"before", "[\n1\n]", "after"}},
		{"a complete object is not held", []string{`{"a": 1}`, "x"}, []string{`{"a": 1}`, "x"}},
		{"service lines are not JSON", []string{"[INFO] [connector] State: Error", "x"}, []string{"[INFO] [connector] State: Error", "x"}},
		{"a Go struct dump is not JSON", []string{"{Type:newt/wg/connect Data:map[", "x"}, []string{"{Type:newt/wg/connect Data:map[", "x"}},
		{"an open document at the end gives its lines back", []string{"{", `  "a": 1,`}, []string{"{", `  "a": 1,`}},
		{"another envelope ends the document", []string{"{", `  "a": 1,`, ts + "x"}, []string{"{", `  "a": 1,`, "x"}},
		{"escaped quotes inside strings", []string{`{"a": "\"}",`, `"b": 2}`}, []string{"{\"a\": \"\\\"}\",\n\"b\": 2}"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := decodeAll(Options{}, lineRecords(tc.lines...))
			var got []string
			for i := range es {
				if es[i].Item == 0 {
					got = append(got, string(es[i].Payload))
				}
				checkReparse(t, &es[i])
			}
			sameLines(t, "payload", got, tc.payloads)
			if raw := string(rawOfRecords(es)); raw != strings.Join(tc.lines, "\n")+"\n" {
				t.Errorf("raw bytes not kept: %q", raw)
			}
		})
	}
}

func TestTailscaleFlowDocumentIsOnePayload(t *testing.T) {
	lines := tailscaleFlow(t)
	es := decodeAll(Options{}, lineRecords(lines...))
	want := strings.Join(lines, "\n")
	for i, e := range es {
		if string(e.Raw) != want || string(e.Payload) != want || e.Item != i {
			t.Fatalf("entry %d: item %d, raw of %d bytes, want one document of %d", i, e.Item, len(e.Raw), len(want))
		}
		if e.Origin.Offset != 0 {
			t.Errorf("entry %d offset %d", i, e.Origin.Offset)
		}
	}
}

func TestServiceLineIsNotHeld(t *testing.T) {
	d := New(0, Options{})
	rec := model.Record{Raw: []byte("[INFO] [connector] processing \"health\" request"), Offset: 0, Received: readTime}
	if out := d.Decode(&rec, nil); len(out) != 1 {
		t.Fatalf("%d entries before the next line, want 1", len(out))
	}
	rec = model.Record{Raw: []byte("{"), Offset: 0, Received: readTime}
	if out := d.Decode(&rec, nil); len(out) != 0 {
		t.Fatalf("an opening brace gave %d entries, want it held", len(out))
	}
}

func TestDocumentBoundGivesLinesBack(t *testing.T) {
	lines := make([]string, maxDocumentLines+2)
	lines[0] = "["
	for i := 1; i < len(lines); i++ {
		lines[i] = "1,"
	}
	es := decodeAll(Options{}, lineRecords(lines...))
	if len(es) != len(lines) {
		t.Fatalf("%d entries, want every line of the given-up document (%d)", len(es), len(lines))
	}
}

func TestGapAndBoundaryEntries(t *testing.T) {
	const ts = "2023-09-15T12:03:47.692712516Z"
	at := time.Date(2023, 9, 15, 12, 3, 47, 692712516, time.UTC)
	recs := lineRecords(ts + " stdout P AAA")
	recs = append(recs,
		model.Record{Mark: model.MarkGap, Note: "truncation", Count: 1234, Received: readTime, Offset: 99},
		model.Record{Mark: model.MarkBoundary, Note: "restart"},
	)
	es := decodeAll(Options{}, recs)
	if len(es) != 3 {
		t.Fatalf("%d entries, want the held piece, a gap and a boundary", len(es))
	}
	if string(es[0].Payload) != "AAA" || !es[0].Flags.Has(model.FlagPartial) {
		t.Errorf("held piece not flushed before the gap: %q %b", es[0].Payload, es[0].Flags)
	}
	gap := es[1]
	if gap.Kind != model.KindGap || gap.Level != model.LevelWarn || gap.Fields.Value(model.KeyGapReason) != "truncation" ||
		gap.Origin.Offset != -1 || len(gap.Raw) != 0 {
		t.Errorf("gap %+v", gap)
	}
	// The gap lies after the held piece: it has its time, and keeps the
	// time it was noticed as its receive time.
	if !gap.Time.Equal(at) || !gap.Flags.Has(model.FlagTimeInferred) || !gap.Origin.Received.Equal(readTime) {
		t.Errorf("gap at %v (flags %b, received %v), want the previous entry's %v, received %v",
			gap.Time, gap.Flags, gap.Origin.Received, at, readTime)
	}
	if n, ok := gap.Fields.Num(model.KeyGapCount); !ok || n != 1234 {
		t.Errorf("gap count %v %v", n, ok)
	}
	if msg := gap.Fields.Value(model.KeyMessage); msg != "file truncated (copytruncate): up to 1234 bytes may be missing" {
		t.Errorf("gap message %q", msg)
	}
	b := es[2]
	if b.Kind != model.KindBoundary || b.Level != model.LevelNotice || b.Fields.Value(model.KeyBoundary) != "restart" ||
		b.Fields.Value(model.KeyMessage) != "service restarted" {
		t.Errorf("boundary %+v", b)
	}
	if !b.Time.Equal(at) || !b.Flags.Has(model.FlagTimeInferred) {
		t.Errorf("boundary without a time: %v %b, want the previous entry's %v", b.Time, b.Flags, at)
	}
	before := b.Fields
	Reparse(&b)
	if len(b.Fields) != len(before) || b.Fields.Value(model.KeyBoundary) != "restart" {
		t.Error("Reparse changed a boundary entry")
	}
}

func TestHostileLines(t *testing.T) {
	mib := strings.Repeat("\x00\xff<\x1b[31m", 1<<20/8)
	lines := []string{
		"\xff\xfe\x00 invalid",
		`{"log":"nul \u0000 and \ud800\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
		`{"log":"truncated`,
		`{"log":42,"stream":"stdout"}`,
		mib,
		"2023-09-15T12:03:47.692712516Z " + mib,
		`{"__CURSOR":"s","MESSAGE":[999,1]}`,
		"\x00",
		"",
	}
	es := decodeAll(Options{}, lineRecords(lines...))
	if got := string(rawOfRecords(es)); got != strings.Join(lines, "\n")+"\n" {
		t.Fatal("hostile lines were not all kept")
	}
	for i := range es {
		checkReparse(t, &es[i])
	}
}
