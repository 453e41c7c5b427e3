package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/mattn/go-isatty"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/query"
	"connlog/source"
	"connlog/ui"
)

// runTUI opens the inputs, feeds the store on a background goroutine and
// runs the interface until the user quits.
func runTUI(ctx context.Context, cfg Config, stdin io.Reader) error {
	start := time.Now() // the first-frame timing in the debug log counts from here
	stderr := cfg.notes // before the notes go to the footer too
	if !isatty.IsTerminal(os.Stdout.Fd()) {
		return usageError{"connlog's interface needs a terminal; to write entries to a pipe or file use: connlog export …"}
	}
	loadStarted() // the collector's setting while the inputs are read
	// A log store is asked before the interface starts (its day, whether
	// it answers): the terminal says so meanwhile, and nothing after.
	waiting := sayConnectingOn(cfg, os.Stdout)
	defer waiting.clear()
	if datelessTimes(cfg) {
		cfg.data = referenceDay(ctx, cfg, stdin)
	}
	firstQuery, err := tuiQuery(cfg)
	if err != nil {
		return err
	}
	firstScreen := make(chan struct{})
	store := model.NewStore(model.StoreOptions{MaxMemory: applyMemoryBudget(int64(cfg.MaxMemory)), Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	cfg.firstScreen, cfg.intoStore, cfg.budgetFull = firstScreen, true, store.Full
	// What is said about the inputs as they open goes to standard error,
	// seen once the interface ends, and to the footer, seen at once.
	var notes strings.Builder
	if cfg.notes != nil {
		cfg.notes = io.MultiWriter(cfg.notes, &notes)
	}
	feeds, infos, err := openFeeds(ctx, cfg, stdin, !cfg.NoFollow)
	waiting.clear()
	if err != nil {
		return err
	}
	decorate := func(f *source.Feed) { intoStore(store, f) }
	for i := range feeds {
		decorate(&feeds[i])
	}
	ctx, cancelCause := context.WithCancelCause(ctx)
	cancel := func() { cancelCause(nil) }
	defer cancel()
	up := newUpdater()
	loads := newLoadPhases(loadQuiet, loadLeast, loadStarted, loadOver)
	defer loads.close()
	joins := newTUIJoins(infos, footerNoteParts(notes.String()), cfg.Files)
	join := newGlobJoiner(cfg, stdin, !cfg.NoFollow, feeds, infos, joins.hooks(decorate))
	go func() {
		source.IngestJoining(ctx, feeds, join, up.sink(store, loads.stored), up.status)
		up.drain(ctx)
	}()

	opts, closeTTY, err := programOptions(cfg, stdin)
	if err != nil {
		return err
	}
	defer closeTTY()
	ucfg := uiConfig(cfg, infos, startHost(cfg), start)
	defer closeJournalEntries(infos)
	ucfg.Query, ucfg.Notice = firstQuery, footerNotes(notes.String())
	ucfg.FirstScreen = func() { close(firstScreen) }
	ucfg.WindowMiss = tuiWindowMiss(ctx, cfg)
	m := ui.New(ucfg, store, up.ch)
	p := tea.NewProgram(m, append(opts, tea.WithContext(ctx))...)
	go joins.forward(ctx, p)
	if copiedJournal(cfg) {
		go sendCopiedHost(ctx, p, store, infos, firstScreen)
	}
	// A terminal that goes away without a SIGHUP ends the session as one
	// would. Standard output is the screen; standard input, when a
	// terminal, the keyboard (logs on standard input leave the keyboard
	// to /dev/tty, normally the same terminal as the screen).
	watchTerminal(ctx, func() { cancelCause(errTerminalGone) }, os.Stdout, os.Stdin)
	final, err := p.Run()
	return endInterface(ctx, final, m, err, stderr)
}

// endInterface cancels an export still being written, however the program
// ended (q, ctrl+c, a signal), its temp file removed before connlog exits,
// and says on stderr how it ended (see interfaceEnded). final is the model
// the program ended with, m the one it started with.
func endInterface(ctx context.Context, final tea.Model, m ui.Model, runErr error, stderr io.Writer) error {
	fm, ok := final.(ui.Model)
	if !ok {
		fm = m
	}
	aborted, running := fm.AbortExport()
	note, err := interfaceEnded(ctx, runErr, aborted, running)
	if note != "" && stderr != nil {
		fmt.Fprintln(stderr, note)
	}
	return err
}

// intoStore readies an input, one of the first or one that joins later,
// for the store. Every entry goes straight into it, which keeps what it
// indexes and re-parses the rest on a full load; it keeps each service
// line's template too, folded on the decoding goroutines, so that the
// triage views count templates without a re-read. The store re-reads the
// input's lines, before any reaches it.
func intoStore(store *model.Store, f *source.Feed) {
	f.Decode.IndexService = true
	f.Decode.Templates = true
	if r, ok := f.Source.(model.RawReader); ok {
		store.SetRawReader(f.ID, r)
	}
}

// sendCopiedHost names a copied journal's own host in the title once the
// first screen is drawn: the host of the newest entry, which the store then
// holds. (Opening the journal a second time for it, before the program
// started, took 130-190 ms of the first screen of a million entries.)
func sendCopiedHost(ctx context.Context, p *tea.Program, store *model.Store, infos []sourceInfo, firstScreen <-chan struct{}) {
	select {
	case <-firstScreen:
	case <-ctx.Done():
		return
	}
	if h := copiedHost(store); h != "" {
		p.Send(ui.TitleMsg(title(infos, h)))
	}
}

// copiedHost is the host a copied journal's title names: that of its
// newest entry, or none when the entries come from several hosts (copied
// off several machines), which the table's HOST column names row by row.
func copiedHost(store *model.Store) string {
	if store.Snapshot().ManyHosts() {
		return ""
	}
	return newestHost(store)
}

// tuiWindowMiss explains a journal or a log store whose --since and
// --until window misses it (see windowMiss); nil for files, standard input
// and the demo, whose window is the filter's, explained by the interface.
func tuiWindowMiss(ctx context.Context, cfg Config) func() string {
	since, until, err := flagWindow(cfg)
	if !readsJournal(cfg) && cfg.Remote.VictoriaLogs == "" || err != nil {
		return nil
	}
	loc := cfg.location()
	return func() string {
		note, _ := windowMiss(ctx, cfg, since, until, loc)
		return note
	}
}

func uiConfig(cfg Config, infos []sourceInfo, host string, start time.Time) ui.Config {
	t := title(infos, host)
	if len(infos) == 0 {
		t = strings.Join(cfg.Files, ", ") // followed globs that match nothing yet
	}
	span := cfg.data.options(query.Options{})
	return ui.Config{Title: t, Query: cfg.Query, UTC: cfg.UTC, Mouse: cfg.Mouse,
		NoColor: cfg.NoColor, MaxMemory: storeBudget(int64(cfg.MaxMemory)), Location: time.Local, Now: time.Now, Day: cfg.data.last, Version: version, Start: start,
		First: span.First, Last: span.Last, DayOfFirstLines: cfg.data.rule == dayFirst, Fleet: fleetOfMany(cfg), Inputs: inputPaths(cfg, infos), Opened: infos,
		Dir: workDir()}
}

// programOptions sets up the terminal: no colour when asked, a debug log
// when asked, and the keyboard from /dev/tty when the logs themselves arrive
// on standard input. The alternate screen and the mouse are declared by the
// interface's view.
func programOptions(cfg Config, stdin io.Reader) ([]tea.ProgramOption, func(), error) {
	// The view catches up at most 30 times a second too. The stop signals
	// end the program through its context alone (see notifyStop), which
	// says which one came: its own handler would race it and quit as q does.
	opts := []tea.ProgramOption{tea.WithFPS(30), tea.WithoutSignalHandler()}
	closers := []func(){}
	// Bold, underline and reverse video carry the meaning colour would
	// (--no-color); the program drops any colour on the way out. The
	// profile is detected once: inside tmux each detection asks tmux for
	// its colours (6 ms an ask on an idle machine, tens on a busy one),
	// and the program and its renderer would each ask again while the
	// first screen waits. Nothing else in the program reads TMUX, so the
	// environment it gets leaves it out and the renderer's own detection,
	// whose result the profile given here replaces, asks nothing.
	opts = append(opts, tea.WithColorProfile(terminalProfile(cfg.NoColor)), tea.WithEnvironment(withoutVar(os.Environ(), "TMUX")))
	if cfg.DebugLog != "" {
		closeLog, err := openDebugLog(cfg.DebugLog)
		if err != nil {
			return nil, nil, err
		}
		closers = append(closers, closeLog)
	}
	if readsStdin(cfg) {
		tty, err := os.Open("/dev/tty")
		if err != nil {
			return nil, nil, fmt.Errorf("logs arrive on standard input, so the keyboard is read from /dev/tty, which cannot be opened (%w): run connlog in a terminal", err)
		}
		opts = append(opts, tea.WithInput(tty))
		closers = append(closers, func() { tty.Close() })
	}
	return opts, func() {
		for _, c := range closers {
			c()
		}
	}, nil
}

// terminalProfile returns the colours the terminal on standard output
// takes: none with --no-color, else what lipgloss detected when it was
// initialised, from standard output and the environment, as connlog
// would (NO_COLOR is honoured there). That detection runs before main
// whatever connlog does; detecting again would ask tmux a second time.
func terminalProfile(noColor bool) colorprofile.Profile {
	if noColor {
		return colorprofile.Ascii
	}
	return lipgloss.Writer.Profile
}

// withoutVar returns env without the variable name.
func withoutVar(env []string, name string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

func readsStdin(cfg Config) bool {
	for _, f := range cfg.Files {
		if f == "-" {
			return true
		}
	}
	return false
}

// updater turns the ingest loop's batches into model.Updates for the UI: it
// appends to the store, counts, and sends at most one pending update at a
// time, so a busy UI never makes the reader wait and never gets a message
// per line.
type updater struct {
	ch      chan model.Update
	mu      sync.Mutex
	pending model.Update
}

func newUpdater() *updater { return &updater{ch: make(chan model.Update, 1)} }

// sink stores each batch and tells stored how many entries it held.
func (u *updater) sink(store *model.Store, stored func(int)) source.Sink {
	return func(es []model.Entry, front bool) {
		if front {
			store.Prepend(es)
		} else {
			store.Append(es)
		}
		stored(len(es))
		st := store.Stats()
		u.mu.Lock()
		u.pending.Appended += len(es)
		u.pending.Stats = &st
		u.mu.Unlock()
		u.trySend()
	}
}

func (u *updater) status(st []model.SourceStatus) {
	u.mu.Lock()
	u.pending.Sources = st
	u.mu.Unlock()
	u.trySend()
}

func (u *updater) trySend() {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.pending.Appended == 0 && u.pending.Sources == nil {
		return
	}
	select {
	case u.ch <- u.pending:
		u.pending = model.Update{}
	default: // the UI has not taken the last one yet: keep accumulating
	}
}

// drain delivers the last pending update once the inputs have all ended.
func (u *updater) drain(ctx context.Context) {
	u.mu.Lock()
	last := u.pending
	u.pending = model.Update{}
	u.mu.Unlock()
	if last.Appended == 0 && last.Sources == nil {
		return
	}
	select {
	case u.ch <- last:
	case <-ctx.Done():
	}
}

// footerNotes turns the notes written to standard error ("connlog: …", a
// line each) into one footer line.
func footerNotes(text string) string { return strings.Join(footerNoteParts(text), "; ") }

// footerNoteParts is each note of footerNotes.
func footerNoteParts(text string) []string {
	var parts []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(l, "connlog: ")); l != "" {
			parts = append(parts, l)
		}
	}
	return parts
}
