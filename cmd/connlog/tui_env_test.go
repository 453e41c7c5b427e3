package main

import (
	"os"
	"slices"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// TestWithoutVarDropsOnlyThatVariable: the environment handed to the
// program loses TMUX, and keeps the variables whose names merely begin
// like it.
func TestWithoutVarDropsOnlyThatVariable(t *testing.T) {
	env := []string{"TERM=tmux-256color", "TMUX=/tmp/tmux-0/default,1,0", "TMUX_PANE=%1", "TMUXX=1", "HOME=/root"}
	want := []string{"TERM=tmux-256color", "TMUX_PANE=%1", "TMUXX=1", "HOME=/root"}
	if got := withoutVar(env, "TMUX"); !slices.Equal(got, want) {
		t.Fatalf("withoutVar = %q, want %q", got, want)
	}
}

// TestTerminalProfileIsTheDetectedOne: the profile connlog hands the
// program is the one a detection on standard output and the environment
// gives (lipgloss's, made at its initialisation), and no colour at all
// with --no-color.
func TestTerminalProfileIsTheDetectedOne(t *testing.T) {
	if got, want := terminalProfile(false), colorprofile.Detect(os.Stdout, os.Environ()); got != want {
		t.Errorf("terminalProfile(false) = %v, a detection gives %v", got, want)
	}
	if got := terminalProfile(true); got != colorprofile.Ascii {
		t.Errorf("terminalProfile(true) = %v, want %v", got, colorprofile.Ascii)
	}
}
