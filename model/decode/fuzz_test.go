package decode

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"connlog/model"
	"connlog/model/envelope"
	"connlog/model/mask"
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
	f.Fuzz(func(t *testing.T, data []byte, env uint8, gap bool) {
		recs := fileRecords(data)
		if gap && len(recs) > 1 {
			mid := len(recs) / 2
			recs = append(recs[:mid], append([]model.Record{{Mark: model.MarkGap, Note: "rotation", Count: 1}}, recs[mid:]...)...)
		}
		es := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime}, recs)
		want := data
		if len(data) > 0 && data[len(data)-1] != '\n' {
			want = append(append([]byte(nil), data...), '\n')
		}
		if got := rawOfRecords(es); !bytes.Equal(got, want) {
			t.Fatalf("raw bytes of the entries differ from the input:\n%q\n%q", got, want)
		}
		for i := range es {
			e := &es[i]
			if e.Kind == model.KindGap {
				continue
			}
			end := e.Origin.Offset + int64(len(e.Raw))
			if e.Origin.Offset < 0 || end > int64(len(data)) || !bytes.Equal(data[e.Origin.Offset:end], e.Raw) {
				t.Fatalf("entry %d: offset %d does not address its raw bytes", i, e.Origin.Offset)
			}
			checkReparse(t, e)
		}
		folded := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, IndexService: true, Templates: true}, recs)
		checkFolded(t, es, folded)
		checkLean(t, decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, Unparsed: keepOdd, UnparsedFields: gap, UnparsedAnalytics: env%2 == 0}, recs), es)
		if got := decodeAll(Options{Envelope: envelopeOption(env), Reference: readTime, IndexAnalytics: true}, recs); !reflect.DeepEqual(got, es) {
			t.Fatalf("entries decoded with IndexAnalytics differ:\n got %+v\nwant %+v", got, es)
		}
	})
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
			want = string(mask.Service(nil, w.Payload))
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
