package main

import (
	"context"
	"sync"

	tea "charm.land/bubbletea/v2"

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

	mu     sync.Mutex
	infos  []sourceInfo // every input so far, for the title
	paths  []string     // the new inputs' paths, not sent yet
	notice string       // not sent yet
}

func newTUIJoins(infos []sourceInfo) *tuiJoins {
	return &tuiJoins{wake: make(chan struct{}, 1), infos: infos}
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
	for _, in := range infos {
		t.paths = append(t.paths, in.Path)
	}
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
		msg := ui.InputsJoinedMsg{Title: title(t.infos, ""), Paths: t.paths, Notice: t.notice}
		t.paths, t.notice = nil, ""
		t.mu.Unlock()
		p.Send(msg)
	}
}
