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
