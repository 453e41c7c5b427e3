package detail

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestPrettyJSON: keys keep their order, numbers their text, the event's
// location string becomes the object it holds.
func TestPrettyJSON(t *testing.T) {
	in := `{"b": 1.50, "a": {"z": [], "y": {}}, "location": "{\"geoip\":{\"city\":\"Seattle\"}}", "s": "x\"y"}`
	want := `{
  "b": 1.50,
  "a": {
    "z": [],
    "y": {}
  },
  "location": {
    "geoip": {
      "city": "Seattle"
    }
  },
  "s": "x\"y"
}`
	got, deep, cut, ok := prettyJSON([]byte(in))
	if !ok || deep || cut || got != want {
		t.Errorf("prettyJSON = (deep %v, cut %v, ok %v)\n%s\nwant\n%s", deep, cut, ok, got, want)
	}
	if _, _, _, ok := prettyJSON([]byte(`{"a": `)); ok {
		t.Error("invalid JSON was pretty-printed")
	}
}

// FuzzPrettyJSON: whatever the line, the pretty-printer stays within its
// limit, and what it writes whole is the same JSON, indented.
func FuzzPrettyJSON(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":[1,{"b":"c"}],"location":"{\"x\":[1]}"}`, `{"location":"[[[]]]"}`,
		`{"a":"\\\"}"}`, `{"x":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		out, _, cut, ok := prettyJSON(p)
		if !ok {
			return
		}
		if len(out) > maxCardJSONBytes {
			t.Fatalf("%d bytes written, over the limit", len(out))
		}
		if cut {
			return
		}
		if !json.Valid([]byte(out)) {
			t.Fatalf("not valid JSON:\n%s", out)
		}
		var a, b bytes.Buffer
		_ = json.Compact(&a, p)
		_ = json.Compact(&b, []byte(out))
		if !bytes.Contains(p, []byte(`"location"`)) && a.String() != b.String() {
			t.Fatalf("the JSON changed:\n%s\n%s", a.String(), b.String())
		}
	})
}
