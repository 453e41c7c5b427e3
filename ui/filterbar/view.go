package filterbar

import (
	"strings"

	"connlog/ui/theme"
)

// View draws the footer: the prompt (or the filter in force) and either a
// hint or the error, its caret under the place it names, wrapped over as
// many lines as it takes to be read whole.
func (f Model) View() string {
	info := f.styles.Dim.Render(f.info)
	first := theme.PadStyled(f.input.View(), f.width-theme.CellWidth(f.info)-1) + " " + info
	if f.errMsg == "" && f.note != "" {
		return theme.PadStyled(first, f.width) + "\n" + f.styles.Notice.Render(theme.Fit(f.note, f.width))
	}
	if f.errMsg == "" {
		keys := theme.FitHint(f.width, f.keys.ShortHelp()...)
		return theme.PadStyled(first, f.width) + "\n" + f.styles.Dim.Render(theme.Fit(keys, f.width))
	}
	col := theme.CellWidth(f.input.Prompt()) + theme.CellWidth(theme.Clean(truncBytes(f.input.Value(), f.errPos)))
	col = min(col, max(f.width-1, 0))
	lines := theme.WrapAfter(theme.Clean(f.errMsg), f.width-col-2, f.width)
	out := []string{theme.PadStyled(first, f.width)}
	for i, l := range lines {
		if i == 0 {
			// The caret under the error's place, the message after it when
			// there is room.
			l = strings.Repeat(" ", col) + f.styles.Caret.Render("^") + " " + f.styles.BarError.Render(l)
		} else {
			l = f.styles.BarError.Render(l)
		}
		out = append(out, theme.PadStyled(l, f.width))
	}
	return strings.Join(out, "\n")
}

// truncBytes returns s cut at byte n (clamped).
func truncBytes(s string, n int) string { return s[:min(max(n, 0), len(s))] }
