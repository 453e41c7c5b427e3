package theme

import "strings"

// WrapWhole word-wraps text, already made inert, into lines of at most w
// cells: at spaces, dropping the spaces a line ends on, and a word longer
// than a line broken between characters, but never inside a range of
// whole (a byte's stand-in: \xff, ‹U+202E›): the line breaks before it.
// Each line is a part of text, in order. (ansi.Wrap splits stand-ins, and
// lets a line ending in a hyphen run a cell past w.)
func WrapWhole(text string, whole [][2]int, w int) []string {
	if w < 1 {
		return []string{text}
	}
	ww := wordWrap{w: w}
	for i := 0; i < len(text); {
		n, cw := wrapUnit(text, i, &whole)
		ww.add(text, i, cw)
		i += n
	}
	return append(ww.lines, text[ww.start:])
}

// wordWrap is the state of WrapWhole: the line being filled is
// text[start:], width cells so far. When it holds a space to break at
// (hasBreak), brk is the last one and afterBreak the width that follows it.
type wordWrap struct {
	w, start, width int
	hasBreak        bool
	brk, afterBreak int
	lines           []string
}

// add adds the unit at text[i], cw cells wide.
func (ww *wordWrap) add(text string, i, cw int) {
	if text[i] == ' ' {
		if ww.width+1 > ww.w {
			ww.breakAt(text, i, i+1, 0)
			return
		}
		ww.hasBreak, ww.brk, ww.afterBreak = true, i, 0
		ww.width++
		return
	}
	if ww.width > 0 && ww.width+cw > ww.w && ww.hasBreak {
		if kept := strings.TrimRight(text[ww.start:ww.brk], " "); kept != "" {
			ww.breakAt(text, ww.start+len(kept), ww.brk+1, ww.afterBreak)
		}
	}
	if ww.width > 0 && ww.width+cw > ww.w {
		ww.breakAt(text, i, i, 0) // a word longer than a line
	}
	ww.width += cw
	ww.afterBreak += cw
}

// breakAt ends the line at text[end] and starts the next at next, width
// cells of it already filled.
func (ww *wordWrap) breakAt(text string, end, next, width int) {
	ww.lines = append(ww.lines, text[ww.start:end])
	ww.start, ww.width, ww.hasBreak = next, width, false
}
