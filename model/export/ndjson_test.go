package export

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// decodeNDJSON parses every line with encoding/json, numbers kept exact.
func decodeNDJSON(t testing.TB, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i, err, line)
		}
		out = append(out, m)
	}
	return out
}

func TestNDJSONFields(t *testing.T) {
	entries := []*model.Entry{analyticsEntry(), relayedEntry(), auditEntry()}
	got := decodeNDJSON(t, encode(t, entries, Options{Format: FormatNDJSON}))
	tests := []struct {
		name string
		obj  int
		path []string
		want any
	}{
		{"location is an object", 0, []string{"fields", "location"}, map[string]any{
			"city": "Seattle", "country": "US", "region": "WA",
			"lat": json.Number("47.6062"), "lon": json.Number("-122.3321")}},
		{"numbers are numbers", 0, []string{"fields", "connection", "rx"}, json.Number("234867")},
		{"negative number", 0, []string{"fields", "connection", "cbct_freshness"}, json.Number("-97")},
		{"large number keeps its digits", 0, []string{"fields", "timestamp"}, json.Number("1698356150045")},
		{"string ids stay strings", 0, []string{"fields", "connector", "id"}, "84014"},
		{"repeated key is an array", 1, []string{"fields", "relays", "ip"}, []any{"34.147.237.117", "35.188.149.148"}},
		{"repeated numbers", 1, []string{"fields", "relays", "port"}, []any{json.Number("30018"), json.Number("30000")}},
		{"booleans are booleans", 2, []string{"fields", "access_granted"}, false},
		{"time is RFC 3339 UTC", 0, []string{"time"}, "2023-10-26T21:35:50.045Z"},
		{"level", 0, []string{"level"}, "info"},
		{"kind", 2, []string{"kind"}, "audit"},
		{"offset", 0, []string{"source", "offset"}, json.Number("4096")},
		{"no offset is null", 2, []string{"source", "offset"}, nil},
		{"raw is the line", 0, []string{"raw"}, analyticsLine},
		{"flags", 0, []string{"flags", "truncated"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any = got[tt.obj]
			for _, k := range tt.path {
				v = v.(map[string]any)[k]
			}
			if !reflect.DeepEqual(v, tt.want) {
				t.Errorf("%s = %#v, want %#v", strings.Join(tt.path, "."), v, tt.want)
			}
		})
	}
}

func TestNDJSONSingleRelayIsStillAnArray(t *testing.T) {
	e := relayedEntry()
	e.Fields = e.Fields[:6]
	got := decodeNDJSON(t, encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON}))
	relays := got[0]["fields"].(map[string]any)["relays"].(map[string]any)
	if _, ok := relays["ip"].([]any); !ok {
		t.Errorf("relays.ip = %#v, want an array", relays["ip"])
	}
}

func TestNDJSONSourcePairAndError(t *testing.T) {
	e := analyticsEntry()
	e.Err = "unexpected end of JSON input"
	e.Flags = model.FlagParseError | model.FlagTimeInferred
	j := journaldEntry("hello", 0)
	partner := time.Date(2023, 10, 26, 20, 45, 15, 292e6, time.UTC)
	opts := Options{Format: FormatNDJSON,
		Sources: []SourceInfo{{ID: 1, Name: "/var/log/twingate.log"}, {ID: 5, Name: "twingate-connector.service"}},
		Pairs:   pairs{11: {ID: "e755ba99988db558-24", Partner: 10, PartnerTime: partner, PartnerEvent: model.EventEstablished}}}
	got := decodeNDJSON(t, encode(t, []*model.Entry{e, j}, opts))
	want := map[string]any{"id": "e755ba99988db558-24", "partner": json.Number("10"),
		"partner_time": "2023-10-26T20:45:15.292Z", "partner_event": model.EventEstablished, "open": false, "ended": false}
	if !reflect.DeepEqual(got[0]["pair"], want) {
		t.Errorf("pair = %#v, want %#v", got[0]["pair"], want)
	}
	if _, ok := got[1]["pair"]; ok {
		t.Errorf("an entry without a pair has one: %#v", got[1]["pair"])
	}
	if got[0]["error"] != e.Err || got[0]["flags"].(map[string]any)["parse_error"] != true {
		t.Errorf("error/flags = %v / %v", got[0]["error"], got[0]["flags"])
	}
	src := got[1]["source"].(map[string]any)
	if src["name"] != "twingate-connector.service" || src["cursor"] != "s=abc;i=1" || src["unit"] != "twingate-connector.service" {
		t.Errorf("journald source = %#v", src)
	}
	if got[0]["source"].(map[string]any)["name"] != "/var/log/twingate.log" {
		t.Errorf("file source name = %#v", got[0]["source"])
	}
}

func TestNDJSONRawEncoding(t *testing.T) {
	tests := []struct {
		name   string
		raw    []byte
		base64 bool
	}{
		{"valid utf-8 is a string", []byte("héllo \x1b[2J"), false},
		{"invalid utf-8 is base64", []byte("bad \xff\xfe"), true},
		{"nul is valid utf-8", []byte("a\x00b"), false},
		{"empty", []byte{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := encode(t, []*model.Entry{textEntry(string(tt.raw))}, Options{Format: FormatNDJSON})
			if !json.Valid(bytes.TrimSpace(out)) {
				t.Fatalf("not valid JSON: %q", out)
			}
			obj := decodeNDJSON(t, out)[0]
			if tt.base64 {
				if obj["raw_encoding"] != "base64" {
					t.Fatalf("raw_encoding = %v", obj["raw_encoding"])
				}
				b, err := base64.StdEncoding.DecodeString(obj["raw_base64"].(string))
				if err != nil || !bytes.Equal(b, tt.raw) {
					t.Fatalf("raw_base64 decodes to %q, %v; want %q", b, err, tt.raw)
				}
				return
			}
			if obj["raw"] != string(tt.raw) {
				t.Fatalf("raw = %q, want %q", obj["raw"], tt.raw)
			}
		})
	}
}

// TestNDJSONKeyOrder checks the documented order, which is what makes two
// exports of the same entries identical.
func TestNDJSONKeyOrder(t *testing.T) {
	e := flowEntries()[1]
	e.Err = "x"
	out := encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON, Pairs: pairs{21: {ID: "p"}}})
	dec := json.NewDecoder(bytes.NewReader(out))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				keys = append(keys, v)
				// Skip the value.
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	want := []string{"seq", "item", "time", "level", "kind", "source", "fields", "pair", "flags", "error", "raw"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v, want %v", keys, want)
	}
	if again := encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON, Pairs: pairs{21: {ID: "p"}}}); !bytes.Equal(out, again) {
		t.Error("two encodings of one entry differ")
	}
}

func TestNDJSONFieldTreeEdges(t *testing.T) {
	tests := []struct {
		name   string
		fields model.Fields
		want   string
	}{
		{"value and children", model.Fields{model.Str("a", "1"), model.Str("a.b", "2")}, `{"a":{"_value":"1","b":"2"}}`},
		{"sorted by segment", model.Fields{model.Str("a-b", "x"), model.Str("a.c", "y"), model.Str("a", "z")},
			`{"a":{"_value":"z","c":"y"},"a-b":"x"}`},
		{"empty segments", model.Fields{model.Str(".", "v")}, `{"":{"":"v"}}`},
		{"repeated plain key", model.Fields{model.Str("tag", "a"), model.Str("tag", "b")}, `{"tag":["a","b"]}`},
		{"nan stays a string", model.Fields{model.Float("x", 0) /* replaced below */}, `{"x":"NaN"}`},
		{"number text that is not JSON", model.Fields{{Key: "n", Value: "0x10", Num: 16, IsNum: true}}, `{"n":16}`},
		{"invalid utf-8 key and value", model.Fields{model.Str("k\xff", "v\xfe")}, `{"k\ufffd":"v\ufffd"}`},
		{"no fields", nil, `{}`},
	}
	tests[4].fields[0] = model.Field{Key: "x", Value: "NaN", Num: nan(), IsNum: true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tree fieldTree
			got := string(tree.appendObject(nil, tt.fields))
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("not valid JSON: %s", got)
			}
		})
	}
}

func TestNDJSONDeepKeyIsBounded(t *testing.T) {
	key := strings.Repeat("a.", 10000) + "z"
	var tree fieldTree
	got := tree.appendObject(nil, model.Fields{model.Str(key, "v")})
	if !json.Valid(got) {
		t.Fatal("deep key gives invalid JSON")
	}
	if depth := bytes.Count(got, []byte("{")); depth != maxKeyDepth+1 {
		t.Errorf("nesting depth %d, want %d", depth, maxKeyDepth+1)
	}
}

func nan() float64 {
	zero := 0.0
	return zero / zero
}

func FuzzNDJSON(f *testing.F) {
	f.Add([]byte("plain"), "message", "hello", false)
	f.Add([]byte("bad \xff"), "a.b", "\x00", true)
	f.Add([]byte("\u2028\u2029\"\\"), "relays.ip", "1e999", true)
	f.Add([]byte{}, "..", "true", false)
	f.Fuzz(func(t *testing.T, raw []byte, key, value string, isNum bool) {
		e := textEntry("")
		e.Raw = raw
		e.Err = value
		e.Fields = model.Fields{{Key: key, Value: value, IsNum: isNum}, model.Str(key+".x", value), model.Str(key, value)}
		out := encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON})
		if !json.Valid(bytes.TrimSuffix(out, []byte("\n"))) || bytes.Count(out, []byte("\n")) != 1 {
			t.Fatalf("not one valid JSON line: %q", out)
		}
		var obj struct {
			Raw       *string `json:"raw"`
			RawBase64 string  `json:"raw_base64"`
		}
		if err := json.Unmarshal(out, &obj); err != nil {
			t.Fatal(err)
		}
		got := []byte(obj.RawBase64)
		if obj.Raw != nil {
			got = []byte(*obj.Raw)
		} else if b, err := base64.StdEncoding.DecodeString(obj.RawBase64); err == nil {
			got = b
		}
		if !bytes.Equal(got, raw) {
			t.Fatalf("raw %q came back as %q", raw, got)
		}
	})
}

// TestNDJSONNoNewline writes that the last line of an input had no
// newline, which reading the export back needs to end a raw export of it
// as the input ended.
func TestNDJSONNoNewline(t *testing.T) {
	last := analyticsEntry()
	last.Flags |= model.FlagNoNewline
	got := decodeNDJSON(t, encode(t, []*model.Entry{auditEntry(), last}, Options{Format: FormatNDJSON}))
	for i, want := range []bool{false, true} {
		flags, _ := got[i]["flags"].(map[string]any)
		if flags["no_newline"] != want {
			t.Errorf("entry %d: flags %v, want no_newline %v", i, flags, want)
		}
	}
}
