package decode

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

func TestEnvelopeSticksAndFallsBack(t *testing.T) {
	const (
		ts1    = "2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Error"
		bare   = "resource temporarily unavailable"
		shortF = "2023-09-15T12:03:49.5Z [DEBUG] [libsdwan] resetting configuration"
		ownTS  = "2023-09-15T12:03:49.390441Z [INFO] [soak] seq=0"
	)
	cases := []struct {
		name      string
		opts      Options
		lines     []string
		envelopes []string
		payloads  []string
	}{
		{"a bare line inside docker-ts stays bare", Options{},
			[]string{ts1, bare, ts1},
			[]string{"docker-ts", "bare", "docker-ts"},
			[]string{"[INFO] [connector] State: Error", bare, "[INFO] [connector] State: Error"}},
		{"once detected, looser stamps fit the envelope", Options{},
			[]string{ts1, shortF},
			[]string{"docker-ts", "docker-ts"},
			[]string{"[INFO] [connector] State: Error", "[DEBUG] [libsdwan] resetting configuration"}},
		{"before detection a program's own stamp is the line's", Options{},
			[]string{ownTS},
			[]string{"bare"},
			[]string{ownTS}},
		{"a trimmed stamp before a connector line is docker's", Options{},
			[]string{shortF},
			[]string{"docker-ts"},
			[]string{"[DEBUG] [libsdwan] resetting configuration"}},
		{"other envelopes are still recognised line by line", Options{},
			[]string{ts1, "INFO: 2026/02/10 14:21:37 Websocket connected"},
			[]string{"docker-ts", "newt"},
			[]string{"[INFO] [connector] State: Error", "Websocket connected"}},
		{"a forced envelope is used without detection", Options{Envelope: "docker-ts"},
			[]string{shortF, "INFO: 2026/02/10 14:21:37 Websocket connected"},
			[]string{"docker-ts", "bare"},
			[]string{"[DEBUG] [libsdwan] resetting configuration", "INFO: 2026/02/10 14:21:37 Websocket connected"}},
		{"forced bare keeps lines whole", Options{Envelope: "BARE"},
			[]string{ts1},
			[]string{"bare"},
			[]string{ts1}},
		{"auto detects", Options{Envelope: "auto"},
			[]string{ts1},
			[]string{"docker-ts"},
			[]string{"[INFO] [connector] State: Error"}},
		{"a broken json-file record is a bare line", Options{},
			[]string{`{"log":"a\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`, `{"log":"[INFO] [conn`},
			[]string{"docker-json", "bare"},
			[]string{"a", `{"log":"[INFO] [conn`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := decodeAll(tc.opts, lineRecords(tc.lines...))
			var envs []string
			for _, e := range es {
				envs = append(envs, e.Origin.Envelope)
			}
			sameLines(t, "envelope", envs, tc.envelopes)
			sameLines(t, "payload", payloads(es), tc.payloads)
		})
	}
}

func TestCheckOptions(t *testing.T) {
	cases := []struct {
		name    string
		env     string
		wantErr bool
	}{
		{"empty", "", false},
		{"auto", "Auto", false},
		{"known", "cri", false},
		{"alias", "json-file", false},
		{"unknown", "xml", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOptions(Options{Envelope: tc.env})
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err != nil && !strings.Contains(err.Error(), "docker-json") {
				t.Errorf("error does not list the envelopes: %v", err)
			}
		})
	}
}

func TestPartialLinesAreJoined(t *testing.T) {
	const tsz = "2023-09-15T12:03:47.692712516Z"
	dj := func(log, stream string) string {
		return `{"log":"` + log + `","stream":"` + stream + `","time":"` + tsz + `"}`
	}
	cases := []struct {
		name     string
		lines    []string
		payloads []string
		flags    []model.Flags
	}{
		{"json-file pieces up to the newline", []string{dj("AAA", "stdout"), dj("BBB", "stdout"), dj(`C\"C\n`, "stdout")},
			[]string{`AAABBBC"C`}, []model.Flags{0}},
		{"CRI P P F", []string{tsz + " stdout P AAA", tsz + " stdout P BBB", tsz + " stdout F CCC"},
			[]string{"AAABBBCCC"}, []model.Flags{0}},
		{"a line of the other stream between two pieces", []string{dj("AAA", "stdout"), dj(`err\n`, "stderr"), dj(`BBB\n`, "stdout")},
			[]string{"err", "AAABBB"}, []model.Flags{0, 0}},
		{"CRI pieces around the other stream's", []string{tsz + " stdout P AAA", tsz + " stderr P e", tsz + " stderr F rr", tsz + " stdout F BBB"},
			[]string{"err", "AAABBB"}, []model.Flags{0, 0}},
		{"both streams held at the end, in input order", []string{tsz + " stderr P EEE", tsz + " stdout P OOO"},
			[]string{"EEE", "OOO"}, []model.Flags{model.FlagPartial, model.FlagPartial}},
		{"a bare line ends both streams' held lines, in input order", []string{tsz + " stderr P EEE", tsz + " stdout P OOO", "plain"},
			[]string{"EEE", "OOO", "plain"}, []model.Flags{model.FlagPartial, model.FlagPartial, 0}},
		{"a bare line ends the held line", []string{tsz + " stdout P AAA", "plain"},
			[]string{"AAA", "plain"}, []model.Flags{model.FlagPartial, 0}},
		{"held at the end of the input", []string{dj(`x\n`, "stdout"), dj("AAA", "stdout")},
			[]string{"x", "AAA"}, []model.Flags{0, model.FlagPartial}},
		{"a newt line split by the runtime keeps its level", []string{tsz + " stdout P WARN: 2026/02/10 14:22:13 Ping ", tsz + " stdout F failed"},
			[]string{"Ping failed"}, []model.Flags{0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recs := lineRecords(tc.lines...)
			es := decodeAll(Options{}, recs)
			sameLines(t, "payload", payloads(es), tc.payloads)
			for i, e := range es {
				if got := e.Flags &^ model.FlagTimeInferred; got != tc.flags[i] {
					t.Errorf("entry %d flags %b, want %b", i, got, tc.flags[i])
				}
				checkReparse(t, &e)
			}
			got := strings.Split(strings.TrimSuffix(string(rawOfRecords(es)), "\n"), "\n")
			if slices.Sort(got); !slices.Equal(got, slices.Sorted(slices.Values(tc.lines))) {
				t.Errorf("raw bytes not kept:\n%q", got)
			}
		})
	}
}

func TestNewtLevelSurvivesAJoin(t *testing.T) {
	const tsz = "2023-09-15T12:03:47.692712516Z"
	es := decodeAll(Options{}, lineRecords(tsz+" stdout P WARN: 2026/02/10 14:22:13 Ping ", tsz+" stdout F failed"))
	if len(es) != 1 || es[0].Level != model.LevelWarn {
		t.Fatalf("entries %d, level %v", len(es), es[0].Level)
	}
}

func TestJoinedLineIsCutAtTheBound(t *testing.T) {
	piece := strings.Repeat("x", 16384)
	rec := `{"log":"` + piece + `","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`
	n := MaxJoinedBytes/len(rec) + 2
	lines := make([]string, n)
	for i := range lines {
		lines[i] = rec
	}
	lines[n-1] = `{"log":"end\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`
	es := decodeAll(Options{}, lineRecords(lines...))
	if len(es) != 2 {
		t.Fatalf("%d entries, want the cut line and its rest", len(es))
	}
	if !es[0].Flags.Has(model.FlagTruncated) || es[1].Flags.Has(model.FlagTruncated) {
		t.Errorf("flags %b, %b", es[0].Flags, es[1].Flags)
	}
	total := len(es[0].Payload) + len(es[1].Payload)
	if want := (n-1)*len(piece) + len("end"); total != want {
		t.Errorf("payload bytes %d, want %d", total, want)
	}
	if got := string(rawOfRecords(es)); got != strings.Join(lines, "\n")+"\n" {
		t.Error("raw bytes not kept")
	}
}

func TestTimeOfEntries(t *testing.T) {
	const ts = "2023-09-15T12:03:47.692712516Z"
	at := time.Date(2023, 9, 15, 12, 3, 47, 692712516, time.UTC)
	journalAt := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	cases := []struct {
		name     string
		recs     []model.Record
		want     []time.Time
		inferred []bool
	}{
		{"envelope time, then inherited by bare lines",
			lineRecords(ts+" a", "b", "c"),
			[]time.Time{at, at, at}, []bool{false, true, true}},
		{"no time at all: the read time, inferred",
			lineRecords("a", "b"),
			[]time.Time{readTime, readTime}, []bool{true, true}},
		{"journald records take the journal's time",
			[]model.Record{{Raw: []byte("a"), Received: journalAt, Journal: &model.JournalFields{Priority: 6}, Offset: -1}},
			[]time.Time{journalAt}, []bool{false}},
		{"a later time replaces the inherited one",
			lineRecords("a", ts+" b", "c"),
			[]time.Time{readTime, at, at}, []bool{true, false, true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := decodeAll(Options{}, tc.recs)
			if len(es) != len(tc.want) {
				t.Fatalf("%d entries, want %d", len(es), len(tc.want))
			}
			for i, e := range es {
				if !e.Time.Equal(tc.want[i]) || e.Flags.Has(model.FlagTimeInferred) != tc.inferred[i] {
					t.Errorf("entry %d time %v inferred %v, want %v %v", i, e.Time, e.Flags.Has(model.FlagTimeInferred), tc.want[i], tc.inferred[i])
				}
			}
		})
	}
}

func TestOriginFromTheJournalSource(t *testing.T) {
	j := &model.JournalFields{Cursor: "c", Hostname: "ip-172-30-2-209", Unit: "twingate-connector.service",
		Identifier: "twingate-connector", PID: 369075, Priority: 6, Transport: "stdout"}
	rec := model.Record{Raw: []byte("resource temporarily unavailable"), Offset: -1, Received: readTime, Journal: j}
	es := decodeAll(Options{}, []model.Record{rec})
	o := es[0].Origin
	if o.Host != j.Hostname || o.Unit != j.Unit || o.Ident != j.Identifier || o.PID != j.PID || o.Journal != j || o.Offset != -1 || !o.Received.Equal(readTime) {
		t.Errorf("origin %+v", o)
	}
}

// A stream's split line whose last piece does not come is shown, flagged
// partial, once the other stream has written maxForeignRecords lines past
// it: it is not held out of sight for as long as the other stream writes.
func TestAHeldPieceWaitsForSoManyLinesOfTheOtherStream(t *testing.T) {
	const tsz = "2023-09-15T12:03:47.692712516Z"
	lines := []string{tsz + " stdout P held"}
	for i := range maxForeignRecords + 1 {
		lines = append(lines, fmt.Sprintf("%s stderr F line %d", tsz, i))
	}
	d := New(1, Options{})
	var es []model.Entry
	for i, rec := range lineRecords(lines...) {
		es = d.Decode(&rec, es)
		if i == maxForeignRecords && len(es) != maxForeignRecords {
			t.Fatalf("%d entries after %d lines of stderr, want them alone", len(es), maxForeignRecords)
		}
	}
	if n := len(es); n != maxForeignRecords+2 || string(es[n-2].Payload) != "held" || !es[n-2].Flags.Has(model.FlagPartial) {
		t.Fatalf("%d entries; the held piece must come, flagged partial, before the line that passed the bound", n)
	}
	// The count starts again with each piece.
	lines = lines[:0]
	for _, piece := range []string{"P AA", "P BB", "F CC"} {
		lines = append(lines, tsz+" stdout "+piece)
		for i := range maxForeignRecords * 2 / 3 {
			lines = append(lines, fmt.Sprintf("%s stderr F line %d", tsz, i))
		}
	}
	es = decodeAll(Options{}, lineRecords(lines...))
	if i := slices.IndexFunc(es, func(e model.Entry) bool { return e.Source == 1 && strings.HasPrefix(string(e.Payload), "AA") }); i < 0 || string(es[i].Payload) != "AABBCC" {
		t.Errorf("pieces less than the bound apart were not joined")
	}
}

// A journal entry's time is exact; a time without a zone in its message
// (newt's) is the writing host's wall clock, which the reader's zone need
// not share: the journal's wins. A message time with a zone (an ANALYTICS
// event's epoch) is kept.
func TestJournalTimeWinsOverAZonelessMessageTime(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database")
	}
	journalAt := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	rec := func(msg string) model.Record {
		return model.Record{Raw: []byte(msg), Received: journalAt, Journal: &model.JournalFields{Priority: 6}, Offset: -1}
	}
	for _, loc := range []*time.Location{time.UTC, paris} {
		es := decodeAll(Options{Location: loc}, []model.Record{
			rec("INFO: 2026/12/04 09:00:00 Websocket connected"),
			rec(`ANALYTICS {"event_type": "closed_connection", "timestamp": 1796371200500}`),
		})
		if !es[0].Time.Equal(journalAt) {
			t.Errorf("in %v: newt's zone-less time gave %v, want the journal's %v", loc, es[0].Time, journalAt)
		}
		if want := time.UnixMilli(1796371200500); !es[1].Time.Equal(want) {
			t.Errorf("in %v: the event's own time gave %v, want %v", loc, es[1].Time, want)
		}
	}
}

// An ANALYTICS event whose timestamp is nonsense keeps the time its line
// would have without one (its envelope's, else the line before's) and
// passes no nonsense on to the untimed lines after it.
func TestImplausibleAnalyticsTimeIsNotTakenNorInherited(t *testing.T) {
	const ts = "2026-12-04T10:00:00.5Z"
	at := time.Date(2026, 12, 4, 10, 0, 0, 500000000, time.UTC)
	good := time.UnixMilli(1796378400000).UTC()
	event := func(stamp string) string {
		return `ANALYTICS {"event_type":"closed_connection","connection":{"id":"c1"},"timestamp":` + stamp + `}`
	}
	for _, stamp := range []string{`0`, `"0000-01-01T00:00:00Z"`, `599616000000`, `99999999999999`, `"soon"`} {
		t.Run(stamp, func(t *testing.T) {
			es := decodeAll(Options{}, lineRecords(event(`1796378400000`), "[INFO] [connector] a", event(stamp), "[INFO] [connector] b"))
			for i, e := range es {
				if !e.Time.Equal(good) {
					t.Errorf("bare entry %d at %v, want the last good time %v", i, e.Time, good)
				}
			}
			es = decodeAll(Options{}, lineRecords(ts+" "+event(stamp), "[INFO] [connector] c"))
			for i, e := range es {
				if !e.Time.Equal(at) {
					t.Errorf("stamped entry %d at %v, want the envelope's %v", i, e.Time, at)
				}
			}
			journalAt := time.Date(2026, 12, 4, 11, 0, 0, 0, time.UTC)
			es = decodeAll(Options{}, []model.Record{{Raw: []byte(event(stamp)), Received: journalAt, Journal: &model.JournalFields{Priority: 6}, Offset: -1}})
			if !es[0].Time.Equal(journalAt) || es[0].Flags.Has(model.FlagTimeInferred) {
				t.Errorf("journal entry at %v, want the journal's %v", es[0].Time, journalAt)
			}
		})
	}
}

// An audit record's stamp times a line of audit.log, but a record carried
// by syslog or the journal keeps the envelope's time; its fields are read
// either way.
func TestAuditRecordTime(t *testing.T) {
	const rec = `audit: type=1400 audit(1796378400.123:456): apparmor="DENIED" operation="open" pid=99 comm="curl"`
	stamp := time.Date(2026, 12, 4, 10, 0, 0, 123000000, time.UTC)
	es := decodeAll(Options{}, lineRecords(`type=USER_LOGIN msg=audit(1796378400.123:456): pid=1 msg='acct="alice" res=failed'`, "plain after"))
	if es[0].Kind != model.KindAudit || !es[0].Time.Equal(stamp) || !es[1].Time.Equal(stamp) {
		t.Errorf("audit.log line: kind %v at %v, next at %v; want audit at %v for both", es[0].Kind, es[0].Time, es[1].Time, stamp)
	}
	journalAt := time.Date(2026, 12, 4, 10, 0, 1, 0, time.UTC)
	es = decodeAll(Options{}, []model.Record{{Raw: []byte(rec), Received: journalAt, Journal: &model.JournalFields{Priority: 5, Identifier: "kernel"}, Offset: -1}})
	if e := es[0]; e.Kind != model.KindAudit || !e.Time.Equal(journalAt) || e.Fields.Value("apparmor") != "DENIED" || e.Level != model.LevelWarn {
		t.Errorf("journal: kind %v level %v at %v, fields %v; want audit, warn, at %v", e.Kind, e.Level, e.Time, e.Fields, journalAt)
	}
	es = decodeAll(Options{Location: time.UTC, Reference: journalAt}, lineRecords("Dec  4 10:00:01 host1 kernel: "+rec))
	if e := es[0]; e.Kind != model.KindAudit || !e.Time.Equal(journalAt) || e.Fields.Value("comm") != "curl" {
		t.Errorf("syslog: kind %v at %v, fields %v; want audit at %v", e.Kind, e.Time, e.Fields, journalAt)
	}
}

// A record journald received from the kernel's audit subsystem is stored
// as the type's name and the pairs, without "type=" or its stamp: carried
// by the journal's audit transport (or under its identifier "audit" in
// syslog text) it is an audit entry with the fields of the audit.log
// form, timed by its carrier, also when the store parses it again; the
// same words from another program are text.
func TestJournalAuditTransport(t *testing.T) {
	const msg = `USER_LOGIN pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" exe="/usr/sbin/sshd" hostname=? addr=203.0.113.9 terminal=ssh res=failed'`
	at := time.Date(2026, 12, 4, 10, 0, 1, 0, time.UTC)
	journal := func(transport, ident, msg string) model.Record {
		return model.Record{Raw: []byte(msg), Received: at, Offset: -1,
			Journal: &model.JournalFields{Priority: -1, Transport: transport, Identifier: ident}}
	}
	cases := []struct {
		name string
		recs []model.Record
		opts Options
		kind model.Kind
	}{
		{"audit transport", []model.Record{journal("audit", "", msg)}, Options{}, model.KindAudit},
		{"audit transport, identifier audit", []model.Record{journal("audit", "audit", msg)}, Options{}, model.KindAudit},
		{"journal JSON of the audit transport", lineRecords(`{"__REALTIME_TIMESTAMP":"1796378401000000","_TRANSPORT":"audit","MESSAGE":` + strconv.Quote(msg) + `}`),
			Options{}, model.KindAudit},
		{"syslog text under audit", lineRecords("Dec  4 10:00:01 host1 audit[1234]: " + msg), Options{Location: time.UTC, Reference: at}, model.KindAudit},
		{"another transport", []model.Record{journal("stdout", "sshd", msg)}, Options{}, model.KindText},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := decodeAll(c.opts, c.recs)
			e := es[0]
			if e.Kind != c.kind {
				t.Fatalf("kind %v, want %v (fields %v)", e.Kind, c.kind, e.Fields)
			}
			if c.kind != model.KindAudit {
				return
			}
			if !e.Time.Equal(at) || e.Level != model.LevelWarn {
				t.Errorf("level %v at %v; want warn at %v", e.Level, e.Time, at)
			}
			for k, v := range map[string]string{model.KeyAuditType: "USER_LOGIN", "acct": "alice", "addr": "203.0.113.9", "res": "failed"} {
				if got := e.Fields.Value(k); got != v {
					t.Errorf("%s=%q, want %q", k, got, v)
				}
			}
			again := e
			again.Fields, again.Payload = nil, nil
			Reparse(&again)
			if again.Fields.Value("acct") != "alice" || again.Fields.Value(model.KeyAuditType) != "USER_LOGIN" || again.Err != "" {
				t.Errorf("parsed again: fields %v, error %q", again.Fields, again.Err)
			}
		})
	}
}

// journald keeps an audit record's stamp out of its message, in
// _SOURCE_REALTIME_TIMESTAMP and _AUDIT_ID: from those the record gets the
// audit_id auditd writes in audit.log (msg=audit(SECONDS.MILLIS:SERIAL)),
// whichever reader brought it and also when the store parses it again, so
// that one event groups the same way read from either.
func TestJournalAuditStampIsAuditdsAuditID(t *testing.T) {
	const stamp = "1796378400.023:456"
	const pairs = `pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" res=failed'`
	text := decodeAll(Options{}, lineRecords("type=USER_LOGIN msg=audit("+stamp+"): "+pairs))
	if got := text[0].Fields.Value(model.KeyAuditEvent); got != stamp {
		t.Fatalf("audit.log line: audit_id %q; want %q", got, stamp)
	}
	at := time.Date(2026, 12, 4, 10, 0, 0, 23456000, time.UTC) // journald's receive time: not the stamp's
	stamped := model.JournalFields{Priority: -1, Transport: model.JournalAudit}
	stamped.SetAuditStamp([]byte("1796378400023000"), []byte("456"))
	cases := []struct {
		name string
		rec  model.Record
	}{
		{"journal", model.Record{Raw: []byte("USER_LOGIN " + pairs), Received: at, Offset: -1, Journal: &stamped}},
		{"journal JSON", lineRecords(`{"__REALTIME_TIMESTAMP":"1796378400023456","_AUDIT_ID":"456","_TRANSPORT":"audit",` +
			`"MESSAGE":` + strconv.Quote("USER_LOGIN "+pairs) + `,"_SOURCE_REALTIME_TIMESTAMP":"1796378400023000"}`)[0]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := decodeAll(Options{}, []model.Record{c.rec})[0]
			if e.Kind != model.KindAudit || e.Fields.Value(model.KeyAuditEvent) != stamp || !e.Time.Equal(at) {
				t.Fatalf("kind %v at %v, fields %v; want audit at %v, audit_id %q", e.Kind, e.Time, e.Fields, at, stamp)
			}
			if !reflect.DeepEqual(e.Fields, text[0].Fields) {
				t.Errorf("fields %v; audit.log's %v", e.Fields, text[0].Fields)
			}
			again := e
			again.Fields, again.Payload = nil, nil
			Reparse(&again)
			if got := again.Fields.Value(model.KeyAuditEvent); got != stamp {
				t.Errorf("parsed again: audit_id %q; want %q", got, stamp)
			}
		})
	}
	plain := model.JournalFields{Priority: -1, Transport: "stdout", AuditStamp: stamp}
	e := decodeAll(Options{}, []model.Record{{Raw: []byte("USER_LOGIN " + pairs), Received: at, Offset: -1, Journal: &plain}})[0]
	if _, ok := e.Fields.Get(model.KeyAuditEvent); ok || e.Kind == model.KindAudit {
		t.Errorf("another transport's line: kind %v, fields %v; want text without audit_id", e.Kind, e.Fields)
	}
}
