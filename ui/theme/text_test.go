package theme

import (
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"connlog/model/query"
)

func TestFit(t *testing.T) {
	cases := []struct {
		name string
		in   string
		w    int
		want string
	}{
		{"pads", "ab", 4, "ab  "},
		{"exact", "abcd", 4, "abcd"},
		{"cuts with ellipsis", "abcdef", 4, "abc…"},
		{"wide CJK cut on a cell boundary", "日本語テキスト", 5, "日本…"},
		{"emoji counts two cells", "👍👍👍", 5, "👍👍…"},
		{"zero width", "abc", 0, ""},
		{"escaped text keeps its glyphs", "␛[2J", 6, "␛[2J  "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Fit(c.in, c.w)
			if got != c.want {
				t.Errorf("Fit(%q, %d) = %q; want %q", c.in, c.w, got, c.want)
			}
			if w := ansi.StringWidth(got); w != c.w {
				t.Errorf("width %d; want %d", w, c.w)
			}
		})
	}
}

func TestMatchSpans(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		words []string
		want  [][2]int
	}{
		{"lower-case word ignores case", "Relay relay RELAY", []string{"relay"}, [][2]int{{0, 5}, {6, 11}, {12, 17}}},
		{"upper-case word is exact", "Relay relay", []string{"Relay"}, [][2]int{{0, 5}}},
		{"overlapping words merge", "abcdef", []string{"abc", "cde"}, [][2]int{{0, 5}}},
		{"no match", "abc", []string{"x"}, nil},
		{"empty word ignored", "abc", []string{""}, nil},
		// The filter folds non-ASCII letters too: so does the highlight.
		{"non-ASCII word ignores case", "Zürich ZÜRICH", []string{"zürich"}, [][2]int{{0, 7}, {8, 15}}},
		{"fold of another byte length", "S s", []string{"\u017f"}, [][2]int{{0, 1}, {2, 3}}},
		// A regular expression is marked where it matches, as a word is.
		{"regex", "an evil, evil line", []string{"/ev[i]l/"}, [][2]int{{3, 7}, {9, 13}}},
		{"regex with a word", "evil ok", []string{"/e.il/", "ok"}, [][2]int{{0, 4}, {5, 7}}},
		{"regex matching empty steps on", "axxbx", []string{"/x*/"}, [][2]int{{1, 3}, {4, 5}}},
		{"regex over escaped text", Clean("a \x1b[31mev\x07il"), []string{"/ev.*il/"}, [][2]int{{9, 17}}},
		{"negated regex not marked", "evil", []string{"-/evil/"}, nil},
		{"an anchored regex marks its place alone", "20262026", []string{"/^2026/"}, [][2]int{{0, 4}}},
		{"a word boundary keeps its meaning", "evilevil devil evil", []string{`/\bevil/`}, [][2]int{{0, 4}, {15, 19}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := matchSpans(c.text, termsOf(t, c.words...), nil)
			if len(got) != len(c.want) {
				t.Fatalf("spans %v; want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("span %d = %v; want %v", i, got[i], c.want[i])
				}
			}
		})
	}
	if s := Highlight("no words", nil, lipgloss.NewStyle()); s != "no words" {
		t.Errorf("Highlight without words changed the text: %q", s)
	}
}

// termsOf compiles each query and returns the terms it highlights.
func termsOf(t *testing.T, queries ...string) []query.Finder {
	t.Helper()
	var out []query.Finder
	for _, src := range queries {
		if src == "" {
			out = append(out, query.NewFinder(""))
			continue
		}
		q, err := query.Compile(src, query.Options{})
		if err != nil {
			t.Fatalf("compile %q: %v", src, err)
		}
		out = append(out, q.Finders()...)
	}
	return out
}

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n     int64
		thing string
		want  string
	}{{1, "line", "1 line"}, {1200, "line", "1,200 lines"}, {0, "entry", "0 entries"}, {1, "entry", "1 entry"},
		{2, "day", "2 days"}, {3, "key", "3 keys"}} {
		if got := Plural(c.n, c.thing); got != c.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", c.n, c.thing, got, c.want)
		}
	}
}
