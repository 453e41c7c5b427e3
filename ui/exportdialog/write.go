package exportdialog

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/export"
	"connlog/model/query"
)

// Options builds the export options for settings: what a write with them
// would be given.
func (src *Source) Options(s Settings, r *export.Redactor, p *export.Progress, host string) export.Options {
	o := export.Options{Format: s.Format, Compress: s.Compress, Location: src.Location, Pairs: src.Store, Redact: r, Progress: p,
		Bundle: export.BundleInfo{Host: host, Query: src.manifestQuery(), Version: src.Version, Muted: src.Muted}, Hosts: src.Fleet}
	if s.Scope == ScopeWindow {
		// The manifest records the window asked for, not only the entries
		// found, and its query selects what the export took: the window too.
		o.Bundle.From, o.Bundle.To, _ = src.window(s)
		o.Bundle.Query = query.And(o.Bundle.Query, query.ClosedWindow(o.Bundle.From, o.Bundle.To))
	}
	for i, st := range src.Sources {
		o.Sources = append(o.Sources, src.sourceInfo(model.SourceID(i), st.Name))
	}
	o.Kinds, o.Inputs = src.Kinds, src.Inputs
	if src.Snapshot != nil {
		// Seqs as a headless export numbers them: the head of a file read
		// tail first has negative ones.
		o.Number = src.Snapshot.Ordinal
	}
	return o
}

// sourceInfo describes input id as connlog export does: as it was opened
// (its path, inode, unit, journal), or by its name alone when that is all
// the interface was told.
func (src *Source) sourceInfo(id model.SourceID, name string) export.SourceInfo {
	for _, in := range src.Opened {
		if in.ID == id {
			return in
		}
	}
	return export.SourceInfo{ID: id, Name: name}
}

// doneMsg is the outcome of a write.
type doneMsg struct {
	gen        int
	path       string // the file written, or the one that exists
	stats      export.Stats
	err        error
	unreadable int64 // lines that could not be read back: gap entries in the output
	evicted    model.Eviction
}

// tickMsg polls the progress of a running write.
type tickMsg struct{ gen int }

// writeCmd runs the export; cancelling ctx stops it and leaves no file.
// It ends run when the export has returned, its temp file gone.
func writeCmd(ctx context.Context, src *Source, s Settings, plan Plan, path string, force bool,
	r *export.Redactor, p *export.Progress, gen int, run *writeRun) tea.Cmd {
	var rr *export.Redactor
	if s.Redact {
		rr = r.Fresh() // the preview's pseudonyms, and only this export's values
	}
	opts := src.Options(s, rr, p, plan.Host)
	opts.Force = force
	return func() tea.Msg {
		var done doneMsg
		defer func() { run.end(done) }() // even if the export panics: Abort must not wait in vain
		path := intoDirectory(path, plan.DefaultName)
		var unreadable atomic.Int64
		ev := src.evictedFrom(s, plan.Seqs)
		seqs, gapHeld := withoutFrontGap(plan.Seqs, ev, s.Format)
		if err := learnPersonal(ctx, rr, src, p); err != nil {
			done = doneMsg{gen: gen, path: path, err: err, evicted: ev}
			return done
		}
		st, err := export.Export(ctx, path, src.entries(seqs, &unreadable), opts)
		if gapHeld && st.Entries > 0 {
			// The front gap is said apart (evictedLine), not counted as an
			// entry of the input, nor as one of its marks.
			st.Entries, st.Marks = st.Entries-1, max(st.Marks-1, 0)
		}
		done = doneMsg{gen: gen, path: path, stats: st, err: err, unreadable: unreadable.Load(), evicted: ev}
		return done
	}
}

// learnPersonal reads, when redacting, the entries of the store that may
// name a person once before any is written, so that a value one entry
// reveals is replaced in every record, those before it too (see
// export.Redactor.Learn), and those of an export that leaves that entry
// out: the service lines of a filtered view keep no address an event of
// the store says is a client's.
func learnPersonal(ctx context.Context, r *export.Redactor, src *Source, p *export.Progress) error {
	if r == nil {
		return nil
	}
	var unreadable atomic.Int64 // counted by the export itself
	rows := personalRows(src.Snapshot)
	return r.Learn(ctx, p.Learning(int64(rows.Len()), src.entries(rows, &unreadable)))
}

// personalRows are the rows of the entries sn holds whose fields may name
// a person: not service lines (module, function and message name no one)
// nor gap and restart marks, which the row's kind says without a load.
func personalRows(sn *model.Snapshot) Rows {
	var list []int64
	for seq := sn.First(); seq != sn.End(); seq = nextSeq(seq) {
		switch sn.Kind(seq) {
		case model.KindService, model.KindGap, model.KindBoundary:
		default:
			list = append(list, seq)
		}
	}
	return Rows{list: list}
}

// nextSeq is the entry numbered after seq: prepended entries are numbered
// -1, -2, … back from the first appended one, 1, and no entry is 0.
func nextSeq(seq int64) int64 {
	if seq == -1 {
		return 1
	}
	return seq + 1
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
	return tea.Tick(100*time.Millisecond, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// manifestQuery is the filter as a bundle's manifest keeps it: its times
// (since:15m, until:yesterday, a time without a zone) written as the
// moments they named when the filter was applied, in UTC, so that reopen
// selects the same entries later and in another zone.
func (src *Source) manifestQuery() string {
	fixed, err := query.FixTimes(src.Query, src.QueryOpt)
	if err != nil {
		return src.Query
	}
	return fixed
}
