package ui

import (
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/ui/changed"
	"connlog/ui/detail"
	"connlog/ui/exportdialog"
	"connlog/ui/filterbar"
	"connlog/ui/helpscreen"
	"connlog/ui/pivot"
	"connlog/ui/status"
	"connlog/ui/table"
	"connlog/ui/theme"
	"connlog/ui/timeline"
	"connlog/ui/triageview"
)

// Model is the root of the interface: a router that owns the layout, the
// global keys and the live view, and hands everything else to the focused
// component. It implements tea.Model.
type Model struct {
	cfg     Config
	store   *model.Store
	updates <-chan model.Update
	keys    *KeyMap
	styles  *theme.Styles

	width, height int
	mode          Mode
	focus         Focus
	follow        FollowState
	newSince      int
	pausedEnd     int64 // the store's end when the table paused: the entries from it on are new
	utc           bool
	showDetail    bool

	status status.Model
	table  table.Model
	detail detail.Model
	bar    filterbar.Model
	gotoIn filterbar.LineInput
	pivot  pivot.Model
	help   helpscreen.Model
	// hintLine is hints drawn at the current width (by layout).
	hintLine string
	dialog   exportdialog.Model
	topN     triageview.TopNView
	tmpl     triageview.TemplatesView
	sess     triageview.SessionsView
	changed  changed.Model
	cmpIn    filterbar.LineInput // the windows prompt of the what-changed view
	mutes    muteSet             // the templates whose lines the table hides
	muted    []int64             // the lines each hides, as shown (see showMuteCounts)
	// tmplCheck is a pivot to a template whose rows are to be counted.
	tmplCheck templateCheck
	triGen    int // the generation of the latest triage computation
	connGen   int // the generation of the latest connection filter asked for (c)
	// triFresh is when an open triage view was last brought up to date
	// with the rows that arrived (see refreshTriage).
	triFresh time.Time
	// triBehind says the open triage view owes a refresh: rows were adopted
	// that its report does not count (see refreshTriage).
	triBehind bool
	// updatesClosed says the ingest loop has ended: no entry will come.
	updatesClosed bool

	live        liveView
	timing      *timing
	firstScreen func()       // Config.FirstScreen, once; nil when not set
	filter      activeFilter // in force
	prevFilter  string       // what esc in the bar restores
	prevSearch  searchState  // the search in force when the bar opened, which esc restores too
	awaitDay    bool         // the filter has a time without a date, compiled before any entry gave its day
	search      searchState

	sources   []model.SourceStatus
	stats     model.Stats
	rate      rateMeter
	now       time.Time
	scheduled bool // a frame tick is pending
	caughtUp  bool // a frame has caught the view up with a store holding entries (see scheduleFrame)
	bulk      bool // lines arrive in bulk: frames are paced slower (see bulkLines)
	// updateHeld says an update was taken and the next is to be awaited at
	// the frame (see onUpdate).
	updateHeld bool

	marks map[int64]bool
	sel   selection
	peek  int64 // the paired event shown in the detail pane while the filter hides it
	land  int64 // the entry the cursor lands on when the view being built arrives

	notice        string
	rowNotice     string            // the notice when it is about the cursor's row (see rowNote)
	windowAsked   bool              // Config.WindowMiss was asked (see askWindowMiss)
	windowMiss    string            // why the inputs, ended, sent no entry: their window misses them
	windowSaid    string            // the window note the footer was given last (see keepWindowNote)
	laid          chrome            // the chrome the last layout made room for
	exportPending bool              // x was pressed while the view was being built
	exportFed     time.Time         // when the export dialog was last given the rows indexed (see feedExport)
	heldKeys      []tea.KeyPressMsg // typed while the view of a new filter was being built (see holdKey)
	triageHeld    []tea.KeyPressMsg // typed in a triage view before its first report (see holdTriageKey)
	initCmd       tea.Cmd

	pivotAsk pivotAsk // a pivot menu whose choices are being decided
	// topPin is the entry g put the cursor on (0: none): while the cursor
	// stays there, rows prepended above (a file read tail first) keep it
	// on the first row, as G keeps it on the last.
	topPin int64
	// topWait is set by g typed while a file's head is being read: keys
	// typed after it wait for the head (see startTopWait).
	topWait bool
	// gotoWait is a go-to-time waiting for the head of a file to be read.
	gotoWait gotoWait

	tl  timeline.Model // the strip above the table
	tlc timelineCounts // what the strip's counts are of
}

// New returns the interface over a store that the ingest loop fills; it
// reports its progress on updates (nil when nothing is live).
func New(cfg Config, store *model.Store, updates <-chan model.Update) Model {
	keys := DefaultKeyMap()
	styles := stylesFor(cfg)
	m := Model{
		cfg: cfg, store: store, updates: updates, keys: &keys, styles: &styles,
		utc: cfg.UTC, marks: map[int64]bool{}, now: cfg.now(),
		timing: newTiming(cfg.Start), notice: cfg.Notice,
	}
	if cfg.FirstScreen != nil {
		m.firstScreen = sync.OnceFunc(cfg.FirstScreen) // shared by the model's copies
	}
	m.status = status.New(m.styles, cfg.Title)
	m.table = table.New(m.keys, m.styles)
	m.table.SetColumns(tabColumns[TabAll])
	m.detail = detail.New(m.keys, m.styles)
	m.bar = filterbar.New(&m.keys.Bar, m.styles)
	m.gotoIn = filterbar.NewLineInput(m.styles, "go to time: ")
	m.gotoIn.SetForPaths()
	m.help = helpscreen.New(m.keys, m.styles)
	m.pivot = pivot.New(&m.keys.Menu.KeyMap, m.styles)
	m.dialog = exportdialog.New(&m.keys.Dialog, m.styles)
	m.topN = triageview.NewTopNView(m.keys.Triage, m.styles)
	m.tmpl = triageview.NewTemplatesView(m.keys.Triage, m.styles)
	m.sess = triageview.NewSessionsView(m.keys.Triage, m.styles)
	m.changed = changed.New(changed.DefaultKeyMap(), m.styles)
	m.cmpIn = filterbar.NewLineInput(m.styles, "compare: ")
	m.tl, m.tlc.liveGen = timeline.New(&m.keys.Timeline, m.styles), -1
	m.stats = store.Stats()
	af, err := newFilter(cfg.Query, TabAll, m.commandLineTimes())
	if err != nil {
		m.bar = m.bar.Open(cfg.Query, filterbar.Filter)
		m.mode = ModeFilter
		m.barError(err)
		af, _ = newFilter("", TabAll, m.timeOptions())
	}
	m.filter, m.prevFilter = af, af.text
	m.awaitDay = af.query.NeedsDay() && m.dataDay().IsZero()
	m.initCmd = m.live.rebuild(store.Snapshot(), af.filter)
	return m
}

// Init starts the clock, the first view build and the wait for updates.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.initCmd, waitForUpdate(m.updates), clockTick())
}

// loc is the zone times are shown in.
func (m Model) loc() *time.Location { return m.cfg.location(m.utc) }

// Update routes a message (see update) and lays the screen out again when
// the footer it leaves needs another number of lines than the layout gave
// it: an error or a notice that wraps takes its lines from the body.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := m.update(msg)
	mm, ok := nm.(Model)
	if !ok {
		return nm, cmd
	}
	// Whatever changed the filter or the search (the bar, esc, a pivot, a
	// tab), the detail pane marks what they match now.
	var marks tea.Cmd
	mm.detail, marks = mm.detail.SetHighlight(mm.highlightTerms(), mm.highlightQueries())
	if mm.width > 0 && mm.chrome() != mm.laid {
		mm.layout()
	}
	return mm, tea.Batch(cmd, marks)
}

// update routes a message: sizes and live data here, keys to the mode's
// component.
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.table = m.table.WithData(m.tableData())
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, m.loadDetail()
	case tea.KeyPressMsg:
		if burst := splitBurst(msg); burst != nil {
			return m.onBurst(burst)
		}
		return m.onKey(msg)
	case tea.PasteMsg:
		return m.onPaste(msg)
	case tea.MouseWheelMsg:
		return m.onMouse(msg)
	case updateMsg:
		return m.onUpdate(msg)
	case TitleMsg:
		m.status.SetTitle(string(msg))
		return m, nil
	case InputsJoinedMsg:
		return m.onInputsJoined(msg), nil
	case updatesClosedMsg:
		m.updatesClosed = true
		return m, m.askWindowMiss()
	case windowMissMsg:
		return m.onWindowMiss(msg)
	case frameMsg:
		return m.onFrame()
	case clockMsg:
		return m.onClock(time.Time(msg))
	case viewBuiltMsg:
		return withTimeline(m.onBuilt(msg))
	case viewExtendedMsg:
		return withTimeline(m.onExtended(msg))
	case timelineCountedMsg:
		return m.onTimelineCounted(msg)
	case timeline.MoveMsg:
		return m.gotoBucket(msg.At, msg.To)
	case timeline.SpanMsg:
		return m.onTimelineSpan(msg)
	case detailLoadedMsg:
		return m.onDetail(msg)
	case filterbar.QueryChanged:
		return m.onQueryChanged(msg)
	case pivotChoicesMsg:
		return m.onPivotChoices(msg)
	case pivotSlowMsg:
		return m.onPivotSlow(msg)
	case searchResultMsg:
		return m.onSearchResult(msg)
	case pairFoundMsg:
		return m.onPairFound(msg)
	case connectionQueryMsg:
		return m.onConnectionQuery(msg)
	case copyMsg:
		return m.onCopy(msg)
	case triageview.ResultMsg:
		if msg.Gen == m.triGen && msg.Err == nil {
			m.timing.triageCounted(m.mode, msg.Report.Entries, msg.Elapsed)
		}
		m.topN = m.topN.SetReport(msg)
		m.tmpl = m.tmpl.SetReport(msg, m.mutes.templates(m.muted))
		m.sess = m.sess.SetReport(msg)
		return m.replayTriageKeys()
	case changed.ResultMsg:
		m.changed = m.changed.SetResult(msg)
		return m.replayTriageKeys()
	case noticeMsg:
		m.notice = string(msg)
		return m, nil
	case templateCheckedMsg:
		return m.onTemplateChecked(msg)
	}
	if typed := typedString(msg); typed != nil {
		return m.onBurst(typed)
	}
	return m.routeOthers(msg)
}

// tableData is the data the table draws from, taken fresh.
func (m Model) tableData() table.Data {
	d := table.Data{Snapshot: m.store.Snapshot(), View: m.live.view, Location: m.loc(), Marks: m.marks}
	d.Terms, d.Queries = m.highlightTerms(), m.highlightQueries()
	d.SelFrom, d.SelTo = m.sel.bounds()
	d.Empty = m.emptyNote(d.Snapshot.Len())
	d.Year, d.Now = m.thisYear(), m.now
	d.ManyHosts = m.manyHosts(d.Snapshot)
	return d
}

// thisYear is the current year in the zone times are shown in (0 before
// the clock is read): a time of another year is written with its year.
func (m Model) thisYear() int {
	if m.now.IsZero() {
		return 0
	}
	return m.now.In(m.loc()).Year()
}
