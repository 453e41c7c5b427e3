package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"connlog/model/inert"
	"connlog/source"
	"connlog/ui"
)

// tuiJoins tells the interface of the inputs that join while it follows:
// the title names them, the export dialog must not write over them, and a
// file that could not be added is said in the footer. The merge hears of
// them first, on its own goroutine, and must not wait for the interface:
// what it says is gathered here and sent by forward.
type tuiJoins struct {
	wake chan struct{} // something to send; one wake-up at most waits

	mu       sync.Mutex
	infos    []sourceInfo // every input so far, for the title
	paths    []string     // the new inputs' paths, not sent yet
	opened   []sourceInfo // the new inputs, not sent yet
	notice   string       // not sent yet
	notes    []string     // the footer's notes from the start, while still true
	patterns []string     // the files and patterns named
}

// newTUIJoins starts from the inputs opened first, the footer's notes
// about them and the files and patterns named.
func newTUIJoins(infos []sourceInfo, notes, patterns []string) *tuiJoins {
	return &tuiJoins{wake: make(chan struct{}, 1), infos: infos, notes: notes, patterns: patterns}
}

// hooks are the joining's hooks for the interface, with decorate as the
// first inputs had it.
func (t *tuiJoins) hooks(decorate func(*source.Feed)) joinHooks {
	return joinHooks{decorate: decorate, joined: t.joined, refused: t.refused}
}

// joined has the interface told of the new inputs (decorate readied them
// for the store, see intoStore).
func (t *tuiJoins) joined(_ []source.Feed, infos []sourceInfo) {
	t.mu.Lock()
	t.infos = append(t.infos, infos...)
	var paths []string
	for _, in := range infos {
		paths = append(paths, in.Path)
	}
	t.paths = append(t.paths, paths...)
	t.opened = append(t.opened, infos...)
	t.notes = withoutMatched(t.notes, t.patterns, paths)
	t.notice = strings.Join(append(slices.Clip(t.notes), joinedNote(paths)), "; ")
	t.mu.Unlock()
	t.poke()
}

func (t *tuiJoins) refused(note string) {
	t.mu.Lock()
	t.notice = note
	t.mu.Unlock()
	t.poke()
}

func (t *tuiJoins) poke() {
	select {
	case t.wake <- struct{}{}:
	default: // a wake-up waits already, and will send this too
	}
}

// forward sends the interface what joined, as it comes, until ctx ends.
func (t *tuiJoins) forward(ctx context.Context, p *tea.Program) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.wake:
		}
		t.mu.Lock()
		msg := ui.InputsJoinedMsg{Title: title(t.infos, ""), Paths: t.paths, Opened: t.opened, Notice: t.notice}
		t.paths, t.opened, t.notice = nil, nil, ""
		t.mu.Unlock()
		p.Send(msg)
	}
}

// withoutMatched drops from notes what was said of a pattern that matched
// nothing (see unmatchedNote) once one of paths matches it: the footer
// must not go on saying no file matches it.
func withoutMatched(notes, patterns, paths []string) []string {
	for _, p := range patterns {
		if !matchesAny(p, paths) {
			continue
		}
		said := strings.TrimPrefix(unmatchedNote(p), "connlog: ")
		notes = slices.DeleteFunc(notes, func(n string) bool { return n == said })
	}
	return notes
}

func matchesAny(pattern string, paths []string) bool {
	for _, path := range paths {
		if ok, _ := filepath.Match(pattern, path); ok {
			return true
		}
	}
	return false
}

// joinedNote names the files that joined, the first of them in full.
func joinedNote(paths []string) string {
	if len(paths) == 1 {
		return "reading new file " + inert.Sanitize(paths[0])
	}
	return fmt.Sprintf("reading %d new files: %s and more", len(paths), inert.Sanitize(paths[0]))
}
