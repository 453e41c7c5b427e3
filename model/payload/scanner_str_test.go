package payload

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQuoteOrEscape holds the scanner's eight-bytes-at-a-time search for
// a string's end to a byte-by-byte one, from every start: bytes above
// 0x7F, NULs and the values one below and above each target included.
func FuzzQuoteOrEscape(f *testing.F) {
	for _, s := range []string{`abc"`, `a\"b"`, "\x00\x21\x23\x5b\x5d\"", "\xff\xa2\xdc\x22", strings.Repeat("x", 17) + `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			want := strings.IndexAny(s[i:], `"\`)
			if want >= 0 {
				want += i
			}
			if got := quoteOrEscape(s, i); got != want {
				t.Fatalf("quoteOrEscape(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// FuzzScannerString: a JSON string the scanner reads is what
// encoding/json reads, and it ends where encoding/json's does; one it
// refuses, encoding/json refuses too. Control bytes and invalid UTF-8 are
// log text the scanner keeps as they are (encoding/json refuses the one
// and replaces the other), so only where such a string ends is compared.
func FuzzScannerString(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b" tail`, `"\u00e9\n"`, `"unterminated`, `"bad \x escape"`, `"\"`, `"x\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.HasPrefix(s, `"`) {
			s = `"` + s
		}
		sc := scanner{s: s}
		got := sc.str()
		end := sc.i
		var want string
		dec := json.NewDecoder(strings.NewReader(s))
		err := dec.Decode(&want)
		switch {
		case sc.err != nil && err == nil && !hasControlByte([]byte(s)):
			t.Fatalf("%q: scanner refuses (%v), encoding/json reads %q", s, sc.err, want)
		case sc.err == nil && err == nil && got != want && utf8.ValidString(s):
			t.Fatalf("%q: scanner reads %q, encoding/json %q", s, got, want)
		case sc.err == nil && err == nil && int64(end) != dec.InputOffset():
			t.Fatalf("%q: scanner ends at %d, encoding/json at %d", s, end, dec.InputOffset())
		}
	})
}
