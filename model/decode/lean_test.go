package decode

import (
	"reflect"
	"testing"

	"connlog/model"
)

// TestLeanServiceCompletes: decoding with LeanService and completing every
// entry gives exactly the entries of an ordinary decode, for every fixture,
// and the lean entries skipped the fields of service lines only.
func TestLeanServiceCompletes(t *testing.T) {
	leans := compareFixtures(t, Options{LeanService: true, LeanAnalytics: true, LeanText: true}, checkLean)
	if leans == 0 {
		t.Fatal("no fixture entry was decoded lean: the comparison proved nothing")
	}
}

// TestLeanTextCompletes: LeanText alone leaves only stamped text lines
// lean, and Complete gives them the fields of an ordinary decode.
func TestLeanTextCompletes(t *testing.T) {
	texts := compareFixtures(t, Options{LeanText: true}, func(t *testing.T, got, want []model.Entry) int {
		for i := range got {
			if IsLean(&got[i]) && want[i].Kind != model.KindText {
				t.Fatalf("entry %d of kind %v was left lean", i, want[i].Kind)
			}
		}
		return checkLean(t, got, want)
	})
	if texts == 0 {
		t.Fatal("no fixture's text line was decoded lean: the comparison proved nothing")
	}
}

// compareFixtures decodes every fixture file ordinarily and with the
// options of opts that change how lines are read, and has check compare
// the two; it returns the sum of what check counted.
func compareFixtures(t *testing.T, opts Options, check func(t *testing.T, got, want []model.Entry) int) int {
	t.Helper()
	n := 0
	for _, ff := range fixtureFiles {
		t.Run(ff.file, func(t *testing.T) {
			recs := fileRecords(fixture(t, ff.file))
			want := decodeAll(Options{Envelope: ff.envelope, Reference: readTime}, recs)
			o := opts
			o.Envelope, o.Reference = ff.envelope, readTime
			n += check(t, decodeAll(o, recs), want)
		})
	}
	return n
}

// checkLean compares a lean decode, completed, with an ordinary one.
func checkLean(t *testing.T, got, want []model.Entry) (leans int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range got {
		lean := IsLean(&got[i])
		if lean {
			leans++
		}
		if lean && want[i].Kind != model.KindService && want[i].Kind != model.KindAnalytics && want[i].Kind != model.KindText {
			t.Fatalf("entry %d of kind %v was left lean", i, want[i].Kind)
		}
		Complete(&got[i])
		if IsLean(&got[i]) {
			t.Fatalf("entry %d is still lean after Complete", i)
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("entry %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	return leans
}

func TestLeanServiceLeavesFieldsUnset(t *testing.T) {
	cases := []struct {
		name string
		line string
		lean bool
	}{
		{"service line", "2026-02-10T08:00:00.1Z [ERROR] [libsdwan] x::y: z", true},
		{"service line with a bad level", "2026-02-10T08:00:00.1Z [BAD] x", false},
		{"analytics", `2026-02-10T08:00:00.1Z ANALYTICS {"event_type":"failed_to_connect","timestamp":1770710403183}`, true},
		{"truncated analytics", `2026-02-10T08:00:00.1Z ANALYTICS {"event_type":"failed_to_connect","time`, false},
		{"text", "2026-02-10T08:00:00.1Z hello", false},
		{"libevent", "2026-02-10T08:00:00.1Z [msg] epoll", false},
		{"stamped text", "2026-02-10T08:00:00.1Z 2026-02-10T08:00:00.05Z WRN relay lost", true},
		{"stamped text, local time", "2026-02-10T08:00:00.1Z 2026-02-10 08:00:00,050 - relay - ERROR - lost", true},
		{"a number, no time", "2026-02-10T08:00:00.1Z 42 relays lost", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := decodeAll(Options{Envelope: "docker-ts", LeanService: true, LeanAnalytics: true, LeanText: true}, lineRecords(tc.line))
			if len(es) != 1 || IsLean(&es[0]) != tc.lean {
				t.Fatalf("%d entries, lean %v; want one, lean %v", len(es), len(es) > 0 && IsLean(&es[0]), tc.lean)
			}
			if tc.lean && (es[0].Level < model.LevelWarn || es[0].Time.IsZero()) {
				t.Fatalf("lean entry lacks its level or time: %+v", es[0])
			}
		})
	}
}

// TestLeanColouredLines: a line written with colours for a terminal is
// read without them whichever way it is decoded, as Parse reads it: a
// coloured connector's line after a program's time is that line, with its
// level, when decoded lean (export) as when decoded in full (summary).
func TestLeanColouredLines(t *testing.T) {
	recs := lineRecords(
		"2026-12-06 01:00:00 [INFO] [connector] plain first",
		"2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [connector] relay down",
		"2026-12-06T01:00:02Z \x1b[31m[ERROR]\x1b[0m [connector] relay down",
		"2026-12-06T01:00:03Z \x1b[31mERR\x1b[0m relay down",
	)
	want := decodeAll(Options{Reference: readTime}, recs)
	for i, level := range []model.Level{model.LevelInfo, model.LevelError, model.LevelError, model.LevelError} {
		if want[i].Level != level {
			t.Fatalf("entry %d (%q) decoded in full has level %v, want %v", i, want[i].Raw, want[i].Level, level)
		}
	}
	got := decodeAll(Options{Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true}, recs)
	if leans := checkLean(t, got, want); leans != len(want) {
		t.Fatalf("%d of %d lines decoded lean", leans, len(want))
	}
}

// TestLeanJSONAfterAStamp: a JSON document behind a program's own stamp
// (not Docker's nine digits, so no envelope takes it), bracketed or not,
// and after a level word, is a JSON entry with its level (else the
// word's), decoded lean (export) as in full (summary, the TUI).
func TestLeanJSONAfterAStamp(t *testing.T) {
	recs := lineRecords(
		`2026-12-05T10:00:20.000Z {"level":"error","msg":"m"}`,
		`2026-12-05T10:00:21Z {"level":"warn","msg":"m"}`,
		`2026-12-05T10:00:22.000000Z {"level":"error","msg":"m"}`,
		`[2025-11-01T14:06:15Z] {"level":"error","msg":"m","peer":"10.0.0.7"}`,
		`2026-12-05T10:00:23.000Z INFO {"msg":"m","site":"s1"}`,
		`2026-12-05 10:00:24 WARN {"level":"error","msg":"m"}`,
	)
	levels := []model.Level{model.LevelError, model.LevelWarn, model.LevelError, model.LevelError, model.LevelInfo, model.LevelError}
	full := decodeAll(Options{Reference: readTime}, recs)
	checkLean(t, decodeAll(Options{Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true}, recs), full)
	for _, opts := range []Options{{Reference: readTime}, {Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true}} {
		es := decodeAll(opts, recs)
		if len(es) != len(levels) {
			t.Fatalf("%d entries, want %d", len(es), len(levels))
		}
		for i, e := range es {
			if e.Kind != model.KindJSON || e.Level != levels[i] || e.Fields.Value(model.KeyMessage) != "m" {
				t.Errorf("lean %v, entry %d (%q): %v %v, fields %v", opts.LeanText, i, e.Raw, e.Kind, e.Level, e.Fields)
			}
		}
	}
}

// TestLeanLevelledJSONAndStampedLogfmt: a JSON document after a level tag
// ("[INFO] {…}", behind Docker's stamp or a program's) and a logfmt line
// after a stamp are decoded lean and with IndexService as in full: the
// lean readers leave them to Parse rather than claim a service or text
// line.
func TestLeanLevelledJSONAndStampedLogfmt(t *testing.T) {
	recs := lineRecords(
		`2026-12-05T10:00:20.123456789Z [INFO] {"msg":"m","site":"s1"}`,
		`2026-12-05T10:00:21.000Z [WARN] {"msg":"m","site":"s1"}`,
		`2026-12-05 10:00:22 level=error msg=m site=s1`,
		`2026-12-05T10:00:23.123456789Z [INFO] [connector] m`,
	)
	kinds := []model.Kind{model.KindJSON, model.KindJSON, model.KindText, model.KindService}
	levels := []model.Level{model.LevelInfo, model.LevelWarn, model.LevelError, model.LevelInfo}
	full := decodeAll(Options{Reference: readTime}, recs)
	checkLean(t, decodeAll(Options{Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true}, recs), full)
	checkIndexed(t, decodeAll(Options{Reference: readTime, IndexService: true}, recs), full)
	for i, e := range full {
		if e.Kind != kinds[i] || e.Level != levels[i] || e.Fields.Value("site") == "" && i < 3 {
			t.Errorf("entry %d (%q): %v %v, fields %v", i, e.Raw, e.Kind, e.Level, e.Fields)
		}
	}
}
