package filterbar

import (
	"strings"

	"connlog/ui/theme"
)

// View draws the two footer lines: the prompt (or the filter in force) and
// either the error with its caret or a hint.
func (f Model) View() string {
	info := f.styles.Dim.Render(f.info)
	first := theme.PadStyled(f.input.View(), f.width-theme.CellWidth(f.info)-1) + " " + info
	if f.errMsg == "" {
		keys := theme.Hint(f.keys.ShortHelp()...)
		return theme.PadStyled(first, f.width) + "\n" + f.styles.Dim.Render(theme.Fit(keys, f.width))
	}
	col := theme.CellWidth(f.input.Prompt()) + theme.CellWidth(theme.Clean(truncBytes(f.input.Value(), f.errPos)))
	col = min(col, max(f.width-1, 0))
	caret := strings.Repeat(" ", col) + f.styles.Caret.Render("^")
	msg := " " + theme.Clean(f.errMsg)
	return theme.PadStyled(first, f.width) + "\n" + theme.PadStyled(caret+f.styles.BarError.Render(theme.Cut(msg, f.width-col-1)), f.width)
}

// truncBytes returns s cut at byte n (clamped).
func truncBytes(s string, n int) string { return s[:min(max(n, 0), len(s))] }
