package query

import (
	"strings"
	"testing"
)

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

// naiveIndex is the obvious reference for pattern.index: try every start.
func naiveIndex(p *pattern, s string) int {
	for i := 0; i <= len(s); i++ {
		switch p.mode {
		case caseExact:
			if strings.HasPrefix(s[i:], p.text) {
				return i
			}
		case caseASCII:
			if len(s)-i >= len(p.text) && equalASCIIFold(s[i:i+len(p.text)], p.text) {
				return i
			}
		case caseUnicode:
			if _, ok := prefixUnicodeFold(s[i:], p.text); ok {
				return i
			}
		}
	}
	return -1
}

func TestPatternAnchors(t *testing.T) {
	tests := []struct {
		name, needle, hay string
		want              int
	}{
		{"rare byte before its offset is skipped", "timeout", "m timeout", 2},
		{"rare byte too close to the end", "timeout", "xx TIMEOU", -1},
		{"anchor in the middle", "timeout", "TIMEOUT", 0},
		{"many false anchors", "q1", "qqqqqq1", 5},
		{"unicode first rune cases", "émile", "x ÉMILE", 2},
		{"kelvin lead byte", "kelvin", "\u212aelvin", -1}, // ASCII pattern: ASCII folding only
		{"kelvin under unicode", "kélvin", "\u212aÉLVIN", 0},
		{"invalid first byte", "\xbcé", "ü\xbcÉ", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPattern(tt.needle, true)
			got, _ := p.index(tt.hay)
			if got != tt.want || got != naiveIndex(&p, tt.hay) {
				t.Errorf("index(%q in %q) = %d, want %d (naive %d)", tt.needle, tt.hay, got, tt.want, naiveIndex(&p, tt.hay))
			}
		})
	}
}

// The anchored search must agree with the naive one on many strings drawn
// from a small alphabet, where near-misses are frequent.
func TestPatternMatchesNaive(t *testing.T) {
	alphabet := []string{"a", "A", "b", "B", "m", "M", " ", "é", "É", "ß", "\u212a", "k", "\xff", "1"}
	seed := uint32(1)
	rnd := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>16) % n }
	word := func(max int) string {
		var b strings.Builder
		for n := rnd(max + 1); n > 0; n-- {
			b.WriteString(alphabet[rnd(len(alphabet))])
		}
		return b.String()
	}
	for i := 0; i < 20000; i++ {
		needle, hay := word(3), word(12)
		p := newPattern(needle, true)
		got, end := p.index(hay)
		if want := naiveIndex(&p, hay); got != want {
			t.Fatalf("index(%q in %q, mode %d) = %d, naive %d", needle, hay, p.mode, got, want)
		}
		if got >= 0 {
			if n, ok := prefixUnicodeFold(hay[got:end], needle); p.mode != caseExact && (!ok || n != end-got) {
				t.Fatalf("index(%q in %q) = [%d,%d), which is not the needle", needle, hay, got, end)
			}
		}
	}
}
