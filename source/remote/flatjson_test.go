package remote

import (
	"encoding/json"
	"maps"
	"testing"
)

// flatMap is parseFlatObject's result as a map; a repeated key keeps its
// last value, as encoding/json does.
func flatMap(b []byte) (map[string]string, error) {
	m := map[string]string{}
	err := parseFlatObject(b, func(k, v []byte) { m[string(k)] = string(v) })
	return m, err
}

func FuzzFlatObjectAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":"b"}`, `{"_msg":"x\u001b[31m\"q\"\\ \ud83d\ude00 \ud800 é","k":""}`,
		` { "a" : "b" , "c":"d" } `, `{"a":1}`, `{"a":"b",}`, `{"a":"\x"}`, "{\"a\":\"\xff\xfe\"}", `["a"]`, `{"a":"b"}x`,
		`{"a":"\u00e9\uDC00x"}`, `{"a":"b","a":"c"}`, `{"a":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := flatMap(b)
		var want map[string]string
		jerr := json.Unmarshal(b, &want)
		if jerr != nil {
			if err == nil {
				t.Fatalf("%q: accepted, encoding/json says %v", b, jerr)
			}
			return
		}
		if want == nil { // JSON null
			return
		}
		if err != nil {
			t.Fatalf("%q: refused (%v), encoding/json reads %q", b, err, want)
		}
		if !maps.Equal(got, want) {
			t.Fatalf("%q: got %q, encoding/json %q", b, got, want)
		}
	})
}
