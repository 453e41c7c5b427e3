package theme

import (
	"slices"
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		name string
		in   string
		w    int
		want []string
	}{
		{"fits", "short", 10, []string{"short"}},
		{"at spaces", "expected a value after country", 12, []string{"expected a", "value after", "country"}},
		{"a word wider than the line is broken", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"wide characters count two cells", "日本語 テキスト", 6, []string{"日本語", "テキス", "ト"}},
		{"no room", "abc", 0, nil},
		{"a date is not broken at its hyphens", "spans 2026-12-04 21:00", 12, []string{"spans", "2026-12-04", "21:00"}},
		{"a hyphen between words still breaks", "a tail-first read", 8, []string{"a tail-", "first", "read"}},
		{"a date wider than the line is broken", "2026-12-05", 6, []string{"2026-", "12-05"}},
		{"a non-breaking hyphen in the text stays", "a 1\u20112 b-c 3-4", 4, []string{"a", "1\u20112", "b-c", "3-4"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Wrap(c.in, c.w)
			if !slices.Equal(got, c.want) {
				t.Fatalf("Wrap(%q, %d) = %q; want %q", c.in, c.w, got, c.want)
			}
		})
	}
}

func TestWrapAfter(t *testing.T) {
	msg := "expected a value after \"country:\" — quote a value that is empty"
	cases := []struct {
		name    string
		head, w int
		want    []string
	}{
		{"fits in the head", 80, 80, []string{msg}},
		{"starts in the head, goes on at full width", 24, 30,
			[]string{"expected a value after", "\"country:\" — quote a value", "that is empty"}},
		{"head too narrow: starts on the next line", 10, 40,
			[]string{"", "expected a value after \"country:\" —", "quote a value that is empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := WrapAfter(msg, c.head, c.w)
			if !slices.Equal(got, c.want) {
				t.Fatalf("WrapAfter(head %d, w %d) = %q; want %q", c.head, c.w, got, c.want)
			}
			if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != msg {
				t.Errorf("the lines %q do not hold the whole message", got)
			}
		})
	}
}

func TestWrapPhrases(t *testing.T) {
	phrases := []string{"11 entries", "from 2026-11-20 08:00:00", "to 2026-11-20 08:50:35", "· about 13.1KB"}
	cases := []struct {
		w    int
		want []string
	}{
		{80, []string{"11 entries from 2026-11-20 08:00:00 to 2026-11-20 08:50:35 · about 13.1KB"}},
		{40, []string{"11 entries from 2026-11-20 08:00:00", "to 2026-11-20 08:50:35 · about 13.1KB"}},
		{24, []string{"11 entries", "from 2026-11-20 08:00:00", "to 2026-11-20 08:50:35", "· about 13.1KB"}},
		{16, []string{"11 entries", "from 2026-11-20", "08:00:00", "to 2026-11-20", "08:50:35", "· about 13.1KB"}},
	}
	for _, c := range cases {
		if got := WrapPhrases(phrases, c.w); !slices.Equal(got, c.want) {
			t.Errorf("WrapPhrases at %d = %q; want %q", c.w, got, c.want)
		}
	}
}
