package theme

import (
	"os"

	"charm.land/bubbles/v2/help"

	"charm.land/lipgloss/v2"

	"connlog/model"
)

// Styles are every style the interface draws with. View code takes them
// from here and never builds styles of its own, so that a monochrome screen
// is one constructor away.
type Styles struct {
	Status, StatusFollow, StatusPaused, StatusLoss, StatusErr, StatusWarn, StatusDim lipgloss.Style

	Tab, TabActive lipgloss.Style

	Header, Cursor, CursorBlurred, Marked, InRange, Match lipgloss.Style

	// CursorMatch marks a match on the cursor's row, whose own style would
	// hide Match (both reverse video without colour).
	CursorMatch lipgloss.Style

	Levels [8]lipgloss.Style

	Boundary, Gap lipgloss.Style

	Title, Key, Value, Granted, Denied, ErrorText, Dim, Block lipgloss.Style

	Prompt, BarError, Caret, Notice lipgloss.Style

	Dialog, DialogTitle, Choice, ChoiceActive, ProgressFull, ProgressEmpty lipgloss.Style

	// HelpTitle heads a group of the help screen; HelpKey, HelpDesc and
	// HelpSep draw the key hints (bubbles/help's own defaults are coloured).
	HelpTitle, HelpKey, HelpDesc, HelpSep lipgloss.Style
}

// Default returns the colour styles, or the monochrome ones when the
// NO_COLOR environment variable is set.
func Default() Styles {
	if os.Getenv("NO_COLOR") != "" {
		return Monochrome()
	}
	return colour()
}

func colour() Styles {
	s := Monochrome()
	fg := func(c string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(c)) }
	s.Status = lipgloss.NewStyle().Background(lipgloss.Color("236")).Foreground(lipgloss.Color("252"))
	s.StatusFollow = s.Status.Foreground(lipgloss.Color("42")).Bold(true)
	s.StatusPaused = s.Status.Foreground(lipgloss.Color("214")).Bold(true)
	s.StatusLoss = s.Status.Foreground(lipgloss.Color("196")).Bold(true)
	s.StatusErr = s.Status.Foreground(lipgloss.Color("203"))
	s.StatusWarn = s.Status.Foreground(lipgloss.Color("214"))
	s.StatusDim = s.Status.Foreground(lipgloss.Color("245"))
	s.TabActive = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("231")).Background(lipgloss.Color("25"))
	s.Tab = fg("245")
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("252")).Underline(true)
	s.Cursor = lipgloss.NewStyle().Background(lipgloss.Color("24")).Foreground(lipgloss.Color("231"))
	s.CursorBlurred = lipgloss.NewStyle().Background(lipgloss.Color("238"))
	s.Marked = fg("213")
	s.InRange = lipgloss.NewStyle().Background(lipgloss.Color("236"))
	s.Match = lipgloss.NewStyle().Background(lipgloss.Color("178")).Foreground(lipgloss.Color("16"))
	s.CursorMatch = s.Match.Bold(true).Underline(true)
	s.Levels = [8]lipgloss.Style{
		model.LevelNone: fg("245"), model.LevelTrace: fg("240"), model.LevelDebug: fg("245"),
		model.LevelInfo: fg("39"), model.LevelNotice: fg("45"), model.LevelWarn: fg("214"),
		model.LevelError: fg("203"), model.LevelCritical: fg("196").Bold(true),
	}
	s.Boundary = fg("111").Bold(true)
	s.Gap = fg("203").Bold(true)
	s.Title = fg("111").Bold(true)
	s.Key = fg("245")
	s.Granted = fg("42").Bold(true)
	s.Denied = fg("196").Bold(true).Reverse(true)
	s.ErrorText = fg("203")
	s.Dim = fg("243")
	s.Block = fg("250")
	s.Prompt = fg("111").Bold(true)
	s.BarError = fg("203")
	s.Caret = fg("203").Bold(true)
	s.Notice = fg("214")
	s.DialogTitle = fg("111").Bold(true)
	s.ChoiceActive = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.ProgressFull = fg("42")
	s.ProgressEmpty = fg("238")
	s.HelpTitle = fg("111").Bold(true).Underline(true)
	s.HelpKey, s.HelpDesc, s.HelpSep = fg("245"), fg("241"), fg("238")
	return s
}

// Monochrome returns styles without colour: the same information is
// carried by text (level names, markers in the gutter, words such as DENIED)
// and by bold and reverse video where the terminal has them.
func Monochrome() Styles {
	plain := lipgloss.NewStyle()
	bold := plain.Bold(true)
	s := Styles{
		Status: plain, StatusFollow: bold, StatusPaused: bold, StatusLoss: bold.Underline(true),
		StatusErr: plain, StatusWarn: plain, StatusDim: plain,
		Tab: plain, TabActive: bold.Reverse(true),
		Header: bold.Underline(true), Cursor: plain.Reverse(true), CursorBlurred: plain.Underline(true),
		Marked: bold, InRange: plain.Underline(true), Match: plain.Reverse(true).Bold(true),
		CursorMatch: bold.Underline(true), Boundary: bold, Gap: bold,
		Title: bold, Key: plain, Value: plain, Granted: bold, Denied: bold.Reverse(true),
		ErrorText: bold, Dim: plain, Block: plain,
		Prompt: bold, BarError: bold, Caret: bold, Notice: bold,
		Dialog:      plain.Border(lipgloss.NormalBorder()).Padding(0, 1),
		DialogTitle: bold, Choice: plain, ChoiceActive: bold.Reverse(true),
		ProgressFull: plain, ProgressEmpty: plain, HelpTitle: bold.Underline(true),
		HelpKey: bold, HelpDesc: plain, HelpSep: plain,
	}
	for i := range s.Levels {
		s.Levels[i] = plain
	}
	s.Levels[model.LevelError] = bold
	s.Levels[model.LevelCritical] = bold.Reverse(true)
	return s
}

// HelpModel returns a bubbles/help model drawing with these styles.
func (s *Styles) HelpModel() help.Model {
	h := help.New()
	h.Styles = help.Styles{
		Ellipsis: s.HelpSep, ShortKey: s.HelpKey, ShortDesc: s.HelpDesc, ShortSeparator: s.HelpSep,
		FullKey: s.HelpKey, FullDesc: s.HelpDesc, FullSeparator: s.HelpSep,
	}
	return h
}

// Level returns the style of a level, tolerating values out of range.
func (s *Styles) Level(l model.Level) lipgloss.Style {
	if int(l) < len(s.Levels) {
		return s.Levels[l]
	}
	return s.Levels[0]
}
