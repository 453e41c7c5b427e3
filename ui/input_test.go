package ui

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// inputStart comes before the bytes under test, in a write of its own:
// once the program has it, its reader is reading, and the bytes under test
// reach it in one read. ctrl+], which no test sends.
const inputStart = "\x1d"

// inputEnd follows the bytes under test so that the reader knows where
// they end: ctrl+\, which no test sends. It is written once the reader has
// waited for the rest of an unfinished sequence (readerWait), which would
// otherwise swallow it.
const inputEnd = "\x1c"

// readerWait is longer than the reader waits for the rest of a sequence
// (50 ms) before it reports what it has.
const readerWait = 150 * time.Millisecond

// inputRecorder keeps the key presses, pastes and unknown input a program
// receives between inputStart and inputEnd.
type inputRecorder struct {
	started chan<- struct{} // closed at inputStart
	got     []tea.Msg
}

func (r inputRecorder) Init() tea.Cmd { return nil }

func (r inputRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+]":
			close(r.started)
			return r, nil
		case "ctrl+\\":
			return r, tea.Quit
		}
		r.got = append(r.got, msg)
	case tea.PasteMsg:
		r.got = append(r.got, msg)
	default:
		if _, ok := unknownInput(msg); ok {
			r.got = append(r.got, msg)
		}
	}
	return r, nil
}

func (r inputRecorder) View() tea.View { return tea.NewView("") }

// readInput returns the messages a Bubble Tea program makes of bytes that
// arrive in a single write, read by the program's own input reader.
func readInput(t *testing.T, s string) []tea.Msg {
	t.Helper()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	started := make(chan struct{})
	p := tea.NewProgram(inputRecorder{started: started}, tea.WithInput(pr), tea.WithOutput(io.Discard),
		tea.WithoutSignals(), tea.WithContext(ctx), tea.WithWindowSize(80, 24))
	type result struct {
		final tea.Model
		err   error
	}
	done := make(chan result, 1)
	go func() {
		final, err := p.Run()
		done <- result{final, err}
	}()
	write := func(b string) {
		if _, err := pw.WriteString(b); err != nil {
			t.Fatal(err)
		}
	}
	write(inputStart)
	select {
	case <-started:
	case <-ctx.Done():
		t.Fatalf("reading %q: the program never read its start", s)
	}
	write(s)
	time.Sleep(readerWait)
	write(inputEnd)
	r := <-done
	if r.err != nil {
		t.Fatalf("reading %q: %v", s, r.err)
	}
	return r.final.(inputRecorder).got
}
