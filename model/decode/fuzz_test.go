package decode

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/envelope"
)

// envelopeOption maps a fuzzed byte to an Options.Envelope: detection, or
// one of the envelopes forced.
func envelopeOption(b uint8) string {
	kinds := envelope.Kinds()
	if b%uint8(len(kinds)+1) == 0 {
		return ""
	}
	return kinds[int(b)%len(kinds)].String()
}

func FuzzDecoder(f *testing.F) {
	for _, name := range []string{"docker-json.log", "cri-newt.log", "syslog.log", "journal-json.log", "compose.log"} {
		lines := fixtureLines(f, name)
		f.Add([]byte(lines[0]+"\n"+lines[1]+"\n"+lines[len(lines)-1]+"\n"), uint8(0), false)
	}
	f.Add([]byte("{\n  \"a\": [1,\n\"]\"\n}\nx"), uint8(0), true)
	f.Add([]byte("2016-10-06T00:17:09.669794202Z stdout P a\n2016-10-06T00:17:09.669794202Z stderr F b\n"), uint8(3), true)
	f.Add([]byte("\xff\x00\n\n[\n"), uint8(1), false)
	f.Add([]byte("[2025-11-01T14:06:15Z] [INFO] [client] Environment Information:\n    OS: x\n[2025-11-01T14:06:16Z] [INFO] [client] y\n"), uint8(0), false)
	f.Add([]byte("Apr 26 13:19:06 h systemd[1]: x\n2019-01-01T01:00:00.000000001Z stderr P a\n2019-01-01T01:00:00.000000002Z stderr F b\n"), uint8(0), true)
	f.Add([]byte("a  | 2026-01-29T16:17:37+00:00 [warn]: x\nb  | INFO: y\na  | z\n"), uint8(0), false)
	f.Add([]byte("2026-12-06 01:00:00 [INFO] [connector] a\n2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [connector] b\n"), uint8(0), false)
	f.Add([]byte("[2025-11-01T14:06:15Z] {\"level\":\"error\",\"msg\":\"relay lost\"}\n2026-12-05T10:00:20.000Z INFO {\"msg\":\"up\"}\n2026-12-05 10:00:20 WARN {\"level\":\"warn\"} x\n"), uint8(0), false)
	f.Add([]byte("2026-12-05T10:00:20.123456789Z [INFO] {\"msg\":\"m\"}\n[WARN] {\"a\":1\n2026-12-05 10:00:22 level=error msg=m\n"), uint8(0), false)
	f.Add([]byte("2026-02-10T14:21:36.500000000Z [INFO] [connector] a\n2026-02-10T14:22:08.006196+0000 dente newt[408]: WARN: 2026/02/10 14:22:08 b\n"), uint8(0), false)
	f.Add([]byte("2026-02-10T14:22:08+00:00 dente newt[408]: INFO: c\n2023-09-15T12:03:37.748434000Z Response was: {}\n"), uint8(0), false)
	f.Add([]byte("l1 a\r\n{\r\n  \"a\": 1\r\n}\r\n[2025-11-01T14:06:15Z] [INFO] [client] Env:\r\n    OS: x\r\n2026-08-18T10:19:03Z INF m\r\r\n"), uint8(0), false)
	f.Add([]byte("2016-10-06T00:17:09.669794202Z stdout P a\r\n2016-10-06T00:17:09.669794202Z stdout F b\r\n"), uint8(3), false)
	f.Fuzz(func(t *testing.T, data []byte, env uint8, gap bool) {
		recs := fileRecords(data)
		if holdsExported(recs) {
			return // its entries are the lines it holds (FuzzExportedRecord)
		}
		if gap && len(recs) > 1 {
			mid := len(recs) / 2
			recs = append(recs[:mid], append([]model.Record{{Mark: model.MarkGap, Note: "rotation", Count: 1}}, recs[mid:]...)...)
		}
		es := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime}, recs)
		checkLinesClaimed(t, data, es)
		for i := range es {
			e := &es[i]
			if e.Kind == model.KindGap {
				continue
			}
			first, _, _ := bytes.Cut(e.Raw, []byte{'\n'})
			end := e.Origin.Offset + int64(len(first))
			if e.Origin.Offset < 0 || end > int64(len(data)) || !bytes.Equal(data[e.Origin.Offset:end], first) {
				t.Fatalf("entry %d: offset %d does not address its first line", i, e.Origin.Offset)
			}
			checkReparse(t, e)
		}
		folded := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, IndexService: true, Templates: true}, recs)
		checkFolded(t, es, folded)
		checkLean(t, decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true}, recs), es)
		checkLean(t, decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, Unparsed: keepOdd, UnparsedFields: gap, UnparsedAnalytics: env%2 == 0}, recs), es)
		if got := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, IndexAnalytics: true}, recs); !reflect.DeepEqual(got, es) {
			t.Fatalf("entries decoded with IndexAnalytics differ:\n got %+v\nwant %+v", got, es)
		}
		checkOneLine(t, decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime}, framedOneLine(recs)), es)
	})
}

// checkOneLine checks the entries of records framed as one line each
// against es, the same records' without it: the same in all but
// Entry.OneLine, which a line's own entries have, and only when their Raw
// holds no newline.
func checkOneLine(t *testing.T, got, es []model.Entry) {
	t.Helper()
	if len(got) != len(es) {
		t.Fatalf("records framed as one line each: %d entries, not %d", len(got), len(es))
	}
	for i := range got {
		e := got[i]
		if e.OneLine && bytes.IndexByte(e.Raw, '\n') >= 0 {
			t.Fatalf("entry %d says its raw bytes are one line, and holds several: %q", i, e.Raw)
		}
		if !e.OneLine && e.Kind != model.KindGap && len(e.Raw) > 0 && bytes.IndexByte(e.Raw, '\n') < 0 && e.Origin.Offset >= 0 {
			t.Fatalf("entry %d, one line of the file, %q, does not say so", i, e.Raw)
		}
		e.OneLine = false
		if !reflect.DeepEqual(e, es[i]) {
			t.Fatalf("entries of records framed as one line each differ at %d:\n got %+v\nwant %+v", i, e, es[i])
		}
	}
}

// framedOneLine returns recs as a line framer sends them: each line's
// record says it holds no newline (model.Record.OneLine).
func framedOneLine(recs []model.Record) []model.Record {
	out := slices.Clone(recs)
	for i := range out {
		out[i].OneLine = out[i].Mark == model.MarkLine
	}
	return out
}

// checkLinesClaimed checks that the entries hold every line of data once,
// nothing else, and each its lines in the order data has them (the items
// of one line, a Tailscale flow message's, share it). Entries
// need not come in the order of their first lines: a container's split
// line comes once its last piece has, after the other stream's lines
// between its pieces.
func checkLinesClaimed(t *testing.T, data []byte, es []model.Entry) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(data) == 0 {
		lines = nil
	}
	claimed := make([]bool, len(lines))
	for i := range es {
		if es[i].Kind == model.KindGap || i > 0 && es[i].Item > 0 && es[i].Origin.Offset == es[i-1].Origin.Offset {
			continue // a gap has no line; the items of one line share it
		}
		at := -1
		for _, l := range strings.Split(string(es[i].Raw), "\n") {
			next := at + 1
			for next < len(lines) && (claimed[next] || lines[next] != l) {
				next++
			}
			if next == len(lines) {
				t.Fatalf("entry %d holds %q, which is no line of the input left after its previous line\nentries: %q", i, l, rawOfRecords(es))
			}
			claimed[next], at = true, next
		}
	}
	if i := slices.Index(claimed, false); i >= 0 {
		t.Fatalf("line %d of the input, %q, is in no entry\nentries: %q", i, lines[i], rawOfRecords(es))
	}
}

// checkFolded checks the entries decoded for a store with their templates
// folded against the same lines decoded whole: the same lines, and each
// service line with a payload folded into the template the triage views
// make of it, any other line into none.
func checkFolded(t *testing.T, whole, folded []model.Entry) {
	t.Helper()
	if len(folded) != len(whole) {
		t.Fatalf("%d entries folded, %d whole", len(folded), len(whole))
	}
	for i := range folded {
		f, w := &folded[i], &whole[i]
		want := ""
		if f.Kind == model.KindService && len(f.Payload) > 0 {
			want = string(ServiceTemplate(nil, w.Payload))
		}
		if !bytes.Equal(f.Raw, w.Raw) || f.Template != want {
			t.Fatalf("entry %d (%q): template %q, want %q", i, f.Raw, f.Template, want)
		}
		checkWhole(t, f, w)
		if !IsLean(f) && !slices.Equal(indexedFields(f.Fields), indexedFields(w.Fields)) {
			t.Fatalf("%q decoded for the store has indexed fields %v; decoded in full, %v", f.Raw, f.Fields, w.Fields)
		}
	}
}

// indexedFields returns the fields of fs the store's index keeps.
func indexedFields(fs model.Fields) model.Fields {
	var out model.Fields
	for _, f := range fs {
		if model.IsIndexed(f.Key) {
			out = append(out, f)
		}
	}
	return out
}

// checkWhole holds an entry decoded for the store, e, to FieldsWhole
// against the same line decoded in full, whole: when it says so, e has
// the same fields.
func checkWhole(t *testing.T, e, whole *model.Entry) {
	t.Helper()
	if FieldsWhole(e) && !slices.Equal(e.Fields, whole.Fields) {
		t.Fatalf("%q is said to be decoded whole, but has fields %v; decoded in full, %v", e.Raw, e.Fields, whole.Fields)
	}
}

// holdsExported reports whether a record is one of connlog's ndjson
// export, whose entry is the line it holds, not the record's.
func holdsExported(recs []model.Record) bool {
	for i := range recs {
		if _, ok := envelope.Decode(envelope.ConnlogNDJSON, recs[i].Raw, envelope.Context{}); ok {
			return true
		}
	}
	return false
}

// FuzzExportedRecord wraps any line in a record of connlog's ndjson
// export, under any envelope name: it reads back as one entry holding the
// line exactly, or as many as its items if the record names none.
func FuzzExportedRecord(f *testing.F) {
	for _, name := range []string{"docker-json.log", "cri-newt.log", "syslog.log", "journal-json.log", "compose.log", "newt.log"} {
		lines := fixtureLines(f, name)
		f.Add([]byte(lines[0]), uint8(0), uint8(0))
		f.Add([]byte(lines[0]+"\n"+lines[1]), uint8(len(name)), uint8(1))
	}
	f.Add([]byte("bad \xff\xfe \x1b[31mred"), uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, line []byte, env, item uint8) {
		es := []model.Entry{{Seq: 1, Kind: model.KindText, Raw: line, Item: int(item % 3), Time: readTime,
			Origin: model.Origin{Envelope: envelopeOption(env), Offset: 0}}}
		back := decodeAll(Options{Reference: readTime}, fileRecords(exportNDJSON(t, es)))
		if len(back) != 1 || !bytes.Equal(back[0].Raw, line) || !back[0].Time.Equal(readTime) || back[0].Item != int(item%3) {
			t.Fatalf("%q read back as %d entries: %+v", line, len(back), back)
		}
	})
}
