package decode

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/payload"
)

// belowError is what Options.Rejects is for `level>=error`, belowWarn
// for `level>=warn`.
func belowError(e *model.Entry) bool { return e.Level < model.LevelError }

func belowWarn(e *model.Entry) bool { return e.Level < model.LevelWarn }

// rejectedEventLines are docker logs -t lines: a service line, an event
// whose timestamp (08:00:00.5) is not its envelope's time (08:00:01), and
// a line without a time, which inherits the event's.
var rejectedEventLines = []string{
	"2026-02-10T08:00:00.000000000Z [INFO] [connector] up",
	`2026-02-10T08:00:01.000000000Z ANALYTICS {"event_type": "established", "timestamp": 1770710400500, "connection": {"id": "c-1"}}`,
	"an untimed line",
}

var (
	eventStamp    = time.UnixMilli(1770710400500).UTC()
	eventEnvelope = time.Date(2026, 2, 10, 8, 0, 1, 0, time.UTC)
)

// An event Options.Rejects rules out whatever it holds is not parsed once
// nothing wants every time: its entry keeps its envelope's time, and the
// line after it that inherits, and a gap noticed after it, read the
// event's own time then. level>=warn rules out an event whose line names
// no failure.
func TestRejectedEventIsReadOnlyWhenATimeIsWanted(t *testing.T) {
	for name, rejects := range map[string]func(*model.Entry) bool{"level>=error": belowError, "level>=warn": belowWarn} {
		t.Run(name, func(t *testing.T) { checkReadOnlyWhenWanted(t, rejects) })
	}
}

func checkReadOnlyWhenWanted(t *testing.T, rejects func(*model.Entry) bool) {
	gap := model.Record{Mark: model.MarkGap, Note: model.GapLineTooLong, Count: 1, Received: readTime, Offset: -1}
	for _, wanted := range []bool{false, true} {
		d := New(1, Options{Reference: readTime, Rejects: rejects, SpanWanted: func() bool { return wanted }})
		recs := append(lineRecords(rejectedEventLines...), gap)
		es := decodeLead(d, recs[:1])
		es = append(es, decodeLead(d, recs[1:])...)
		if len(es) != 4 {
			t.Fatalf("%d entries, want 4", len(es))
		}
		ev := es[1]
		if want := eventEnvelope; wanted {
			want = eventStamp
			if !ev.Time.Equal(want) || ev.Fields != nil {
				t.Errorf("span wanted: event at %v with %d fields, want %v, unparsed", ev.Time, len(ev.Fields), want)
			}
		} else if !ev.Time.Equal(want) || ev.Fields != nil || ev.Kind != model.KindAnalytics || ev.Item != 0 {
			t.Errorf("event at %v, kind %v, item %d, %d fields; want it unparsed at its envelope's time %v",
				ev.Time, ev.Kind, ev.Item, len(ev.Fields), want)
		}
		if !es[2].Time.Equal(eventStamp) || !es[3].Time.Equal(eventStamp) {
			t.Errorf("span wanted %v: the untimed line at %v, the gap at %v; want the event's %v", wanted, es[2].Time, es[3].Time, eventStamp)
		}
	}
}

// An event is parsed as ever when the question could take one of its
// forms (level>=warn takes a failure, which a line naming one may be, or
// one that spells it in escapes or colours), when its line has no
// envelope time, or while the writer's leads are not settled.
func TestEventParsedWhenItMayBeWanted(t *testing.T) {
	never := func() bool { return false }
	bare := []string{"2026-02-10T08:00:00Z [INFO] [connector] up",
		`ANALYTICS {"event_type": "established", "timestamp": 1770710400500, "connection": {"id": "c-1"}}`}
	mayFail := func(event string) []string {
		return []string{rejectedEventLines[0], `2026-02-10T08:00:01.000000000Z ANALYTICS {"event_type": "` + event +
			`", "timestamp": 1770710400500, "connection": {"id": "c-1"}}`}
	}
	for _, c := range []struct {
		name    string
		rejects func(*model.Entry) bool
		lines   []string
		settled bool
	}{
		{"level>=warn, a failure", belowWarn, mayFail(model.EventFailed), true},
		{"level>=warn, a denial", belowWarn, mayFail(model.EventDenied), true},
		{"level>=warn, a failure escaped", belowWarn, mayFail(`failed\u005fto_connect`), true},
		{"level>=warn, a failure in colours", belowWarn, mayFail("failed_\x1b[0mto_connect"), true},
		{"level>=warn, a failure named elsewhere", belowWarn, mayFail(`established", "error": "` + model.EventFailed), true},
		{"no envelope time", belowError, bare, true},
		{"leads not settled", belowError, rejectedEventLines[:2], false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := New(1, Options{Reference: readTime, Rejects: c.rejects, SpanWanted: never})
			recs := lineRecords(c.lines...)
			var es []model.Entry
			if c.settled {
				es = decodeLead(d, recs[:1])
				recs = recs[1:]
			}
			for i := range recs {
				es = d.Decode(&recs[i], es)
			}
			if ev := es[len(es)-1]; !ev.Time.Equal(eventStamp) || ev.Item != 0 {
				t.Errorf("event at %v, item %d; want it read, at %v", ev.Time, ev.Item, eventStamp)
			}
		})
	}
}

// FuzzRejectedEventsUnread: decoding arbitrary lines with the events a
// level question rejects left unparsed gives the entries a full decode
// gives, but for those events, which the question rejects in full too:
// their times are the full decode's when every time is wanted, and the
// lines after them, the marks that take their times and the entries the
// question takes are the full decode's whatever is wanted. In New York
// too, where times without a zone are placed in a fall-back hour.
func FuzzRejectedEventsUnread(f *testing.F) {
	f.Add([]byte(strings.Join(rejectedEventLines, "\n")+"\n"), uint8(0), true, false)
	f.Add([]byte("2026-11-01T04:59:00Z [INFO] [connector] up\n"+
		"Nov  1 01:50:00 h twingate[7]: [ERROR] [connector] a\n"+
		"Nov  1 01:10:00 h twingate[7]: ANALYTICS {\"event_type\": \"failed\"}\n"+
		"2026-11-01T06:10:00Z ANALYTICS {\"event_type\": \"x\", \"timestamp\": 1793509800000}\n"+
		"Nov  1 01:55:00 h twingate[7]: [ERROR] [connector] b\n[ERROR] untimed\n"), uint8(0), true, true)
	f.Add([]byte("web-1  | 2026-02-10T08:00:00Z [INFO] [connector] up\n"+
		"web-1  | 2026-02-10T08:00:01Z ANALYTICS {\"timestamp\": \"2026-02-10T07:00:00\", \"event_type\": \"y\"}\n"+
		"db-1   | 2026-02-10T08:00:02Z [INFO] x\nweb-1  | [ERROR] untimed\n2026-02-10T08:00:03Z ANALYTICS {\"event_type\": 1\n"), uint8(0), false, false)
	for _, name := range []string{"docker-ts.log", "compose.log", "syslog.log"} {
		lines := fixtureLines(f, name)
		f.Add([]byte(strings.Join(lines[:min(len(lines), 12)], "\n")+"\n"), uint8(0), true, false)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, env uint8, gap, inNY bool) {
		recs := fileRecords(data)
		if holdsExported(recs) {
			return // its entries are the lines it holds (FuzzExportedRecord)
		}
		if gap && len(recs) > 2 {
			recs = append(recs[:2:2], append([]model.Record{{Mark: model.MarkGap, Note: "rotation", Count: 1, Received: readTime}}, recs[2:]...)...)
		}
		opts := Options{Envelope: envelopeOption(env), Reference: readTime, Location: time.UTC}
		if inNY {
			opts.Location = ny
		}
		full := decodeInJobs(opts, recs)
		for _, rejects := range []func(*model.Entry) bool{belowError, belowWarn} {
			opts.Rejects = rejects
			for _, wanted := range []bool{false, true} {
				opts.SpanWanted = func() bool { return wanted }
				checkUnread(t, decodeInJobs(opts, recs), full, rejects, wanted)
			}
		}
	})
}

// decodeInJobs decodes recs a few at a time (the first alone, so that
// the leads are settled early), settling the leads of each job as the
// sources do.
func decodeInJobs(opts Options, recs []model.Record) []model.Entry {
	d := New(1, opts)
	var out []model.Entry
	for n := 1; len(recs) > 0; n = 3 {
		n = min(len(recs), n)
		out = append(out, decodeLead(d, recs[:n])...)
		recs = recs[n:]
	}
	es := d.Flush(nil)
	d.SettleLead(es)
	return append(out, es...)
}

// checkUnread compares the entries of a decode that left rejected events
// unparsed with those of a full one.
func checkUnread(t *testing.T, got, full []model.Entry, rejects func(*model.Entry) bool, wanted bool) {
	t.Helper()
	if len(got) != len(full) {
		t.Fatalf("span wanted %v: %d entries, a full decode %d", wanted, len(got), len(full))
	}
	for i := range got {
		g, w := &got[i], &full[i]
		if reflect.DeepEqual(g, w) {
			continue
		}
		unread := g.Kind == model.KindAnalytics && g.Fields == nil && payload.OpensAnalytics(g.Payload) && !w.IsMark()
		switch {
		case !unread:
			t.Fatalf("span wanted %v: entry %d differs from a full decode's:\n got %+v\nwant %+v", wanted, i, *g, *w)
		case !rejects(w):
			t.Fatalf("span wanted %v: entry %d left unparsed, but the question takes it: %+v", wanted, i, *w)
		case !bytes.Equal(g.Raw, w.Raw) || g.Origin != w.Origin:
			t.Fatalf("span wanted %v: entry %d left unparsed is not the line of the full decode's:\n got %+v\nwant %+v", wanted, i, *g, *w)
		case wanted && (!g.Time.Equal(w.Time) || g.Time.Location() != w.Time.Location() || g.Flags != w.Flags&^model.FlagParseError):
			t.Fatalf("every time wanted: entry %d left unparsed at %v (flags %b), a full decode's at %v (flags %b)", i, g.Time, g.Flags, w.Time, w.Flags)
		}
	}
}
