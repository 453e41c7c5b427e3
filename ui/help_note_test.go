package ui

import (
	"strings"
	"testing"
)

// TestHelpSaysHowYCopies checks that the help says what the copy key does
// inside tmux: the line goes through tmux load-buffer, since tmux drops an
// application's OSC 52 under its default set-clipboard external.
func TestHelpSaysHowYCopies(t *testing.T) {
	note := DefaultKeyMap().HelpNote()
	if !strings.Contains(note, "tmux load-buffer") || strings.Contains(note, "set-clipboard on or external") {
		t.Errorf("the help does not say that inside tmux the line goes through tmux load-buffer:\n%s", note)
	}
}
