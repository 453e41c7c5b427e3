package envelope

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"
)

// seenText is a text as EachJSONText reported it, copied.
type seenText struct {
	doc   string // its bytes in the document
	value string
	form  JSONTextForm
}

func eachText(doc string) ([]seenText, int, bool) {
	var out []seenText
	end, ok := EachJSONText([]byte(doc), func(t JSONText) {
		out = append(out, seenText{doc[t.From:t.To], string(t.Value), t.Form})
	})
	return out, end, ok
}

// TestEachJSONText reads each key and value as the journal JSON reader
// reads it: escapes resolved, byte values as bytes (a repeated field's
// too), other tokens as written; it stops at the document's end.
func TestEachJSONText(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []seenText
		end       int
		ok        bool
	}{
		{"escapes", `{"M\u0041":"a\u0040b.cc\/x\t"} tail`, []seenText{
			{`"M\u0041"`, "MA", JSONString}, {`"a\u0040b.cc\/x\t"`, "a@b.cc/x\t", JSONString}}, 30, true},
		{"bytes", `{"B":[104, 105,0]}`, []seenText{{`"B"`, "B", JSONString}, {`[104, 105,0]`, "hi\x00", JSONBytes}}, 18, true},
		{"repeated", `{"T":["a",[49 ,50]]}`, []seenText{
			{`"T"`, "T", JSONString}, {`"a"`, "a", JSONString}, {`[49 ,50]`, "12", JSONBytes}}, 20, true},
		{"not bytes", `[1,300]`, []seenText{{"1", "1", JSONToken}, {"300", "300", JSONToken}}, 7, true},
		{"tokens", `{"n":-1.5e3,"t":true,"x":nul}`, []seenText{{`"n"`, "n", JSONString}, {"-1.5e3", "-1.5e3", JSONToken},
			{`"t"`, "t", JSONString}, {"true", "true", JSONToken}, {`"x"`, "x", JSONString}, {"nul", "nul", JSONToken}}, 29, true},
		{"nested", `{"a":{"b":[]}}`, []seenText{{`"a"`, "a", JSONString}, {`"b"`, "b", JSONString}}, 14, true},
		{"bad escape", `{"a":"\q"}`, []seenText{{`"a"`, "a", JSONString}}, 5, false},
		{"unclosed", `{"a":[1,2}`, []seenText{{`"a"`, "a", JSONString}, {"1", "1", JSONToken}, {"2", "2", JSONToken}}, 10, false},
		{"not a document", `"a"`, nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, end, ok := eachText(tt.doc)
			if !reflect.DeepEqual(got, tt.want) || end != tt.end || ok != tt.ok {
				t.Errorf("got %q end %d ok %v\nwant %q end %d ok %v", got, end, ok, tt.want, tt.end, tt.ok)
			}
		})
	}
}

// FuzzEachJSONText checks that the texts of any document lie in order
// within it, and that a valid JSON document reads whole, each string as
// encoding/json reads it.
func FuzzEachJSONText(f *testing.F) {
	for _, l := range fuzzLines {
		f.Add([]byte(l))
	}
	f.Add([]byte(`{"a\u0040":["\ud83d\ude00\/",[1, 2],{"b":-0.5e1}],"c":[300,null]}`))
	f.Add([]byte(`{"__CURSOR":"x","M":[1 2 3],"N":[0" "]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		last := 0
		var strs []string
		end, ok := EachJSONText(doc, func(tx JSONText) {
			if tx.From < last || tx.To <= tx.From || tx.To > len(doc) {
				t.Fatalf("text %d:%d after %d in %d bytes", tx.From, tx.To, last, len(doc))
			}
			last = tx.To
			if tx.Form == JSONString {
				strs = append(strs, string(tx.Value))
			}
		})
		if ok && (end < last || end > len(doc)) {
			t.Fatalf("end %d, last text ends at %d, %d bytes", end, last, len(doc))
		}
		if !json.Valid(doc) || len(doc) == 0 || doc[0] != '{' && doc[0] != '[' || !utf8.Valid(doc) {
			return
		}
		if !ok || skipSpace(doc, end) != len(doc) {
			t.Fatalf("a valid document does not read whole: ok %v end %d of %d", ok, end, len(doc))
		}
		for _, s := range strs {
			if want := jsonStrings(t, doc); !slices.Contains(want, s) {
				t.Fatalf("string %q is none of encoding/json's %q", s, want)
			}
		}
	})
}

// jsonStrings lists the keys and string values of doc as encoding/json
// decodes them.
func jsonStrings(t *testing.T, doc []byte) []string {
	var out []string
	dec := json.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if s, ok := tok.(string); ok {
			out = append(out, s)
		}
	}
}
