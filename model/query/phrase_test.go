package query

import (
	"testing"

	"connlog/model"
)

func TestPhraseMatchesLiterally(t *testing.T) {
	for _, s := range []string{`a "quoted" \ back`, "10.0.0.5:22", "e755ba99988db558-24", "or", "-x", "(paren)"} {
		q, err := Compile(Phrase(s), Options{})
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if !q.Match(&model.Entry{Raw: []byte("before " + s + " after")}) {
			t.Errorf("Phrase(%q) = %s does not match a line containing it", s, Phrase(s))
		}
		if q.Match(&model.Entry{Raw: []byte("nothing here")}) {
			t.Errorf("Phrase(%q) matched a line without it", s)
		}
	}
}

// TestWordShownWithoutColourFindsLine: a line coloured inside a word is
// shown, templated and summarised without its colours, so the word as shown
// finds it, as a word, a phrase or an expression; a word that only the
// colour sequence makes is not invented, and the raw bytes still match.
func TestWordShownWithoutColourFindsLine(t *testing.T) {
	coloured := &model.Entry{Raw: []byte("2026-12-06T01:00:01Z [WARN] [connector] relay state=\x1b[31mstalled\x1b[0m id 1")}
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{`"state=stalled"`, true},
		{`stalled`, true},
		{`"relay state=stalled id"`, true},
		{`/state=stall(ed)?\b/`, true},
		{`"State=Stalled"`, false},
		{`"31mstalled"`, true},
		{`"state=stalled id 2"`, false},
		{`-"state=stalled"`, false},
	} {
		q, err := Compile(tc.query, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		if got := q.Match(coloured); got != tc.want {
			t.Errorf("%s on a coloured line = %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestWordAsShownInertFindsLine: a control character, an invisible or a
// byte that is not UTF-8 is shown made visible (␛, \x07, ‹U+202E›, \xff);
// typed as shown, as a word or a phrase, it finds its line (it found
// nothing: the line holds the raw bytes, which no one can type), and the
// raw form still does.
func TestWordAsShownInertFindsLine(t *testing.T) {
	hostile := &model.Entry{Raw: []byte("2026-12-06T01:00:01Z [INFO] [connector] OSC title \x1b]0;PWNED-TITLE\x07 after \u202eevil \xff end")}
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{`PWNED-TITLE\x07`, true},
		{`"␛]0;PWNED-TITLE\x07 after"`, true},
		{`‹U+202E›evil`, true},
		{`"evil \xff end"`, true},
		{`"TITLE\x08"`, false},
		{`"\x1b]0;PWNED"`, false}, // not how it is shown: a regex finds the raw byte
		{`/\x1b\]0;PWNED/`, true},
	} {
		q, err := Compile(tc.query, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		if got := q.Match(hostile); got != tc.want {
			t.Errorf("%s matched %v, want %v", tc.query, got, tc.want)
		}
	}
}
