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

	"connlog/model/export"
)

// clipboard puts a raw line on the clipboard of the terminal the user sits
// at. Outside tmux that is an OSC 52 sequence written to the terminal
// (wrapped for GNU screen). Inside tmux an application's OSC 52 is dropped
// under tmux's default set-clipboard external (tmux acts on one only with
// set-clipboard on), so the line is handed to tmux itself: `tmux
// load-buffer -w -` fills tmux's paste buffer and has tmux send the
// clipboard sequence to its own terminal, with the default settings. A tmux
// without -w (before 3.2) gets the buffer, and the sequence through a DCS
// passthrough, which tmux before 3.3 passes on.
type clipboard struct {
	term   string
	inTmux bool
	// tmux runs tmux with args and stdin (runTmux; tests replace it).
	tmux func(ctx context.Context, stdin []byte, args ...string) error
}

// tmuxTimeout bounds a tmux command: a server that does not answer must not
// leave the copy hanging.
const tmuxTimeout = 3 * time.Second

// systemClipboard is the clipboard of the terminal connlog runs in.
func systemClipboard() clipboard {
	return clipboard{term: os.Getenv("TERM"), inTmux: os.Getenv("TMUX") != "", tmux: runTmux}
}

// copyMsg says how a raw line was copied: the sequence the program must
// still write to the terminal ("" for none), and what to tell the user.
type copyMsg struct {
	osc    string
	notice string
}

// copy copies raw and says how. Whether the terminal took an OSC 52
// sequence cannot be known (it has no reply), so no notice says it did.
func (c clipboard) copy(raw []byte) copyMsg {
	size := "the raw line (" + commas(int64(len(raw))) + " bytes)"
	if !c.inTmux {
		return copyMsg{osc: clipboardSequence(string(raw), c.term, false), notice: "sent " + size + " to the terminal's clipboard (OSC 52)"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), tmuxTimeout)
	defer cancel()
	if c.tmux(ctx, raw, "load-buffer", "-w", "-") == nil {
		return copyMsg{notice: "copied " + size + " to tmux's paste buffer and clipboard"}
	}
	if err := c.tmux(ctx, raw, "load-buffer", "-"); err != nil {
		return copyMsg{osc: clipboardSequence(string(raw), c.term, true),
			notice: "sent " + size + " as OSC 52, which tmux passes on with set-clipboard on (tmux load-buffer: " + err.Error() + ")"}
	}
	return copyMsg{osc: osc52.New(string(raw)).Tmux().String(),
		notice: "copied " + size + " to tmux's paste buffer; sent OSC 52 through tmux"}
}

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
// $TMUX, with stdin; a failure says what tmux said.
func runTmux(ctx context.Context, stdin []byte, args ...string) error {
	path, err := exec.LookPath("tmux")
	if err != nil {
		return errors.New("tmux is not in PATH")
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return errors.New(export.Sanitize(firstLine(msg)))
		}
		return err
	}
	return nil
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
