package ui

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestClipboardSequence checks how the OSC 52 sequence travels: plain
// inside tmux (which takes and forwards it; a DCS passthrough is dropped by
// default), wrapped in DCS for GNU screen, plain elsewhere.
func TestClipboardSequence(t *testing.T) {
	const line = "ANALYTICS {\"x\":1}"
	b64 := base64.StdEncoding.EncodeToString([]byte(line))
	cases := []struct {
		name   string
		term   string
		inTmux bool
		plain  bool
	}{
		{"tmux with its default TERM", "screen-256color", true, true},
		{"tmux with tmux-256color", "tmux-256color", true, true},
		{"tmux with a forced xterm TERM", "xterm-256color", true, true},
		{"GNU screen", "screen.xterm-256color", false, false},
		{"xterm", "xterm-256color", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := clipboardSequence(line, c.term, c.inTmux)
			isPlain := strings.HasPrefix(got, "\x1b]52;c;"+b64)
			if isPlain != c.plain {
				t.Errorf("sequence %q: plain = %v; want %v", got, isPlain, c.plain)
			}
			if !c.plain && !strings.HasPrefix(got, "\x1bP") {
				t.Errorf("sequence %q: not wrapped in DCS for screen", got)
			}
			if !strings.Contains(got, b64) {
				t.Errorf("sequence %q does not carry the line", got)
			}
		})
	}
}
