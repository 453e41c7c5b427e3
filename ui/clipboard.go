package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/aymanbagabas/go-osc52/v2"

	"connlog/model/inert"
)

// clipboard puts a raw line on the clipboard of the terminal the user sits
// at. Outside tmux that is an OSC 52 sequence written to the terminal
// (wrapped for GNU screen). Inside tmux an application's OSC 52 is dropped
// under tmux's default set-clipboard external (tmux acts on one only with
// set-clipboard on), so the line is handed to tmux itself: `tmux
// load-buffer -w -` fills tmux's paste buffer and has tmux send the
// clipboard sequence to its own terminal, with the default settings. A tmux
// without -w (before 3.2) gets the buffer, and the sequence through a DCS
// passthrough, which tmux before 3.3 passes on. A connlog run with sudo
// inside tmux has no $TMUX: it finds the server by its pane (findServer).
type clipboard struct {
	term   string
	inTmux bool // $TMUX names the server
	// tmux runs tmux with args and stdin and returns what it printed
	// (runTmux; tests replace it).
	tmux func(ctx context.Context, stdin []byte, args ...string) (string, error)
	// ttys are the terminals connlog and the processes that started it
	// run on, and sockets lists the sockets of the tmux servers a terminal
	// may be a pane of: to find the server of a pane that lost $TMUX
	// (findServer).
	ttys    []string
	sockets func(tty string) []string
}

// tmuxTimeout bounds a copy's tmux commands: a server that does not answer
// must not leave the copy hanging.
const tmuxTimeout = 3 * time.Second

// systemClipboard is the clipboard of the terminal connlog runs in.
func systemClipboard() clipboard {
	return clipboard{term: os.Getenv("TERM"), inTmux: os.Getenv("TMUX") != "", tmux: runTmux,
		ttys: terminalsUp(os.Getpid()), sockets: tmuxSockets}
}

// copyMsg says how a raw line was copied: the sequence the program must
// still write to the terminal ("" for none), and what to tell the user.
type copyMsg struct {
	osc    string
	notice string
}

// copy copies raw, which size names ("the raw line (123 bytes)"), and
// says how. Whether the terminal took an OSC 52 sequence cannot be known
// (it has no reply), so no notice says it did.
func (c clipboard) copy(raw []byte, size string) copyMsg {
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	var server []string // the tmux server's socket, when $TMUX does not name it
	if !c.inTmux {
		sock, ok := c.findServer(ctx)
		if !ok {
			return copyMsg{osc: clipboardSequence(string(raw), c.term, false), notice: "sent " + size + " to the terminal's clipboard (OSC 52); " + oscUnknown}
		}
		server = []string{"-S", sock}
	}
	if _, err := c.tmux(ctx, raw, append(server, "load-buffer", "-w", "-")...); err == nil {
		return copyMsg{notice: "copied " + size + " to tmux's paste buffer and clipboard"}
	}
	if _, err := c.tmux(ctx, raw, append(server, "load-buffer", "-")...); err != nil {
		return copyMsg{osc: clipboardSequence(string(raw), c.term, true),
			notice: "sent " + size + " as OSC 52, which tmux passes on with set-clipboard on (tmux load-buffer: " + err.Error() + ")"}
	}
	return copyMsg{osc: osc52.New(string(raw)).Tmux().String(),
		notice: "copied " + size + " to tmux's paste buffer; sent OSC 52 through tmux"}
}

// oscUnknown says that a terminal answers no OSC 52 sequence: it may have
// refused it, and what to do then.
const oscUnknown = "the terminal may refuse it unseen: if nothing pastes, allow OSC 52 clipboard writes in its settings"

// clipboardSequence is the OSC 52 sequence that sets the clipboard to s:
// wrapped in DCS for GNU screen (TERM=screen* outside tmux, which sets
// TERM=screen too), plain elsewhere, tmux included, which passes a plain
// one on when set-clipboard is on.
func clipboardSequence(s, term string, inTmux bool) string {
	seq := osc52.New(s)
	if !inTmux && strings.HasPrefix(term, "screen") {
		seq = seq.Screen()
	}
	return seq.String()
}

// runTmux runs the tmux client, which finds the user's server through
// $TMUX (or -S), with stdin, and returns what it printed; a failure says
// what tmux said.
func runTmux(ctx context.Context, stdin []byte, args ...string) (string, error) {
	path, err := exec.LookPath("tmux")
	if err != nil {
		return "", errors.New("tmux is not in PATH")
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(inert.Sanitize(firstLine(msg)))
		}
		return "", err
	}
	return stdout.String(), nil
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
