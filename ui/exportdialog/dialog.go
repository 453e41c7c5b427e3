package exportdialog

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/filterbar"
	"connlog/ui/theme"
)

// State is where the export dialog is in its life.
type State uint8

// The dialog states.
const (
	Editing State = iota // choosing scope, format, path
	Confirm              // the file exists: overwrite?
	Writing              // the export runs; esc cancels it
	Done                 // written: path, size, count
	Failed               // an error, with what to do
	Waiting              // the input is still being indexed: the write starts at its end; esc stops waiting
)

// String names the state.
func (s State) String() string {
	return [...]string{"editing", "confirm", "writing", "done", "failed", "waiting"}[min(int(s), 5)]
}

// Field is the row of the dialog that has the keyboard.
type Field uint8

// The fields, top to bottom.
const (
	FieldScope Field = iota
	FieldFrom
	FieldTo
	FieldFormat
	FieldCompress
	FieldRedact
	FieldPath
	fieldCount // how many fields there are
)

// String names the field as the dialog labels it.
func (f Field) String() string {
	return [...]string{"scope", "from", "to", "format", "compression", "redact", "path", "?"}[min(int(f), int(fieldCount))]
}

// Model is the export dialog: scope, format, compression, redaction
// and path, with the entry count and an estimated size before writing, a
// progress bar while writing (cancellable) and the result after.
type Model struct {
	keys        *KeyMap
	styles      *theme.Styles
	width       int
	height      int
	open        bool
	state       State
	field       Field
	src         *Source
	scopes      []Scope
	set         Settings
	fromIn      filterbar.LineInput
	toIn        filterbar.LineInput
	pathIn      filterbar.LineInput
	pathEdited  bool
	completions []string // the directories the last tab offered, when several
	redactor    *export.Redactor
	gen         int
	plan        Plan
	planning    bool
	planErr     string
	progress    *export.Progress
	cancel      context.CancelFunc
	run         *writeRun // the running write, which Abort waits for
	started     time.Time
	elapsed     time.Duration
	target      string // the file the last write went to (or would replace)
	result      export.Stats
	unreadable  int64          // lines of the result that could not be read back
	evicted     model.Eviction // what the memory budget cost the result's scope
	notRead     string         // the inputs not read at all, in words (see notReadLine)
	elsewhere   string         // why the result is not at the path asked for (export.ErrSavedElsewhere)
	err         string
	notice      string // a one-off remark: cancelled, nothing to write…
	scroll      messageScroll
	waitForce   bool   // the write the dialog waits to start replaces an existing file
	quitAgain   string // set by AskQuit: a quit while busy waits for a second one
}

// New returns a closed dialog.
func New(keys *KeyMap, styles *theme.Styles) Model {
	d := Model{keys: keys, styles: styles, fromIn: filterbar.NewLineInput(styles, ""), toIn: filterbar.NewLineInput(styles, ""),
		pathIn: filterbar.NewLineInput(styles, "")}
	d.pathIn.SetForPaths()
	return d
}

// SetSize sets the dialog's size. Its text fields are drawn wrapped to
// the value column (see input), so they need no size of their own.
func (d *Model) SetSize(w, h int) { d.width, d.height = w, h }

// Open shows the dialog over src, offering the scopes that have entries.
// The time window, format, compression and redaction chosen last time are
// kept, since the next export is usually like the last; the path goes back
// to the default name.
func (d Model) Open(src *Source, scopes []Scope, scope Scope) (Model, tea.Cmd) {
	d.open, d.state, d.field, d.src, d.scopes = true, Editing, FieldScope, src, scopes
	if d.set == (Settings{}) {
		d.set.Format = export.FormatNDJSON
	}
	d.set.Scope = scope
	d.redactor, d.pathEdited, d.err, d.planErr, d.notice, d.completions, d.quitAgain = export.NewRedactor(), false, "", "", "", nil, ""
	d.pathIn.SetValue("")
	d.notRead = notReadLine(src)
	return d, d.replan()
}

// IsOpen reports whether the dialog is showing.
func (d Model) IsOpen() bool { return d.open }

// State reports where the dialog is: editing, writing, done…
func (d Model) State() State { return d.state }

// replan recomputes the count, the estimate and the default name. When
// the entries stay those of the plan in hand (a new format, compression or
// redaction), the default name follows at once: a write started before
// the new plan arrives must not take the old name (one that redaction
// would hide, or the old format's ending).
func (d *Model) replan() tea.Cmd {
	d.gen++
	d.planning = true
	if !d.pathEdited && d.entriesPlanned() {
		d.pathIn.SetValue(d.plan.nameFor(d.set))
	}
	return planCmd(d.src, d.set, d.redactor, d.gen)
}

// Update handles the dialog's keys and its commands' results.
func (d Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case planMsg:
		return d.onPlan(msg)
	case tickMsg:
		if msg.gen == d.gen && d.state == Writing {
			return d, progressTick(d.gen)
		}
		return d, nil
	case doneMsg:
		return d.onDone(msg), nil
	case completeMsg:
		return d.onComplete(msg), nil
	case tea.KeyPressMsg:
		return d.onKey(msg)
	case tea.PasteMsg:
		if d.state == Editing {
			d, cmd := d.typeInto(msg)
			d.notice = d.pasteNote()
			return d, cmd
		}
	}
	return d, nil
}

func (d Model) onPlan(msg planMsg) (Model, tea.Cmd) {
	if msg.gen != d.gen {
		return d, nil
	}
	d.planning, d.planErr = false, ""
	if msg.err != nil {
		d.planErr = msg.err.Error()
		if d.state == Waiting {
			d.state = Editing // the error is on the screen, to be fixed
		}
		return d, nil
	}
	d.plan = msg.plan
	if !d.pathEdited {
		d.pathIn.SetValue(msg.plan.DefaultName)
	}
	return d.startWaited()
}

func (d Model) onComplete(msg completeMsg) Model {
	if msg.gen != d.gen || d.state != Editing {
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

func (d Model) onDone(msg doneMsg) Model {
	if msg.gen != d.gen || d.state != Writing {
		return d
	}
	d.cancel, d.target, d.elapsed = nil, msg.path, time.Since(d.started)
	var fe *export.FileError
	switch {
	case msg.err == nil:
		d.state, d.result, d.unreadable, d.evicted = Done, msg.stats, msg.unreadable, msg.evicted
	case errors.Is(msg.err, export.ErrSavedElsewhere):
		// Written, under another name: said with the result.
		d.state, d.result, d.unreadable, d.evicted, d.elsewhere = Done, msg.stats, msg.unreadable, msg.evicted, msg.err.Error()
	case errors.Is(msg.err, export.ErrExists):
		d.state = Confirm
	case errors.Is(msg.err, export.ErrCancelled):
		d.state, d.notice = Editing, "cancelled: nothing was written"
	case errors.As(msg.err, &fe):
		// A path problem: put the keyboard on the path so that it can be fixed.
		d.state, d.err, d.field = Failed, msg.err.Error(), FieldPath
	default:
		d.state, d.err = Failed, msg.err.Error()
	}
	return d
}

// onKey dispatches on the state.
func (d Model) onKey(km tea.KeyPressMsg) (Model, tea.Cmd) {
	if d, ok := d.scrollKey(km); ok {
		return d, nil
	}
	k := d.keys
	switch d.state {
	case Confirm:
		switch {
		case key.Matches(km, k.Write):
			return d.start(true)
		case key.Matches(km, k.Cancel):
			d.state, d.field = Editing, FieldPath
		}
		return d, nil
	case Writing:
		if key.Matches(km, k.Cancel) && d.cancel != nil {
			d.cancel()
		}
		return d, nil
	case Waiting:
		if key.Matches(km, k.Cancel) {
			d.state, d.notice = Editing, "stopped waiting: nothing was written"
		}
		return d, nil
	case Failed:
		// Back to the settings, as they were, to fix what failed.
		if key.Matches(km, k.Cancel, k.Write) {
			d.state = Editing
		}
		return d, nil
	case Done:
		if key.Matches(km, k.Cancel, k.Write) {
			d.open = false
		}
		return d, nil
	}
	return d.editKey(km)
}

// start runs the export; force overwrites an existing file.
func (d Model) start(force bool) (Model, tea.Cmd) {
	if d.awaitsIndexing() {
		d.state, d.waitForce, d.notice, d.quitAgain = Waiting, force, "", ""
		return d, nil
	}
	switch {
	case d.planning && !d.entriesPlanned():
		d.notice = "still counting the entries: press " + theme.KeyOf(d.keys.Write) + " again in a moment"
		return d, nil
	case d.planErr != "":
		return d, nil // the error is on the screen already
	case d.plan.Seqs.Len() == 0:
		d.notice = "nothing to write: the " + d.set.Scope.String() + " has no entries"
		return d, nil
	}
	path := d.pathValue()
	if path == "" {
		d.notice, d.field = "give a path to write to", FieldPath
		return d, nil
	}
	if force && d.target != "" {
		path = d.target // the resolved name the user just agreed to replace
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.gen++
	d.state, d.cancel, d.progress, d.notice, d.err, d.elsewhere, d.quitAgain = Writing, cancel, &export.Progress{}, "", "", "", ""
	d.run, d.started = newWriteRun(), time.Now()
	plan := d.plan
	plan.DefaultName = plan.nameFor(d.set)
	w := writeCmd(ctx, d.src, d.set, plan, path, force, d.redactor, d.progress, d.gen, d.run)
	return d, tea.Batch(w, progressTick(d.gen))
}

// entriesPlanned reports whether the plan in hand selects the entries the
// settings do: a plan still being made for a new format or compression
// (a typed x.csv.gz) changes only the size estimate, so the write need
// not wait for it.
func (d Model) entriesPlanned() bool {
	p := d.plan.set
	return d.plan.made && d.planErr == "" && p.Scope == d.set.Scope && p.From == d.set.From && p.To == d.set.To
}

// pathValue is the path as typed, with a leading ~ meaning the home
// directory and a trailing separator meaning "the default name in there".
func (d Model) pathValue() string {
	p := expandHome(d.pathIn.Value())
	if p != "" && p[len(p)-1] == filepath.Separator {
		p += filepath.Base(d.plan.DefaultName)
	}
	return p
}
