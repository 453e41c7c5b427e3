package inert

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain ascii unchanged", "GET /health 200", "GET /health 200"},
		{"utf-8 text unchanged", "Zürich → 東京", "Zürich → 東京"},
		{"clear screen", "\x1b[2J", "␛[2J"},
		{"bell", "ding\x07", `ding\x07`},
		{"newline tab cr", "a\nb\tc\rd", `a\nb\tc\rd`},
		{"nul and del", "\x00\x7f", `\x00\x7f`},
		{"right-to-left override", "abc\u202edef", "abc‹U+202E›def"},
		{"isolate", "\u2066x\u2069", "‹U+2066›x‹U+2069›"},
		{"zero width space", "pass\u200bword", "pass‹U+200B›word"},
		{"c1 csi", "\u009b31m", "‹U+009B›31m"},
		{"bom", "\ufeffhi", "‹U+FEFF›hi"},
		{"invalid utf-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"replacement char is valid text", "\ufffd", "\ufffd"},
		{"tag characters spell hidden text", "bob\U000e0061\U000e0064", "bob‹U+E0061›‹U+E0064›"},
		{"variation selectors hide bytes", "a\U000e0100\ufe00b", "a‹U+E0100›‹U+FE00›b"},
		{"invisible operators and fillers", "a\u2062\u206a\u180e\u034f\u3164b", "a‹U+2062›‹U+206A›‹U+180E›‹U+034F›‹U+3164›b"},
		{"an emoji's presentation selector is kept", "ok \u2764\ufe0f", "ok \u2764\ufe0f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := string(AppendSanitized([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("AppendSanitized = %q, want %q", got, "x"+tt.want)
			}
		})
	}
}

func TestSanitizePlainDoesNotAllocate(t *testing.T) {
	s := "[INFO] [connector] processing \"health\" request"
	if n := testing.AllocsPerRun(100, func() { _ = Sanitize(s) }); n != 0 {
		t.Errorf("Sanitize of plain text allocated %v times", n)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[2J\x07", "a\u202eb", "\xff\xfe", "\u009b", "x\u2028y", "\\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sanitize(s)
		if strings.Contains(got, "\n") || !Is(got) {
			t.Fatalf("output could act on a terminal: %q", got)
		}
		if again := Sanitize(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		if Plain(s) && got != s {
			t.Fatalf("plain text changed: %q -> %q", s, got)
		}
		// Printable text survives: every printable rune of the input is in
		// the output, in order.
		want := strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f || IsHidden(r) || r == utf8.RuneError {
				return -1
			}
			return r
		}, s)
		rest := got
		for _, r := range want {
			i := strings.IndexRune(rest, r)
			if i < 0 {
				t.Fatalf("printable %q of %q missing from %q", r, s, got)
			}
			rest = rest[i+utf8.RuneLen(r):]
		}
	})
}

// What Sanitize writes for a byte it makes visible is a stand-in; plain
// text, a lone backslash or ‹ is not.
func TestHasStandIn(t *testing.T) {
	for _, s := range []string{"\x1b[2J", "ding\x07", "a\tb", "abc\u202edef", "a\xffb"} {
		if shown := Sanitize(s); !HasStandIn(shown) {
			t.Errorf("HasStandIn(%q) = false for Sanitize(%q)", shown, s)
		}
	}
	for _, s := range []string{"plain", `C:\Users`, "‹quoted›", ""} {
		if HasStandIn(s) {
			t.Errorf("HasStandIn(%q) = true", s)
		}
	}
}

// TestSanitizeStandInsNamesEachStandIn: the text is Sanitize's, and the
// ranges are the stand-ins it wrote, not text of the line that reads the
// same (a line's own "\x41").
func TestSanitizeStandInsNamesEachStandIn(t *testing.T) {
	s := "a\x1b[1m\\x41\x00é\u202e\xff\t"
	text, spans := SanitizeStandIns(s)
	if text != Sanitize(s) {
		t.Fatalf("%q, want %q", text, Sanitize(s))
	}
	var got []string
	for _, sp := range spans {
		got = append(got, text[sp[0]:sp[1]])
	}
	if want := []string{"␛", `\x00`, "‹U+202E›", `\xff`, `\t`}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("stand-ins %q, want %q", got, want)
	}
	if text, spans := SanitizeStandIns("plain"); text != "plain" || spans != nil {
		t.Errorf("plain text: %q %v", text, spans)
	}
}

// Every stand-in Sanitize writes for a byte is found again in the text it
// wrote, whatever the bytes around it: a wrap of shown text keeps each
// whole.
func TestStandInsInFindsWhatSanitizeWrote(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "\\", "x", "f", "1", "\x1b", "\t", "\n", "\xff", "\u202e", "é", "‹U+", "›", "界"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text, wrote := SanitizeStandIns(b.String())
		found := map[[2]int]bool{}
		for _, sp := range StandInsIn(text) {
			found[sp] = true
		}
		for _, sp := range wrote {
			if text[sp[0]:sp[1]] != "␛" && !found[sp] {
				t.Fatalf("%q shows as %q: stand-in %q at %v not found in %v", b.String(), text, text[sp[0]:sp[1]], sp, StandInsIn(text))
			}
		}
	}
}
