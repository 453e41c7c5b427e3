package ui

import (
	"context"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
)

// Scope is which entries an export takes.
type Scope uint8

// The scopes, in the order the dialog offers them.
const (
	ScopeSelection Scope = iota // the visual range
	ScopeMarked                 // the marked rows
	ScopeView                   // every row of the filtered view
	ScopeWindow                 // the rows of the view between two times
	scopeCount
)

// String names the scope as the dialog shows it.
func (s Scope) String() string {
	switch s {
	case ScopeSelection:
		return "selection"
	case ScopeMarked:
		return "marked rows"
	case ScopeWindow:
		return "time window"
	}
	return "filtered view"
}

// exportSource is the state an export is taken from, fixed when the dialog
// opens: what the user saw is what gets written.
type exportSource struct {
	store   *model.Store
	sn      *model.Snapshot
	view    model.View // a copy of the header; rows beyond its length are never read
	marks   []int64    // sorted
	selFrom int64
	selTo   int64
	query   string
	tab     Tab
	loc     *time.Location
	sources []model.SourceStatus
	now     time.Time
	day     time.Time // the day of the data: a time without a date falls on it
	version string
	fleet   bool     // many hosts: the host goes into CSV rows and the manifest
	muted   []string // templates whose lines the view hides besides the query
}

// times are what the time window is read with.
func (src *exportSource) times() query.Options {
	return query.Options{Now: src.now, Location: src.loc, Day: src.day}
}

// sampleSize is how many entries the estimate and the redaction preview read.
const sampleSize = 200

// exportSettings are the dialog's choices.
type exportSettings struct {
	scope    Scope
	from, to string // the time window as typed
	format   export.Format
	compress export.Compression
	redact   bool
}

// seqs returns the Seqs a scope selects, in order. For the view scopes it
// walks the view copy; it runs in a Cmd.
func (src *exportSource) seqs(s exportSettings) ([]int64, error) {
	v := &src.view
	switch s.scope {
	case ScopeMarked:
		return src.marks, nil
	case ScopeSelection:
		return viewRange(v, v.Index(src.selFrom), v.Index(src.selTo+1)), nil
	case ScopeWindow:
		from, to, err := src.window(s)
		if err != nil {
			return nil, err
		}
		at := func(t time.Time) int {
			return sort.Search(v.Len(), func(i int) bool { return !src.sn.Has(v.At(i)) || !src.sn.Time(v.At(i)).Before(t) })
		}
		lo, hi := 0, v.Len()
		if !from.IsZero() {
			lo = at(from)
		}
		if !to.IsZero() {
			hi = at(to.Add(time.Nanosecond))
		}
		return viewRange(v, lo, hi), nil
	}
	return viewRange(v, 0, v.Len()), nil
}

func viewRange(v *model.View, lo, hi int) []int64 {
	out := make([]int64, 0, max(hi-lo, 0))
	for i := lo; i < hi; i++ {
		out = append(out, v.At(i))
	}
	return out
}

// window reads the typed times; an empty one leaves that end open.
func (src *exportSource) window(s exportSettings) (time.Time, time.Time, error) {
	var from, to time.Time
	var err error
	if f := strings.TrimSpace(s.from); f != "" {
		if from, err = parseGotoTime(f, src.times()); err != nil {
			return from, to, err
		}
	}
	if t := strings.TrimSpace(s.to); t != "" {
		to, err = parseGotoTime(t, src.times())
	}
	return from, to, err
}

// entries loads the Seqs one by one in full, for the writer. A line whose
// bytes can no longer be read (its file was truncated or removed since it
// was shown) goes out as a gap entry in its place, never as a blank line,
// and is counted in unreadable when that is not nil.
func (src *exportSource) entries(seqs []int64, unreadable *atomic.Int64) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		for _, seq := range seqs {
			e := new(model.Entry)
			if err := src.sn.Load(seq, e, model.LoadFull); err != nil {
				if !src.sn.Has(seq) {
					continue // evicted since the dialog opened: the store's own gap entry says so
				}
				e = model.UnreadableGap(e, err)
				if unreadable != nil {
					unreadable.Add(1)
				}
			}
			if !yield(e) {
				return
			}
		}
	}
}

// options builds the export options for settings.
func (src *exportSource) options(s exportSettings, r *export.Redactor, p *export.Progress, host string) export.Options {
	o := export.Options{Format: s.format, Compress: s.compress, Location: src.loc, Pairs: src.store, Redact: r, Progress: p,
		Bundle: export.BundleInfo{Host: host, Query: src.query, Version: src.version, Muted: src.muted}, Hosts: src.fleet}
	if s.scope == ScopeWindow {
		// The manifest records the window asked for, not only the entries found.
		o.Bundle.From, o.Bundle.To, _ = src.window(s)
	}
	for i, st := range src.sources {
		o.Sources = append(o.Sources, export.SourceInfo{ID: model.SourceID(i), Name: st.Name})
	}
	switch src.tab {
	case TabConnections:
		o.Kinds = []model.Kind{model.KindAnalytics}
	case TabAudit:
		o.Kinds = []model.Kind{model.KindAudit}
	}
	return o
}

// exportPlan is what the dialog shows before writing.
type exportPlan struct {
	seqs        []int64
	first, last time.Time // the times of the first and last entry, zero when unknown
	estimate    int64
	defaultName string
	host        string   // for the manifest: the hosts, comma-separated
	hosts       []string // the hosts the sampled entries came from
	preview     []export.Change
	set         exportSettings // what the plan was made for
	made        bool           // a plan was made (false for the zero plan)
}

// nameFor is the default file name of the plan's entries in s's format.
func (p exportPlan) nameFor(s exportSettings) string {
	return "./" + export.DefaultName(hostsLabel(p.hosts), p.first, p.last, s.format, s.compress)
}

// exportPlanMsg is a computed plan for the settings of generation gen.
type exportPlanMsg struct {
	gen  int
	plan exportPlan
	err  error
}

// planCmd resolves the scope, samples entries and estimates the size.
func planCmd(src *exportSource, s exportSettings, r *export.Redactor, gen int) tea.Cmd {
	return func() tea.Msg {
		seqs, err := src.seqs(s)
		if err != nil {
			return exportPlanMsg{gen: gen, err: err}
		}
		sample := src.sample(seqs)
		hosts := hostsOf(sample)
		p := exportPlan{seqs: seqs, hosts: hosts, host: strings.Join(hosts, ", "), set: s, made: true}
		p.first, p.last = timeSpan(sample)
		p.defaultName = p.nameFor(s)
		var rr *export.Redactor
		if s.redact {
			rr = r
			p.preview = r.Preview(sample, 5)
		}
		p.estimate, err = export.Estimate(sample, int64(len(seqs)), src.options(s, rr, nil, p.host))
		return exportPlanMsg{gen: gen, plan: p, err: err}
	}
}

// sample loads up to sampleSize entries spread over seqs, always with the
// first and the last, so the default name spans the whole range.
func (src *exportSource) sample(seqs []int64) []*model.Entry {
	n := len(seqs)
	if n == 0 {
		return nil
	}
	step := max(n/sampleSize, 1)
	picks := make([]int64, 0, sampleSize+1)
	for i := 0; i < n; i += step {
		picks = append(picks, seqs[i])
	}
	if picks[len(picks)-1] != seqs[n-1] {
		picks = append(picks, seqs[n-1])
	}
	return slices.Collect(src.entries(picks, nil))
}

// timeSpan is the earliest and latest time among the sampled entries:
// lines that arrived out of order (several files, a clock step) must not
// give a range that ends before it starts. Entries without a time are
// left out; with none the span is zero.
func timeSpan(es []*model.Entry) (first, last time.Time) {
	for _, e := range es {
		if e.Time.IsZero() {
			continue
		}
		if first.IsZero() || e.Time.Before(first) {
			first = e.Time
		}
		if last.IsZero() || e.Time.After(last) {
			last = e.Time
		}
	}
	return first, last
}

// hostsOf lists the hosts the entries came from, in order of first
// appearance: the data's hosts, never this machine's name, for a journal
// copied from a connector is read anywhere.
func hostsOf(es []*model.Entry) []string {
	var hosts []string
	for _, e := range es {
		if h := e.Origin.HostName(); h != "" && !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	return hosts
}

// hostsLabel names the hosts in a file name: the one host, "3-hosts" for
// several, "unknown-host" when no entry names one.
func hostsLabel(hosts []string) string {
	switch len(hosts) {
	case 0:
		return "unknown-host"
	case 1:
		return hosts[0]
	}
	return strconv.Itoa(len(hosts)) + "-hosts"
}

// exportDoneMsg is the outcome of a write.
type exportDoneMsg struct {
	gen        int
	path       string // the file written, or the one that exists
	stats      export.Stats
	err        error
	unreadable int64 // lines that could not be read back: gap entries in the output
}

// exportTickMsg polls the progress of a running write.
type exportTickMsg struct{ gen int }

// writeCmd runs the export; cancelling ctx stops it and leaves no file.
// It closes finished when the export has returned, its temp file gone.
func writeCmd(ctx context.Context, src *exportSource, s exportSettings, plan exportPlan, path string, force bool,
	r *export.Redactor, p *export.Progress, gen int, finished chan<- struct{}) tea.Cmd {
	var rr *export.Redactor
	if s.redact {
		rr = r
	}
	opts := src.options(s, rr, p, plan.host)
	opts.Force = force
	return func() tea.Msg {
		defer close(finished)
		path := intoDirectory(path, plan.defaultName)
		var unreadable atomic.Int64
		st, err := export.Export(ctx, path, src.entries(plan.seqs, &unreadable), opts)
		return exportDoneMsg{gen: gen, path: path, stats: st, err: err, unreadable: unreadable.Load()}
	}
}

// intoDirectory puts the default file name inside path when path names an
// existing directory, so that completing a directory and pressing enter
// writes there rather than failing.
func intoDirectory(path, defaultName string) string {
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		return filepath.Join(path, filepath.Base(defaultName))
	}
	return path
}

// expandHome reads a leading ~ as the home directory, as a shell would.
// When the home directory is unknown the path is left as typed.
func expandHome(p string) string {
	if p != "~" && !strings.HasPrefix(p, "~"+string(filepath.Separator)) {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return p
	}
	return home + p[1:]
}

func progressTick(gen int) tea.Cmd {
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return exportTickMsg{gen: gen} })
}
