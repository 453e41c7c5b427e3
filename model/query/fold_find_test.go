package query

import "testing"

func TestFinderIndex(t *testing.T) {
	cases := []struct {
		name, word, text string
		start, end       int
	}{
		{"lower-case word ignores case", "relay", "via RELAY x", 4, 9},
		{"upper-case word is exact", "Relay", "relay Relay", 6, 11},
		{"upper-case word misses other cases", "Relay", "relay RELAY", -1, -1},
		{"non-ASCII folds as the filter does", "zürich", "in ZÜRICH now", 3, 10},
		{"fold that changes the byte length", "\u017f", "xS", 1, 2}, // LATIN SMALL LETTER LONG S folds to s
		{"no cased letter is exact", "10.0.0.1", "ip 10.0.0.1", 3, 11},
		{"empty word is found nowhere", "", "abc", -1, -1},
		{"absent", "gone", "nothing here", -1, -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := NewFinder(c.word)
			if s, e := f.Index(c.text); s != c.start || e != c.end {
				t.Fatalf("Index(%q) in %q = %d, %d; want %d, %d", c.word, c.text, s, e, c.start, c.end)
			}
		})
	}
}

// TestFinderAgreesWithTheFilter: a bare word matches a text exactly when
// the Finder finds it there.
func TestFinderAgreesWithTheFilter(t *testing.T) {
	for _, word := range []string{"relay", "Relay", "zürich", "ZÜRICH", "k", "\u017f", "10.0.0.1"} {
		p := newPattern(word, true)
		f := NewFinder(word)
		for _, text := range []string{"Relay up", "relay", "in ZÜRICH", "zürich", "\u212a", "xS", "ip 10.0.0.1", ""} {
			s, _ := f.Index(text)
			if found, matched := s >= 0, p.contains(text); found != matched {
				t.Errorf("word %q in %q: found %v, the filter matches %v", word, text, found, matched)
			}
		}
	}
}
