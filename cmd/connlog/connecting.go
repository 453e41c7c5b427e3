package main

import (
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"connlog/model/inert"
	"connlog/source/remote"
)

// connectingNote is the line that says, while connlog waits for a log
// store's first answer, which store it waits for and how to stop waiting.
// A store that hangs takes up to 10 s to fail that first request, and a
// blank terminal for that long looks like connlog itself hung.
type connectingNote struct {
	w     io.Writer
	text  string
	shown bool
}

// sayConnecting writes the note to w when a log store is read and w is a
// terminal (a person is looking); it ends no line, so that clear can take
// it back before the interface or the export starts, or an error is said.
func sayConnecting(cfg Config, w io.Writer, terminal bool) *connectingNote {
	u, err := remote.ParseStoreURL(cfg.Remote.VictoriaLogs)
	if cfg.Remote.VictoriaLogs == "" || err != nil || !terminal {
		return &connectingNote{}
	}
	n := &connectingNote{w: w, text: "connlog: connecting to VictoriaLogs at " + inert.Sanitize(u.Host+u.Path) + " … (ctrl+c stops)", shown: true}
	fmt.Fprint(w, n.text)
	return n
}

// sayConnectingOn is sayConnecting on w when it is a terminal.
func sayConnectingOn(cfg Config, w io.Writer) *connectingNote {
	f, ok := w.(*os.File)
	return sayConnecting(cfg, w, ok && isatty.IsTerminal(f.Fd()))
}

// clear erases the note's line (with the ^C the terminal echoed after it),
// once: a later call would erase a line written since.
func (n *connectingNote) clear() {
	if n.shown {
		fmt.Fprint(n.w, "\r\x1b[K")
		n.shown = false
	}
}

// aside takes the note back while write says something else on the same
// terminal, and says it again after: the wait is not over.
func (n *connectingNote) aside(write func()) {
	shown := n.shown
	n.clear()
	write()
	if shown {
		fmt.Fprint(n.w, n.text)
		n.shown = true
	}
}
