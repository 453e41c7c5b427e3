package payload

import (
	"encoding/json"
	"strings"
	"testing"
)

// The scanner must accept exactly what encoding/json accepts, for the
// shapes that matter: a stricter scanner would turn valid records into
// errors, a laxer one would hide broken ones.
func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	cases := []struct{ name, doc string }{
		{"empty object", `{}`},
		{"empty array", `[]`},
		{"nested", `{"a":[1,{"b":null},[true,false]],"c":"d"}`},
		{"white space everywhere", " {\n\t\"a\" : [ 1 , 2 ] ,\r\n \"b\" : { } } "},
		{"numbers", `[0,-0,1.5,-2e10,3E+2,4e-3,123456789012345678901234567890]`},
		{"escapes", `["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]`},
		{"lone surrogate", `["\ud800"]`},
		{"leading zero", `[01]`},
		{"bare minus", `[-]`},
		{"dot without digits", `[1.]`},
		{"exponent without digits", `[1e]`},
		{"plus sign", `[+1]`},
		{"trailing comma in object", `{"a":1,}`},
		{"trailing comma in array", `[1,]`},
		{"missing colon", `{"a" 1}`},
		{"missing comma", `{"a":1 "b":2}`},
		{"single quotes", `{'a':1}`},
		{"bad escape", `["\x"]`},
		{"short unicode escape", `["\u12"]`},
		{"unterminated string", `["abc`},
		{"unclosed object", `{"a":1`},
		{"unclosed array", `[1,2`},
		{"true misspelt", `[tru]`},
		{"null misspelt", `[nul]`},
		{"mismatched brackets", `{"a":[1}`},
		{"key not a string", `{1:2}`},
		{"deep but fine", strings.Repeat("[", 500) + strings.Repeat("]", 500)},
		{"exactly the limit", strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting)},
		{"too deep", strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := scanner{s: tc.doc}
			sc.skip()
			if sc.err == nil && sc.peek() != 0 {
				sc.fail("trailing")
			}
			if got, want := sc.err == nil, json.Valid([]byte(tc.doc)); got != want {
				t.Errorf("scanner valid = %v (%v), encoding/json valid = %v", got, sc.err, want)
			}
		})
	}
}

func TestScannerStrings(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"plain is a substring", `"abc"`, "abc"},
		{"escapes", `"a\"b\\c\/d\n"`, "a\"b\\c/d\n"},
		{"unicode", `"\u00e9\u4e2d"`, "é中"},
		{"surrogate pair", `"\ud83d\ude00"`, "😀"},
		{"lone high surrogate", `"\ud83dx"`, "\uFFFDx"},
		{"lone low surrogate", `"\ude00"`, "\uFFFD"},
		{"invalid UTF-8 kept", "\"\xff\xfe\"", "\xff\xfe"},
		{"NUL escape", `"a\u0000b"`, "a\x00b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := scanner{s: tc.doc}
			if got := sc.str(); got != tc.want || sc.err != nil {
				t.Errorf("str() = %q, %v; want %q", got, sc.err, tc.want)
			}
			var std string
			if json.Unmarshal([]byte(tc.doc), &std) == nil && std != tc.want && !strings.ContainsRune(std, '\uFFFD') {
				t.Errorf("encoding/json reads %q, the test expects %q", std, tc.want)
			}
		})
	}
}

// The error keeps the offset of the byte it met (11, the x), and says it
// counting bytes from 1, as a query error counts its columns.
func TestScannerErrorPosition(t *testing.T) {
	sc := scanner{s: `{"a":1,"b":x}`}
	sc.skip()
	if sc.err == nil || sc.err.off != 11 || !strings.Contains(sc.err.Error(), "at byte 12:") {
		t.Fatalf("err = %v, want one at byte 12 (the x, counting from 1)", sc.err)
	}
}
