package exportdialog

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/ui/theme"
)

// messageScroll is how far a message taller than the dialog was scrolled:
// top is the first of its lines shown, for the lines in of. A message that
// changes (another error, a new width that wraps it anew) starts again at
// its top, for the offset no longer means anything in it.
type messageScroll struct {
	of  string
	top int
}

// overflow is the dialog's status lines, as drawn, when they alone (under
// the field edited, while choosing) are taller than the dialog, and how
// many of them show at once between that field and the lines that say how
// to see the rest; nil when they fit (or when the dialog is too short for
// those lines and one of the message, and the message is cut).
func (d Model) overflow() (status []string, window int) {
	status = d.lines(roomStatus, 0)
	if len(status) <= d.height {
		return nil, 0
	}
	pinned := len(d.editedField())
	status = status[pinned:]
	// The most those lines take, whatever the scroll: with as many digits
	// above and below as there can be.
	window = d.height - pinned - len(d.moreLines(len(status), len(status)))
	if window < 1 {
		return nil, 0
	}
	return status, window
}

// scrollTop is the first line of status shown in window lines.
func (d Model) scrollTop(status []string, window int) int {
	top := 0
	if d.scroll.of == strings.Join(status, "\n") {
		top = d.scroll.top
	}
	return min(max(top, 0), len(status)-window)
}

// scrollKey scrolls a message taller than the dialog, reporting whether
// km was a key that does: up and down only where they move no field.
func (d Model) scrollKey(km tea.KeyPressMsg) (Model, bool) {
	status, window := d.overflow()
	if status == nil {
		return d, false
	}
	k := d.keys
	step := 0
	switch {
	case key.Matches(km, k.PageUp):
		step = -max(window-1, 1)
	case key.Matches(km, k.PageDown):
		step = max(window-1, 1)
	case d.state != Editing && key.Matches(km, k.MoreUp):
		step = -1
	case d.state != Editing && key.Matches(km, k.MoreDown):
		step = 1
	default:
		return d, false
	}
	d.scroll = messageScroll{of: strings.Join(status, "\n"), top: d.scrollTop(status, window) + step}
	d.scroll.top = d.scrollTop(status, window)
	return d, true
}

// scrolled is the field edited, while choosing, the part of status that
// shows under it, and at the dialog's foot the keys that show the rest and
// how many lines are above and below (a blank line between when they take
// less than the most they can).
func (d Model) scrolled(status []string, window int) []string {
	top := d.scrollTop(status, window)
	out := append(indented(d.editedField()), status[top:top+window]...)
	more := d.moreLines(top, len(status)-window-top)
	for len(out)+len(more) < d.height {
		out = append(out, "")
	}
	return append(out, more...)
}

// moreLines say "↑/↓ more · 3 above, 2 below": the keys that scroll in
// this state and how much of the message is out of sight, wrapped as the
// message is, for a line cut there would hide the keys or what is left.
func (d Model) moreLines(above, below int) []string {
	k := d.keys
	keys := theme.KeysOf(k.MoreUp, k.MoreDown)
	if d.state == Editing {
		keys = theme.KeysOf(k.PageUp, k.PageDown)
	}
	phrases := []string{keys + " more ·"}
	if above > 0 {
		phrases = append(phrases, strconv.Itoa(above)+" above")
	}
	if below > 0 {
		if above > 0 {
			phrases[1] += ","
		}
		phrases = append(phrases, strconv.Itoa(below)+" below")
	}
	lines := theme.WrapPhrases(phrases, d.wrapWidth())
	for i, l := range lines {
		lines[i] = "  " + d.styles.Dim.Render(l)
	}
	return lines
}
