package ui

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model/export"
	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// DialogState is where the export dialog is in its life.
type DialogState uint8

// The dialog states.
const (
	DialogEditing DialogState = iota // choosing scope, format, path
	DialogConfirm                    // the file exists: overwrite?
	DialogWriting                    // the export runs; esc cancels it
	DialogDone                       // written: path, size, count
	DialogFailed                     // an error, with what to do
)

// String names the state.
func (s DialogState) String() string {
	return [...]string{"editing", "confirm", "writing", "done", "failed"}[min(int(s), 4)]
}

// dialogField is the row of the dialog that has the keyboard.
type dialogField uint8

const (
	fieldScope dialogField = iota
	fieldFrom
	fieldTo
	fieldFormat
	fieldCompress
	fieldRedact
	fieldPath
	fieldCount
)

// abortWait bounds how long Abort waits for a cancelled write to remove
// its temp file: the writer checks for cancellation every few entries, so
// this is only reached on a stuck disk.
const abortWait = 5 * time.Second

// ExportDialog is the export dialog: scope, format, compression, redaction
// and path, with the entry count and an estimated size before writing, a
// progress bar while writing (cancellable) and the result after.
type ExportDialog struct {
	keys        *KeyMap
	styles      *theme.Styles
	width       int
	height      int
	open        bool
	state       DialogState
	field       dialogField
	src         *exportSource
	scopes      []Scope
	set         exportSettings
	fromIn      filterbar.LineInput
	toIn        filterbar.LineInput
	pathIn      filterbar.LineInput
	pathEdited  bool
	completions []string // the directories the last tab offered, when several
	redactor    *export.Redactor
	gen         int
	plan        exportPlan
	planning    bool
	planErr     string
	progress    *export.Progress
	cancel      context.CancelFunc
	finished    chan struct{} // closed when the running write has returned
	started     time.Time
	elapsed     time.Duration
	target      string // the file the last write went to (or would replace)
	result      export.Stats
	unreadable  int64 // lines of the result that could not be read back
	err         string
	notice      string // a one-off remark: cancelled, nothing to write…
}

// NewExportDialog returns a closed dialog.
func NewExportDialog(keys *KeyMap, styles *theme.Styles) ExportDialog {
	return ExportDialog{keys: keys, styles: styles, fromIn: filterbar.NewLineInput(styles, ""), toIn: filterbar.NewLineInput(styles, ""),
		pathIn: filterbar.NewLineInput(styles, "")}
}

// SetSize sets the dialog's size.
func (d *ExportDialog) SetSize(w, h int) {
	d.width, d.height = w, h
	for _, in := range []*filterbar.LineInput{&d.fromIn, &d.toIn, &d.pathIn} {
		in.SetSize(max(w-cardKeyWidth-8, 10), 1)
	}
}

// Open shows the dialog over src, offering the scopes that have entries.
// The time window, format, compression and redaction chosen last time are
// kept, since the next export is usually like the last; the path goes back
// to the default name.
func (d ExportDialog) Open(src *exportSource, scopes []Scope, scope Scope) (ExportDialog, tea.Cmd) {
	d.open, d.state, d.field, d.src, d.scopes = true, DialogEditing, fieldScope, src, scopes
	if d.set == (exportSettings{}) {
		d.set.format = export.FormatNDJSON
	}
	d.set.scope = scope
	d.redactor, d.pathEdited, d.err, d.planErr, d.notice, d.completions = export.NewRedactor(), false, "", "", "", nil
	d.pathIn.SetValue("")
	return d, d.replan()
}

// IsOpen reports whether the dialog is showing.
func (d ExportDialog) IsOpen() bool { return d.open }

// State reports where the dialog is: editing, writing, done…
func (d ExportDialog) State() DialogState { return d.state }

// Abort cancels a running write and waits until it has removed its temp
// file, so that a program quitting in the middle of an export leaves no
// partial file behind. It does nothing when no write is running.
func (d ExportDialog) Abort() {
	if d.state != DialogWriting || d.cancel == nil {
		return
	}
	d.cancel()
	select {
	case <-d.finished:
	case <-time.After(abortWait):
	}
}

// replan recomputes the count, the estimate and the default name.
func (d *ExportDialog) replan() tea.Cmd {
	d.gen++
	d.planning = true
	return planCmd(d.src, d.set, d.redactor, d.gen)
}

// Update handles the dialog's keys and its commands' results.
func (d ExportDialog) Update(msg tea.Msg) (ExportDialog, tea.Cmd) {
	switch msg := msg.(type) {
	case exportPlanMsg:
		return d.onPlan(msg), nil
	case exportTickMsg:
		if msg.gen == d.gen && d.state == DialogWriting {
			return d, progressTick(d.gen)
		}
		return d, nil
	case exportDoneMsg:
		return d.onDone(msg), nil
	case completeMsg:
		return d.onComplete(msg), nil
	case tea.KeyPressMsg:
		return d.onKey(msg)
	case tea.PasteMsg:
		if d.state == DialogEditing {
			return d.typeInto(msg)
		}
	}
	return d, nil
}

func (d ExportDialog) onPlan(msg exportPlanMsg) ExportDialog {
	if msg.gen != d.gen {
		return d
	}
	d.planning, d.planErr = false, ""
	if msg.err != nil {
		d.planErr = msg.err.Error()
		return d
	}
	d.plan = msg.plan
	if !d.pathEdited {
		d.pathIn.SetValue(msg.plan.defaultName)
	}
	return d
}

func (d ExportDialog) onComplete(msg completeMsg) ExportDialog {
	if msg.gen != d.gen || d.state != DialogEditing {
		return d
	}
	d.completions = msg.matches
	if msg.value != d.pathIn.Value() {
		d.pathIn.SetValue(msg.value)
		d.pathEdited = true
	}
	if len(msg.matches) == 0 {
		d.notice = "no directory matches " + msg.value
	}
	return d
}

func (d ExportDialog) onDone(msg exportDoneMsg) ExportDialog {
	if msg.gen != d.gen || d.state != DialogWriting {
		return d
	}
	d.cancel, d.target, d.elapsed = nil, msg.path, time.Since(d.started)
	var fe *export.FileError
	switch {
	case msg.err == nil:
		d.state, d.result, d.unreadable = DialogDone, msg.stats, msg.unreadable
	case errors.Is(msg.err, export.ErrExists):
		d.state = DialogConfirm
	case errors.Is(msg.err, export.ErrCancelled):
		d.state, d.notice = DialogEditing, "cancelled: nothing was written"
	case errors.As(msg.err, &fe):
		// A path problem: put the keyboard on the path so that it can be fixed.
		d.state, d.err, d.field = DialogFailed, msg.err.Error(), fieldPath
	default:
		d.state, d.err = DialogFailed, msg.err.Error()
	}
	return d
}

// onKey dispatches on the state.
func (d ExportDialog) onKey(km tea.KeyPressMsg) (ExportDialog, tea.Cmd) {
	k := d.keys.Dialog
	switch d.state {
	case DialogConfirm:
		switch {
		case key.Matches(km, k.Write):
			return d.start(true)
		case key.Matches(km, k.Cancel):
			d.state, d.field = DialogEditing, fieldPath
		}
		return d, nil
	case DialogWriting:
		if key.Matches(km, k.Cancel) && d.cancel != nil {
			d.cancel()
		}
		return d, nil
	case DialogFailed:
		// Back to the settings, as they were, to fix what failed.
		if key.Matches(km, k.Cancel, k.Write) {
			d.state = DialogEditing
		}
		return d, nil
	case DialogDone:
		if key.Matches(km, k.Cancel, k.Write) {
			d.open = false
		}
		return d, nil
	}
	return d.editKey(km)
}

// start runs the export; force overwrites an existing file.
func (d ExportDialog) start(force bool) (ExportDialog, tea.Cmd) {
	switch {
	case d.planning && !d.entriesPlanned():
		d.notice = "still counting the entries: press " + keyOf(d.keys.Dialog.Write) + " again in a moment"
		return d, nil
	case d.planErr != "":
		return d, nil // the error is on the screen already
	case len(d.plan.seqs) == 0:
		d.notice = "nothing to write: the " + d.set.scope.String() + " has no entries"
		return d, nil
	}
	path := d.pathValue()
	if path == "" {
		d.notice, d.field = "give a path to write to", fieldPath
		return d, nil
	}
	if force && d.target != "" {
		path = d.target // the resolved name the user just agreed to replace
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.gen++
	d.state, d.cancel, d.progress, d.notice, d.err = DialogWriting, cancel, &export.Progress{}, "", ""
	d.finished, d.started = make(chan struct{}), time.Now()
	plan := d.plan
	plan.defaultName = plan.nameFor(d.set)
	w := writeCmd(ctx, d.src, d.set, plan, path, force, d.redactor, d.progress, d.gen, d.finished)
	return d, tea.Batch(w, progressTick(d.gen))
}

// entriesPlanned reports whether the plan in hand selects the entries the
// settings do: a plan still being made for a new format or compression
// (a typed x.csv.gz) changes only the size estimate, so the write need
// not wait for it.
func (d ExportDialog) entriesPlanned() bool {
	p := d.plan.set
	return d.plan.made && d.planErr == "" && p.scope == d.set.scope && p.from == d.set.from && p.to == d.set.to
}

// pathValue is the path as typed, with a leading ~ meaning the home
// directory and a trailing separator meaning "the default name in there".
func (d ExportDialog) pathValue() string {
	p := expandHome(d.pathIn.Value())
	if p != "" && p[len(p)-1] == filepath.Separator {
		p += filepath.Base(d.plan.defaultName)
	}
	return p
}
