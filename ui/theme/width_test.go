package theme

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// widthCases are lines as frames hold them, and strings that must leave
// the fast path.
var widthCases = []string{
	"", "plain", "\x1b[38;5;252;48;5;236m twingate │ FOLLOW \x1b[m", "a…b ‹x› → ← ↑ ↓ ⇄ ─│ ␛[2J ⟲ ·",
	"\x1b[1;4mTIME\x1b[m", "日本語", "e\u0301", "→\ufe0f", "⚠ lost", "👍🏽", "\x1b]8;;x\x07link", "\x1b[", "\x1b[31",
	"\x1bP+q", "tab\there", "\u00ad", "\u200b", "\u2028", "\u202e", strings.Repeat("─", 200), "\x1b[?25l",
}

// TestCellWidthIsStringWidth checks that the fast count agrees with
// ansi.StringWidth on frame lines and on strings it must hand over.
func TestCellWidthIsStringWidth(t *testing.T) {
	for _, s := range widthCases {
		if got, want := CellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("CellWidth(%q) = %d; ansi.StringWidth says %d", s, got, want)
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		for _, s := range []string{string(r), "a" + string(r), string(r) + "\u0301", string(r) + "\ufe0f"} {
			if got, want := CellWidth(s), ansi.StringWidth(s); got != want {
				t.Fatalf("CellWidth(%q) = %d; ansi.StringWidth says %d", s, got, want)
			}
		}
	}
}

// FuzzCellWidth checks the fast count against ansi.StringWidth on any
// string.
func FuzzCellWidth(f *testing.F) {
	for _, s := range widthCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CellWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("CellWidth(%q) = %d; ansi.StringWidth says %d", s, got, want)
		}
	})
}
