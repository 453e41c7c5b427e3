package main

import (
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"golang.org/x/sys/unix"

	"connlog/source"
)

// refuseTerminalInput refuses an input that is a terminal: standard input
// ("-") when no lines are piped in, or a path naming a terminal
// (/dev/stdin, /dev/tty). Read as a log, it would take the user's
// keystrokes as lines, and in the interface it would race the keyboard
// reader for them: keys would be lost and the screen look frozen.
// command is how the user ran connlog ("connlog export"), for the advice.
func refuseTerminalInput(files []string, stdin io.Reader, command string) error {
	for _, path := range files {
		name, ok := "", false
		if path == source.StdinPath {
			name, ok = "standard input", readerIsTerminal(stdin)
		} else {
			name, ok = path, pathIsTerminal(path)
		}
		if ok {
			return usageError{fmt.Sprintf("%s is a terminal, not a log (its lines would be your keystrokes): "+
				"pipe the lines in (some-command | %s) or name a log file (%s FILE)", name, pipeInto(command), command)}
		}
	}
	return nil
}

// pipeInto is the command line that reads lines piped in: the interface
// reads them unasked, export and summary only when named ("-").
func pipeInto(command string) string {
	if command == "connlog" {
		return command
	}
	return command + " -"
}

// readerIsTerminal reports whether r, the process's standard input, is a
// terminal.
func readerIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// pathIsTerminal reports whether path names a terminal. Only character
// devices are opened to ask (a FIFO would block the open), without making
// the terminal connlog's controlling one and without waiting for a modem.
func pathIsTerminal(path string) bool {
	info, err := os.Stat(path)
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_NOCTTY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	return isatty.IsTerminal(uintptr(fd))
}
