package ui

import (
	"time"

	"connlog/model"
	"connlog/model/export"
)

// updateMsg carries one model.Update from the ingest loop.
type updateMsg struct{ model.Update }

// updatesClosedMsg says the ingest loop closed its channel.
type updatesClosedMsg struct{}

// frameMsg is the coalesced redraw tick: the view catches up with the
// store at most this often, however fast updates arrive.
type frameMsg struct{}

// TitleMsg replaces the status line's title (Config.Title) once the
// program knows more of what is watched: the host of a journal copied from
// another machine, known once its newest entry is in the store.
type TitleMsg string

// InputsJoinedMsg says that inputs joined while following: files that a
// pattern given matches, which were not there when it was first expanded.
type InputsJoinedMsg struct {
	// Title replaces the status line's title, which names every input.
	Title string
	// Paths are the new inputs' files, which an export must never replace
	// (see Config.Inputs).
	Paths []string
	// Opened describes the new inputs (see Config.Opened).
	Opened []export.SourceInfo
	// Notice, when set, is shown in the footer: a new file could not be
	// added.
	Notice string
}

// clockMsg ticks once a second for the clock and the ingest rate.
type clockMsg time.Time

// viewBuiltMsg is a finished BuildView for filter generation gen.
type viewBuiltMsg struct {
	gen    int
	view   *model.View
	levels levelIndex
	times  pageTimes
	err    error
}

// viewExtendedMsg is a view extended with newly arrived entries.
type viewExtendedMsg struct {
	gen    int
	view   *model.View
	added  int        // matches appended after the view's last row
	front  int        // matches prepended before its first row
	levels levelIndex // of the added entries only
	times  pageTimes  // of the added entries only
}

// detailLoadedMsg is the fully loaded entry for the detail pane.
type detailLoadedMsg struct {
	seq     int64
	entry   *model.Entry
	pair    model.Pair
	hasPair bool
	err     error
}

// searchResultMsg is where a search for the next match landed.
type searchResultMsg struct {
	gen   int
	seq   int64
	found bool
	// fromTop: the search went to the oldest row of the view (backward,
	// or forward from the first row), toward the lines evicted.
	fromTop bool
}

// noticeMsg shows a transient message in the footer.
type noticeMsg string
