package exportdialog

import (
	"iter"
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
	"connlog/ui/theme"
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

// Source is the state an export is taken from, fixed when the dialog
// opens: what the user saw is what gets written; while the input is
// still being indexed, the caller refreshes it (see Model.Refresh).
type Source struct {
	Store    *model.Store
	Snapshot *model.Snapshot
	View     model.View // a copy of the header; rows beyond its length are never read
	Marks    []int64    // sorted
	SelFrom  int64      // the visual range, 0 when there is none
	SelTo    int64
	Query    string        // the filter in force, for the manifest
	QueryOpt query.Options // the clock, zone and day Query was read with (see manifestQuery)
	Kinds    []model.Kind  // the only kinds the view shows (its tab), nil for every kind
	Location *time.Location
	Sources  []model.SourceStatus
	// ParseTime reads a time of the window the way the go-to prompt does,
	// with the interface's clock, zone and day of the data.
	ParseTime func(string) (time.Time, error)
	Version   string
	Fleet     bool     // many hosts: the host goes into CSV rows and the manifest
	Inputs    []string // the files being read, which an export never replaces
	// Opened describes the inputs as they were opened, by SourceID (see
	// ui.Config.Opened).
	Opened []export.SourceInfo
	Muted  []string // templates whose lines the view hides besides the query
	// Indexing names what of the input is still being indexed before the
	// rows shown ("big.log 43% (1.0 GB)"): the filtered view and a time
	// window have more rows to come. "" when the view holds them all.
	Indexing string
}

// sampleSize is how many entries the estimate and the redaction preview read.
const sampleSize = 200

// Settings are the dialog's choices.
type Settings struct {
	Scope    Scope
	From, To string // the time window as typed
	Format   export.Format
	Compress export.Compression
	Redact   bool
}

// seqs returns the entries a scope selects, in order. For the view scopes
// it searches the view copy; it runs in a Cmd.
func (src *Source) seqs(s Settings) (Rows, error) {
	v := &src.View
	switch s.Scope {
	case ScopeMarked:
		return listRows(src.Marks), nil
	case ScopeSelection:
		return viewRows(v, v.Index(src.SelFrom), v.Index(src.SelTo+1)), nil
	case ScopeWindow:
		from, to, err := src.window(s)
		if err != nil {
			return Rows{}, err
		}
		at := func(t time.Time) int {
			return sort.Search(v.Len(), func(i int) bool { return !src.Snapshot.Has(v.At(i)) || !src.Snapshot.Time(v.At(i)).Before(t) })
		}
		lo, hi := 0, v.Len()
		if !from.IsZero() {
			lo = at(from)
		}
		if !to.IsZero() {
			hi = at(to.Add(time.Nanosecond))
		}
		return viewRows(v, lo, hi), nil
	}
	return viewRows(v, 0, v.Len()), nil
}

// window reads the typed times; an empty one leaves that end open.
func (src *Source) window(s Settings) (time.Time, time.Time, error) {
	var from, to time.Time
	var err error
	if f := strings.TrimSpace(s.From); f != "" {
		if from, err = src.ParseTime(f); err != nil {
			return from, to, err
		}
	}
	if t := strings.TrimSpace(s.To); t != "" {
		to, err = src.ParseTime(t)
	}
	return from, to, err
}

// windowMiss says why the window of s holds no entry, as the filter bar
// says it of its own window: "the window ends before it begins (…)", "no
// entries since …; the input spans … – …" (the part held, and what was
// evicted, once the memory budget evicted older lines); "" when neither
// tells (the window misses only the rows the filter left).
func (src *Source) windowMiss(s Settings) string {
	from, to, err := src.window(s)
	sn := src.Snapshot
	if err != nil || sn.Len() == 0 {
		return ""
	}
	return theme.OutsideHeld(from, to, sn, src.Location)
}

// entries loads the rows' entries in full, for the writer, a chunk at a
// time: the lines of a file come with a read per span of them (LoadMany).
// A line whose bytes can no longer be read (its file was truncated or
// removed since it was shown) goes out as a gap entry in its place, never
// as a blank line, and is counted in unreadable when that is not nil.
func (src *Source) entries(rows Rows, unreadable *atomic.Int64) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		chunk := make([]int64, 0, min(rows.Len(), exportChunk))
		for i := 0; i < rows.Len(); {
			chunk = chunk[:0]
			for ; i < rows.Len() && len(chunk) < exportChunk; i++ {
				chunk = append(chunk, rows.At(i))
			}
			if !src.yieldChunk(chunk, unreadable, yield) {
				return
			}
		}
	}
}

// exportChunk is how many entries the writer's loads read at a time.
const exportChunk = 1024

// yieldChunk loads seqs together into fresh entries and bytes (the writer
// may keep an entry past the chunk: a pair waits for its other half) and
// yields them in order. An entry left without its bytes is loaded again
// alone, which tells one evicted since the dialog opened (the store's own
// gap entry says so: left out) from one unreadable, and why.
func (src *Source) yieldChunk(seqs []int64, unreadable *atomic.Int64, yield func(*model.Entry) bool) bool {
	es := make([]model.Entry, len(seqs))
	ps := make([]*model.Entry, len(seqs))
	for i, seq := range seqs {
		es[i].Seq, ps[i] = seq, &es[i]
	}
	src.Snapshot.LoadMany(ps, model.LoadFull, nil, nil)
	for _, e := range ps {
		if e.Raw == nil && e.Kind != model.KindGap && e.Kind != model.KindBoundary {
			if err := src.Snapshot.Load(e.Seq, e, model.LoadFull); err != nil {
				if !src.Snapshot.Has(e.Seq) {
					continue
				}
				e = model.UnreadableGap(e, err)
				if unreadable != nil {
					unreadable.Add(1)
				}
			}
		}
		if !yield(e) {
			return false
		}
	}
	return true
}

// Plan is what the dialog shows before writing.
type Plan struct {
	Seqs        Rows
	Marks       int64     // the gap and restart rows among Seqs, the store's front gap apart (see markRows)
	First, Last time.Time // the earliest and latest time of an entry written, zero when unknown (see rowsSpan)
	Estimate    int64
	DefaultName string
	Host        string // for the manifest: the hosts, comma-separated
	label       string // what the file name says the entries are of (see nameLabel)
	// redactedLabel is label as a redacted export names it: the emails and
	// IP addresses of the hosts and input names replaced with pseudonyms,
	// for a file name must not give away what its content hides.
	redactedLabel string
	preview       []export.Change
	// empty says why a time window holds no entry, when the window and the
	// input's span tell: it ends before it begins, or misses the input.
	empty string
	// partial says the head of the input is still being indexed: the rows
	// counted are those so far, and the first time is not yet known.
	partial bool
	set     Settings // what the plan was made for
	made    bool     // a plan was made (false for the zero plan)
}

// nameFor is the default file name of the plan's entries in s's format,
// redacted when s is.
func (p Plan) nameFor(s Settings) string {
	label := p.label
	if s.Redact {
		label = p.redactedLabel
	}
	first := p.First
	if p.partial {
		first = time.Time{} // the name says nothing of a time it does not know: "until …"
	}
	return "./" + export.DefaultName(label, first, p.Last, s.Format, s.Compress)
}

// planMsg is a computed plan for the settings of generation gen.
type planMsg struct {
	gen  int
	plan Plan
	err  error
}

// planCmd resolves the scope, samples entries and estimates the size.
func planCmd(src *Source, s Settings, r *export.Redactor, gen int) tea.Cmd {
	return func() tea.Msg {
		seqs, err := src.seqs(s)
		if err != nil {
			return planMsg{gen: gen, err: err}
		}
		sample := src.sample(seqs)
		hosts := hostsOf(sample)
		p := Plan{Seqs: seqs, label: nameLabel(hosts, sample, src.Sources), Host: strings.Join(hosts, ", "), set: s, made: true}
		p.Marks = src.markRows(seqs, src.evictedFrom(s, seqs))
		p.redactedLabel = redactedLabel(r, hosts, sample, src.Sources)
		if seqs.Len() == 0 && s.Scope == ScopeWindow {
			p.empty = src.windowMiss(s)
		}
		p.First, p.Last = rowsSpan(src.Snapshot, seqs)
		p.partial = src.Indexing != "" && s.Scope.grows()
		p.DefaultName = p.nameFor(s)
		var rr *export.Redactor
		if s.Redact {
			rr = r
		}
		opts := src.Options(s, rr, nil, p.Host)
		if rr != nil {
			p.preview = r.Preview(sample, opts.Sources, 5)
		}
		p.Estimate, err = src.estimate(seqs, sample, opts)
		return planMsg{gen: gen, plan: p, err: err}
	}
}

// sample loads up to sampleSize entries spread over rows, always with the
// first and the last, for the estimate and the redaction preview.
func (src *Source) sample(rows Rows) []*model.Entry {
	n := rows.Len()
	if n == 0 {
		return nil
	}
	step := max(n/sampleSize, 1)
	picks := make([]int64, 0, sampleSize+1)
	for i := 0; i < n; i += step {
		picks = append(picks, rows.At(i))
	}
	if last := rows.At(n - 1); picks[len(picks)-1] != last {
		picks = append(picks, last)
	}
	return slices.Collect(src.entries(listRows(picks), nil))
}

// hostsOf lists the hosts the entries came from, sorted, as the manifest
// names them: the data's hosts, never this machine's name, for a journal
// copied from a connector is read anywhere.
func hostsOf(es []*model.Entry) []string {
	var hosts []string
	for _, e := range es {
		if h := e.Origin.HostName(); h != "" && !slices.Contains(hosts, h) {
			hosts = append(hosts, h)
		}
	}
	slices.Sort(hosts)
	return hosts
}

// nameLabel names what an export holds in its file name: the hosts its
// entries came from (see hostsLabel), or, when none names one (a plain log
// file), the one input they were read from, without its extension.
func nameLabel(hosts []string, es []*model.Entry, sources []model.SourceStatus) string {
	if len(hosts) > 0 {
		return hostsLabel(hosts)
	}
	var ids []model.SourceID
	for _, e := range es {
		if !slices.Contains(ids, e.Source) {
			ids = append(ids, e.Source)
		}
	}
	if len(ids) == 1 && int(ids[0]) < len(sources) { // sources are in the order of their ids
		name := filepath.Base(sources[ids[0]].Name)
		if name = strings.TrimSuffix(name, filepath.Ext(name)); name != "" && name != "." && name != "/" {
			return name
		}
	}
	return hostsLabel(nil)
}

// redactedLabel is nameLabel of the hosts and inputs as a redacted export
// names them (see export.Redactor.RedactName): a host or a file named
// after an address or a user gets its pseudonym, the same the manifest and
// the entries give it. The input's name is redacted before its extension
// is dropped, so that an address is never cut (a file named 10.1.2.3).
func redactedLabel(r *export.Redactor, hosts []string, es []*model.Entry, sources []model.SourceStatus) string {
	hs := make([]string, len(hosts))
	for i, h := range hosts {
		hs[i] = r.RedactName(h)
	}
	ss := make([]model.SourceStatus, len(sources))
	for i, st := range sources {
		ss[i] = model.SourceStatus{Name: r.RedactName(st.Name)}
	}
	return nameLabel(hs, es, ss)
}

// hostsLabel names the hosts in a file name: the one host, "3-hosts" for
// several, nothing when no entry names one (the name leaves it out).
func hostsLabel(hosts []string) string {
	switch len(hosts) {
	case 0:
		return ""
	case 1:
		return hosts[0]
	}
	return strconv.Itoa(len(hosts)) + "-hosts"
}
