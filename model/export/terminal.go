package export

import (
	"bytes"
	"io"
	"unicode/utf8"

	"connlog/model/inert"
)

// TerminalWriter passes an export's text to a terminal with every control
// character made visible, as Sanitize does, except the newlines that end
// lines: log content must not set the window title, write the clipboard
// or move the cursor of the person reading it (journalctl does the same
// unless -a). It is only for a terminal: a file or a pipe gets the exact
// bytes. A character split between two writes is held until the next one;
// Flush writes what is held.
type TerminalWriter struct {
	w    io.Writer
	held []byte // the start of a UTF-8 sequence cut by the end of a write
	buf  []byte
}

// NewTerminalWriter returns a TerminalWriter writing to w.
func NewTerminalWriter(w io.Writer) *TerminalWriter { return &TerminalWriter{w: w} }

// Write escapes p and writes it; it reports len(p) on success.
func (t *TerminalWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.held) > 0 {
		data = append(t.held, p...)
		t.held = nil
	}
	cut := incompleteRuneStart(data)
	t.buf = t.escape(t.buf[:0], data[:cut])
	t.held = append(t.held[:0:0], data[cut:]...)
	if _, err := t.w.Write(t.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held partial character (escaped: it is not valid UTF-8).
func (t *TerminalWriter) Flush() error {
	if len(t.held) == 0 {
		return nil
	}
	t.buf = t.escape(t.buf[:0], t.held)
	t.held = nil
	_, err := t.w.Write(t.buf)
	return err
}

// escape appends b sanitized line by line, keeping the newlines.
func (t *TerminalWriter) escape(dst, b []byte) []byte {
	for len(b) > 0 {
		line, rest, found := bytes.Cut(b, []byte{'\n'})
		dst = inert.AppendSanitized(dst, string(line))
		if found {
			dst = append(dst, '\n')
		}
		b = rest
	}
	return dst
}

// incompleteRuneStart returns where a UTF-8 sequence that the end of b cuts
// short begins, or len(b) when b ends on a whole character.
func incompleteRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if b[i] >= utf8.RuneSelf && !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
