package query

import "testing"

func TestPatternContains(t *testing.T) {
	tests := []struct {
		name, needle, hay string
		want              bool
	}{
		{"lower finds upper", "timeout", "a TIMEOUT b", true},
		{"lower finds mixed", "timeout", "TimeOut", true},
		{"upper is exact", "Timeout", "TIMEOUT", false},
		{"upper finds itself", "Timeout", "x Timeout", true},
		{"at end", "abc", "xxABC", true},
		{"overlapping start", "aab", "aaab", true},
		{"first byte both cases", "ab", "Aa Ab", true},
		{"absent", "abc", "ab ac bc", false},
		{"needle longer", "abcd", "abc", false},
		{"empty needle", "", "abc", true},
		{"empty hay", "a", "", false},
		{"digits exact", "410", "code 410", true},
		{"non-letter first", "-24", "x-24y", true},
		{"unicode fold", "münchen", "MÜNCHEN", true},
		{"unicode fold mixed", "straße", "STRAßE", true},
		{"unicode absent", "müller", "mueller", false},
		{"ascii needle ignores non-ascii", "k", "\u212a", false}, // Kelvin sign folds to k only under Unicode folding
		{"unicode needle matches kelvin", "ké", "\u212aÉ", true},
		{"invalid bytes compared as bytes", "é\xff", "É\xfe", false},
		{"invalid bytes equal", "é\xff", "É\xff", true},
		{"nul", "a\x00b", "xA\x00B", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPattern(tt.needle, true)
			if got := p.contains(tt.hay); got != tt.want {
				t.Errorf("pattern %q (mode %d) in %q = %v, want %v", tt.needle, p.mode, tt.hay, got, tt.want)
			}
		})
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		name, pat, s string
		want         bool
	}{
		{"no star is whole value", "alice", "alice", true},
		{"no star not substring", "alice", "alice@x", false},
		{"no star folds", "alice", "ALICE", true},
		{"prefix", "alice*", "alice@example.com", true},
		{"prefix folds", "alice*", "Alice", true},
		{"prefix upper exact", "Alice*", "alice", false},
		{"suffix", "*.website.com", "app.website.com", true},
		{"suffix absent", "*.website.com", "website.com", false},
		{"middle", "*time*", "xTIMEOUTx", true},
		{"pieces in order", "a*b*c", "axxbyyc", true},
		{"pieces out of order", "a*b*c", "acb", false},
		{"prefix and suffix overlap", "ab*ba", "aba", false},
		{"only star", "*", "", true},
		{"double star", "a**b", "ab", true},
		{"empty pattern", "", "", true},
		{"empty pattern non-empty value", "", "x", false},
		{"unicode prefix", "mü*", "MÜNCHEN", true},
		{"unicode suffix", "*chen", "MÜNCHEN", true},
		{"unicode suffix fold", "*ünchen", "MÜNCHEN", true},
		{"unicode middle", "*ün*", "MÜNCHEN", true},
		{"unicode kelvin suffix", "*ké", "x\u212aÉ", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGlob(tt.pat, true)
			if got := g.match(tt.s); got != tt.want {
				t.Errorf("glob %q on %q = %v, want %v", tt.pat, tt.s, got, tt.want)
			}
		})
	}
}
