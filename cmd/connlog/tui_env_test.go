package main

import (
	"slices"
	"testing"
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
