package payload

import (
	"testing"
)

// readSkip consumes a value the way skip did before it had fast paths:
// every leaf through scalar, which decodes strings and converts numbers.
func readSkip(sc *scanner) {
	switch sc.next() {
	case kindObject:
		sc.object(func(string) { readSkip(sc) })
	case kindArray:
		sc.array(func(int) { readSkip(sc) })
	default:
		sc.scalar()
	}
}

// checkSkip fails unless skip stops where reading the value stops, with
// the same error.
func checkSkip(t *testing.T, s string) {
	t.Helper()
	fast, read := scanner{s: s}, scanner{s: s}
	fast.skip()
	readSkip(&read)
	if fast.i != read.i || fast.errText() != read.errText() {
		t.Fatalf("%q: skip stopped at %d (%q), reading at %d (%q)", s, fast.i, fast.errText(), read.i, read.errText())
	}
}

func TestSkipMatchesReading(t *testing.T) {
	cases := []struct {
		name string
		json string
	}{
		{"plain string", `"abc" ,`},
		{"escaped string", `"a\"b\\c\u00e9\ud83d\ude00" x`},
		{"bad escape", `"a\qb"`},
		{"bad unicode escape", `"a\u12G4"`},
		{"unterminated", `"abc`},
		{"unterminated after escape", `"abc\"`},
		{"number", `-12.5e+3,`},
		{"bad number", `-.5`},
		{"number cut in an array", `[1, 2`},
		{"nested", `{"a":[1,"x\n",{"b":null,"c":true}],"d":"\/"}`},
		{"location document", `{"location":"{\"geoip\":{\"city\":\"Berlin\",\"lat\":52.52}}"}`},
		{"literal", `nul`},
		{"empty", ``},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkSkip(t, tc.json) })
	}
}

// FuzzSkip: skipping a value ends where reading it ends, with the same error.
func FuzzSkip(f *testing.F) {
	for _, s := range []string{`{"a":"\u00e9","b":[1e5,-0.0]}`, `"\ud800\udc00"`, `[tru]`, `"\`, `1.`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSkip(t, s) })
}
