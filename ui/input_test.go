package ui

import (
	"context"
	"io"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// inputEnd follows the bytes under test so that the reader knows where
// they end: ctrl+\, which no test sends.
const inputEnd = "\x1c"

// inputRecorder keeps the key presses and pastes a program receives, up to
// inputEnd.
type inputRecorder struct{ got []tea.Msg }

func (r inputRecorder) Init() tea.Cmd { return nil }

func (r inputRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+\\" {
			return r, tea.Quit
		}
		r.got = append(r.got, msg)
	case tea.PasteMsg:
		r.got = append(r.got, msg)
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
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p := tea.NewProgram(inputRecorder{}, tea.WithInput(pr), tea.WithOutput(io.Discard),
		tea.WithoutSignals(), tea.WithContext(ctx), tea.WithWindowSize(80, 24))
	if _, err := pw.WriteString(s + inputEnd); err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	final, err := p.Run()
	if err != nil {
		t.Fatalf("reading %q: %v", s, err)
	}
	return final.(inputRecorder).got
}
