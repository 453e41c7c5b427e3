package theme

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// hintSeparator and hintEllipsis are the hint line's separator between
// items and its mark of items left out (bubbles/help's own).
const (
	hintSeparator = " • "
	hintEllipsis  = "…"
	// hintSeparatorDot separates the items of Hint's in-context hints.
	hintSeparatorDot = " · "
)

// HintLine draws key hints on one line of at most w cells (w ≤ 0: no
// limit). Items are kept whole: those that do not fit are left out, from
// the end, and their absence is marked by one " …" where there is room
// for it (an item is worth more than the mark: "?" lists them all). A kept
// item whose own label ends in "…" ("x export…") already reads as
// unfinished and is not followed by another: the line never ends in a cut
// label nor in "… …".
func (s *Styles) HintLine(bs []key.Binding, w int) string {
	var items, plain []string
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		items = append(items, s.HelpKey.Inline(true).Render(h.Key)+" "+s.HelpDesc.Inline(true).Render(h.Desc))
		plain = append(plain, h.Key+" "+h.Desc)
	}
	n := hintsThatFit(plain, hintSeparator, w)
	line := strings.Join(items[:n], s.HelpSep.Inline(true).Render(hintSeparator))
	if markLeftOut(plain, n, hintSeparator, w) {
		line += " " + s.HelpSep.Inline(true).Render(hintEllipsis)
	}
	return line
}

// FitHint is Hint's "enter apply · esc restore filter" cut to w cells the
// way HintLine is: whole items, the rest marked by one " …" where there is
// room (w ≤ 0: no limit).
func FitHint(w int, bs ...key.Binding) string {
	plain := strings.Split(Hint(bs...), hintSeparatorDot)
	if len(bs) == 0 {
		return ""
	}
	n := hintsThatFit(plain, hintSeparatorDot, w)
	line := strings.Join(plain[:n], hintSeparatorDot)
	if markLeftOut(plain, n, hintSeparatorDot, w) {
		line += " " + hintEllipsis
	}
	return line
}

// hintsThatFit is how many of the items, from the first, fit in w cells.
func hintsThatFit(plain []string, sep string, w int) int {
	n := len(plain)
	for w > 0 && n > 0 && CellWidth(strings.Join(plain[:n], sep)) > w {
		n--
	}
	return n
}

// markLeftOut reports whether the first n items are followed by " …":
// when some are left out, the last kept does not end in "…" of its own,
// and there is room.
func markLeftOut(plain []string, n int, sep string, w int) bool {
	if n == len(plain) || n == 0 || strings.HasSuffix(plain[n-1], hintEllipsis) {
		return false
	}
	return w <= 0 || CellWidth(strings.Join(plain[:n], sep))+1+CellWidth(hintEllipsis) <= w
}
