package model

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b    string
		ceiling int
		want    int
	}{
		{"", "", 5, 0},
		{"abc", "abc", 5, 0},
		{"kitten", "sitting", 5, 3},
		{"twingate-conector", "twingate-connector", 5, 1},
		{"abc", "", 5, 3},
		{"abcdefgh", "zyxwvuts", 3, 3},
		{"a", "abcdefgh", 3, 3},
		// The field-name suggestions: a transposition costs two edits.
		{"levle", "level", 3, 2},
		{"usr", "user", 2, 1},
		{"kind", "kind", 1, 0},
		{"nothing", "level", 3, 3},
		// A very long name is not compared cell by cell with a short one.
		{strings.Repeat("x", 1<<20), "level", 3, 3},
	}
	for _, tc := range cases {
		t.Run(tc.a[:min(len(tc.a), 20)]+"/"+tc.b, func(t *testing.T) {
			if got := EditDistance(tc.a, tc.b, tc.ceiling); got != tc.want {
				t.Fatalf("distance = %d, want %d", got, tc.want)
			}
			if got := EditDistance(tc.b, tc.a, tc.ceiling); got != tc.want {
				t.Fatalf("reversed: distance = %d, want %d", got, tc.want)
			}
		})
	}
}
