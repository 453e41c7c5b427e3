package ui

import "connlog/ui/status"

// Mode is what the keyboard is talking to: the table, or one of the bars,
// menus and dialogs that take over input while open.
type Mode uint8

// The modes.
const (
	ModeNormal    Mode = iota // keys move through the table or the detail pane
	ModeFilter                // the filter bar has the keyboard
	ModeGoto                  // the go-to-time prompt has the keyboard
	ModePivot                 // the pivot menu is open
	ModeHelp                  // the help screen is shown
	ModeExport                // the export dialog is open
	ModeTopN                  // the top-N view is shown
	ModeTemplates             // the templates view is shown
	ModeSessions              // the sessions view is shown
	ModeChanged               // the what-changed view is shown
	ModeCompare               // the what-changed view's windows prompt has the keyboard
)

// String names the mode for the status line and tests.
func (m Mode) String() string {
	switch m {
	case ModeNormal:
		return "normal"
	case ModeFilter:
		return "filter"
	case ModeGoto:
		return "goto"
	case ModePivot:
		return "pivot"
	case ModeHelp:
		return "help"
	case ModeExport:
		return "export"
	case ModeTopN:
		return "top-n"
	case ModeTemplates:
		return "templates"
	case ModeSessions:
		return "sessions"
	case ModeChanged:
		return "changed"
	case ModeCompare:
		return "compare"
	}
	return "unknown"
}

// Focus is which pane the movement keys scroll.
type Focus uint8

// The panes that can have the focus.
const (
	FocusTable Focus = iota
	FocusDetail
)

// String names the focus.
func (f Focus) String() string {
	if f == FocusDetail {
		return "detail"
	}
	return "table"
}

// FollowState says whether the table tracks the newest entry; the status
// line shows it.
type FollowState = status.Follow

// The follow states.
const (
	Following = status.Following // new entries scroll in
	Paused    = status.Paused    // the cursor stays put; new entries are counted
)

// SelectState is the state of the visual range selection.
type SelectState uint8

// The selection states.
const (
	SelectNone   SelectState = iota // no range selected
	SelectActive                    // the range follows the cursor
	SelectFixed                     // the range is fixed (v pressed twice)
)

// String names the selection state.
func (s SelectState) String() string {
	switch s {
	case SelectActive:
		return "selecting"
	case SelectFixed:
		return "selected"
	}
	return "none"
}
