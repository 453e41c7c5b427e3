package payload

import "bytes"

// esc opens a terminal escape sequence.
const esc = 0x1b

// WithoutColour returns p without the colour sequences a logger writes
// for a terminal (ESC [ 31 m … ESC [ 0 m: zerolog's console writer,
// logrus, a connector run with a TTY under `docker logs`), which hid the
// level and the fields of the line from its parser; p itself when it holds
// none. Other escape sequences are left: they are no formatting the parsers
// know, and the line is shown escaped whatever it holds. The query searches
// a line's words in it too, so that a word shown without its colours finds
// the line.
func WithoutColour(p []byte) []byte {
	i := bytes.IndexByte(p, esc)
	if i < 0 {
		return p
	}
	out := make([]byte, 0, len(p))
	for i >= 0 {
		out = append(out, p[:i]...)
		n := sgrLen(p[i:])
		if n == 0 {
			out = append(out, esc)
			n = 1
		}
		p = p[i+n:]
		i = bytes.IndexByte(p, esc)
	}
	return append(out, p...)
}

// ColourRegexp is an RE2 expression that matches every colour sequence
// WithoutColour leaves out (and a few longer ones it keeps), for a store that
// searches the raw bytes to allow one wherever the shown text has none.
const ColourRegexp = `\x1b\[[0-9;]*m`

// sgrLen returns the length of the colour sequence p begins with (ESC [,
// digits and semicolons, m), or 0.
func sgrLen(p []byte) int {
	if len(p) < 3 || p[0] != esc || p[1] != '[' {
		return 0
	}
	for i := 2; i < len(p) && i < 32; i++ {
		switch c := p[i]; {
		case c == 'm':
			return i + 1
		case c != ';' && (c < '0' || c > '9'):
			return 0
		}
	}
	return 0
}
