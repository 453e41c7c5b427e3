package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestWaitingForAStoreIsSaid: while connlog waits for a log store's first
// answer (up to 10 s when it hangs) the terminal says which store it waits
// for and that ctrl+c stops, and the line is gone once the wait is over.
func TestWaitingForAStoreIsSaid(t *testing.T) {
	cfg := Config{Remote: remoteFlags{VictoriaLogs: "http://logs.example.com:9428/vl/"}}
	var screen bytes.Buffer
	note := sayConnecting(cfg, &screen, true)
	said := screen.String()
	for _, want := range []string{"VictoriaLogs at logs.example.com:9428/vl", "ctrl+c"} {
		if !strings.Contains(said, want) {
			t.Errorf("the waiting note %q does not say %q", said, want)
		}
	}
	if strings.Contains(said, "\n") {
		t.Errorf("the waiting note %q ends its line: it could not be taken back", said)
	}
	note.clear()
	note.clear() // once only: a second clear would erase a line written since
	if got := strings.TrimPrefix(screen.String(), said); got != "\r\x1b[K" {
		t.Errorf("clearing the note wrote %q, want the line erased once", got)
	}
}

// TestNoWaitingNoteOffATerminalOrForLocalInputs: a note meant for a person
// stays out of a redirected standard error, and local inputs do not wait on
// a network.
func TestNoWaitingNoteOffATerminalOrForLocalInputs(t *testing.T) {
	remote := Config{Remote: remoteFlags{VictoriaLogs: "http://127.0.0.1:9428"}}
	local := Config{Files: []string{"app.log"}}
	for name, c := range map[string]struct {
		cfg      Config
		terminal bool
	}{"a store, not a terminal": {remote, false}, "local files on a terminal": {local, true}} {
		var screen bytes.Buffer
		sayConnecting(c.cfg, &screen, c.terminal).clear()
		if screen.Len() != 0 {
			t.Errorf("%s: wrote %q", name, screen.String())
		}
	}
}

// TestWhatIsSaidDuringTheWaitGetsALineOfItsOwn: a note written while the
// store is waited for (the day a time without a date was taken on) is not
// glued to the waiting line, which comes back after it.
func TestWhatIsSaidDuringTheWaitGetsALineOfItsOwn(t *testing.T) {
	var screen bytes.Buffer
	note := sayConnecting(Config{Remote: remoteFlags{VictoriaLogs: "http://127.0.0.1:9428"}}, &screen, true)
	waiting := screen.String()
	note.aside(func() { screen.WriteString("connlog: --since 08:00 is taken on 2026-02-10\n") })
	if want := waiting + "\r\x1b[Kconnlog: --since 08:00 is taken on 2026-02-10\n" + waiting; screen.String() != want {
		t.Errorf("wrote %q, want %q", screen.String(), want)
	}
}
