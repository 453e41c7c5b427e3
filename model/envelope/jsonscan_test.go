package envelope

import (
	"encoding/json"
	"testing"
)

func TestAppendUnescapedMatchesEncodingJSON(t *testing.T) {
	cases := []struct {
		name string
		in   string
	}{
		{"plain", `"abc"`},
		{"short escapes", `"\"\\\/\b\f\n\r\t"`},
		{"bmp", `"\u00e9\u20ac"`},
		{"surrogate pair", `"\ud83d\ude00"`},
		{"lone high surrogate", `"\ud800x"`},
		{"lone low surrogate", `"\udc00"`},
		{"high then non-surrogate escape", `"\ud800\u0041"`},
		{"two high surrogates", `"\ud800\ud800\udc00"`},
		{"upper-case hex", `"\u00E9"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want string
			if err := json.Unmarshal([]byte(tc.in), &want); err != nil {
				t.Fatalf("test input: %v", err)
			}
			s, end, ok := scanString([]byte(tc.in), 0)
			if !ok || end != len(tc.in) {
				t.Fatalf("scanString ok = %v, end = %d", ok, end)
			}
			got := appendUnescaped(nil, []byte(tc.in)[s.start:s.end])
			if string(got) != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestScanStringRejects(t *testing.T) {
	for _, in := range []string{`"abc`, `"\x"`, `"\u12"`, `"\u12g4"`, `abc"`, `"\`} {
		if _, _, ok := scanString([]byte(in), 0); ok {
			t.Errorf("scanString accepted %q", in)
		}
	}
}

func TestSkipValue(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{`123,`, 3, true},
		{`true}`, 4, true},
		{`"a\"b",`, 6, true},
		{`{"a":["}",{"b":1}]} x`, 19, true},
		{`[1,[2,[3]]]`, 11, true},
		{`{"a":1`, 6, false},
		{`,`, 0, false},
	}
	for _, tc := range cases {
		got, ok := skipValue([]byte(tc.in), 0)
		if got != tc.want || ok != tc.ok {
			t.Errorf("skipValue(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
