package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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
			got := fit(c.in, c.w)
			if got != c.want {
				t.Errorf("fit(%q, %d) = %q; want %q", c.in, c.w, got, c.want)
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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := matchSpans(c.text, c.words)
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
	if s := highlight("no words", nil, lipgloss.NewStyle()); s != "no words" {
		t.Errorf("highlight without words changed the text: %q", s)
	}
}

func TestShrinkToFit(t *testing.T) {
	cols := []column{
		{title: "A", min: 5, max: 10, prio: 100},
		{title: "B", min: 5, max: 10, prio: 10},
		{title: "C", min: 4, max: 1 << 20, flex: true, prio: 50},
	}
	cases := []struct {
		name  string
		avail int
		want  []string
		ws    []int
	}{
		{"room for all: flex takes the rest", 40, []string{"A", "B", "C"}, []int{10, 10, 18}},
		{"narrow: widest shrinks first", 22, []string{"A", "B", "C"}, []int{8, 8, 4}},
		{"minimums fit: all shrink evenly", 18, []string{"A", "B", "C"}, []int{6, 6, 4}},
		{"too narrow: lowest priority goes first", 14, []string{"A", "C"}, []int{9, 4}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := append([]column(nil), cols...)
			got, ws := shrinkToFit(in, []int{10, 10, 4}, c.avail)
			var titles []string
			for _, g := range got {
				titles = append(titles, g.title)
			}
			if len(titles) != len(c.want) || sumWidths(ws) > c.avail {
				t.Fatalf("columns %v widths %v (sum %d); want %v within %d", titles, ws, sumWidths(ws), c.want, c.avail)
			}
			for i := range ws {
				if titles[i] != c.want[i] || ws[i] != c.ws[i] {
					t.Errorf("column %d = %s/%d; want %s/%d", i, titles[i], ws[i], c.want[i], c.ws[i])
				}
			}
		})
	}
}

func TestNextAfter(t *testing.T) {
	seqs := []int64{3, 7, 9}
	cases := []struct {
		name    string
		seq     int64
		forward bool
		want    int64
		ok      bool
	}{
		{"forward from before", 1, true, 3, true},
		{"forward skips itself", 7, true, 9, true},
		{"forward past the end", 9, true, 0, false},
		{"backward skips itself", 7, false, 3, true},
		{"backward before the start", 3, false, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := nextAfter(seqs, c.seq, c.forward)
			if got != c.want || ok != c.ok {
				t.Errorf("nextAfter(%d, %v) = %d, %v; want %d, %v", c.seq, c.forward, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestCommasAndRate(t *testing.T) {
	for in, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4200: "-4,200"} {
		if got := commas(in); got != want {
			t.Errorf("commas(%d) = %q; want %q", in, got, want)
		}
	}
	var r rateMeter
	r.tick(base)
	r.add(500)
	r.add(1500)
	r.tick(base.Add(2 * 1e9))
	if r.rate != 1000 {
		t.Errorf("rate = %v; want 1000 lines/s", r.rate)
	}
}
