package ui

import (
	"context"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/changed"
	"connlog/ui/theme"
)

// changedRows is how many rows each list of the what-changed view keeps.
const changedRows = 15

// changedRequest says which windows to compare: the ones asked for, else
// the visual selection (its first and last Seq) against the same length
// before it, else the last 15 minutes of the view against the 15 before.
type changedRequest struct {
	cmp            *triage.Compare
	selFrom, selTo int64
	windowsKey     string // the key that asks for other windows, for the messages
}

// openChanged compares the default windows of the current view.
func (m Model) openChanged() (tea.Model, tea.Cmd) {
	req := changedRequest{windowsKey: keyOf(m.changed.Keys().Windows)}
	req.selFrom, req.selTo = m.sel.bounds()
	return m.startChanged(req)
}

// startChanged starts the comparison in a Cmd over a copy of the view and
// the snapshot it was built on, and shows the view computing.
func (m Model) startChanged(req changedRequest) (tea.Model, tea.Cmd) {
	if m.live.view == nil || m.live.building {
		m.notice = "the view is still being built: press " + keyOf(m.keys.Changed) + " again when it is"
		return m, nil
	}
	m.triGen++
	ctx, cancel := context.WithCancel(context.Background())
	job := changed.Job{Gen: m.triGen, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: cancel}
	sn, vc, loc := m.store.Snapshot(), *m.live.view, m.loc()
	m.changed = m.changed.Start(job, loc)
	m.mode = ModeChanged
	m.layout()
	now := m.cfg.now // the interface's clock times the comparison (see computeTriage)
	return m, func() tea.Msg {
		started := now()
		out := compareWindows(ctx, job, sn, &vc, req, loc)
		out.Elapsed = now().Sub(started)
		return out
	}
}

// compareWindows finds the windows from the index (no entry is loaded for
// that), loads only the entries that fall in them and compares them.
func compareWindows(ctx context.Context, job changed.Job, sn *model.Snapshot, vc *model.View, req changedRequest, loc *time.Location) changed.ResultMsg {
	out := changed.ResultMsg{Gen: job.Gen}
	a, b, basis, err := resolveWindows(sn, vc, req)
	if err != nil {
		out.Err = err
		return out
	}
	var outside int64 // entries of the view with a time in neither window
	in := vc.Subset(func(seq int64) bool {
		if !sn.Has(seq) {
			return false
		}
		switch t := sn.Time(seq); {
		case a.Contains(t):
			out.EntriesA++
		case b.Contains(t):
			out.EntriesB++
		default:
			if k := sn.Kind(seq); triage.Usable(t) && k != model.KindGap && k != model.KindBoundary {
				outside++ // a gap or restart row is a note, counted in no window
			}
			return false
		}
		return true
	})
	job.Total.Store(int64(in.Len()))
	parts := triage.PartChanged
	tr := triage.New(triage.Options{Compare: &triage.Compare{A: a, B: b}, Parts: parts})
	read := int64(0)
	for c := range loadInOrder(ctx, sn, in, 0, in.Len(), parts) {
		c.count(tr)
		read += int64(len(c.entries))
		job.Done.Store(read)
		recycle(c.chunkBuf)
	}
	if out.Err = ctx.Err(); out.Err != nil {
		return out
	}
	r := tr.Report(triage.ReportOptions{Top: changedRows})
	out.Changed, out.Basis = *r.Changed, basis
	out.Changed.Outside = outside // the triage saw only the windows' entries
	return out
}

// changedKey handles a key in the what-changed view: esc (or the view's
// own key) goes back, enter pivots the filter to the row, the windows key
// opens the prompt; both wait for the rows when typed while they are
// counted (see holdTriageKey).
func (m Model) changedKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	ck := m.changed.Keys()
	if out, cmd, done := m.triageFirst(msg, m.keys.Changed, m.changed.Waiting(), ck.Choose, ck.Windows); done {
		return out, cmd
	}
	m.changed, _ = m.changed.Update(msg)
	var asked, chosen bool
	if m.changed, asked = m.changed.TakeWindowsRequest(); asked {
		return m.openCompare(), nil
	}
	var c triage.Change
	if m.changed, c, chosen = m.changed.TakeChoice(); !chosen {
		return m, nil
	}
	a, b, _ := m.changed.Windows()
	term, note := changeTerm(c, a, b, m.loc())
	if term == "" {
		m.notice = "the " + triage.Other + " row counts many templates: choose one of the others"
		return m, nil
	}
	if c.What == "template" {
		return m.closeTriage().pivotToTemplate(term, c.Key, c.Exact)
	}
	return m.closeTriage().pivotTo(term, note)
}

// openCompare opens the windows prompt over the view, holding the windows
// shown (the second is the baseline) so that one end can be edited.
func (m Model) openCompare() Model {
	m.mode = ModeCompare
	m.cmpIn.SetValue("")
	if a, b, ok := m.changed.Windows(); ok {
		layout := "2006-01-02 15:04:05"
		if onDay(m.dataDay(), m.loc(), a.From, a.To, b.From, b.To) {
			layout = "15:04:05" // read back on the same day: short enough for 80 columns
		}
		m.cmpIn.SetValue(windowText(a, m.loc(), layout) + "," + windowText(b, m.loc(), layout))
	}
	m.notice = "FROM..TO[,FROM..TO] (the second is the baseline) or previous[:30m] — " +
		keyOf(m.keys.Bar.Apply) + " compares, " + keyOf(m.keys.Bar.Cancel) + " cancels"
	return m
}

// windowText writes a window as the prompt reads it back.
func windowText(w triage.Window, loc *time.Location, layout string) string {
	return w.From.In(loc).Format(layout) + ".." + w.To.In(loc).Format(layout)
}

// onDay reports whether every time falls on day's date in loc, where a
// time without a date is read back.
func onDay(day time.Time, loc *time.Location, ts ...time.Time) bool {
	want := day.In(loc).Format(time.DateOnly)
	for _, t := range ts {
		if t.In(loc).Format(time.DateOnly) != want {
			return false
		}
	}
	return !day.IsZero()
}

// compareKey edits the windows prompt; enter compares the windows typed,
// esc goes back to the view as it was.
func (m Model) compareKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Bar.Cancel):
		m.mode, m.notice = ModeChanged, ""
		return m, nil
	case key.Matches(msg, m.keys.Bar.Apply):
		cmp, err := triage.ParseCompare(m.cmpIn.Value(), m.timeOptions())
		if err != nil {
			m.notice = theme.Clean(err.Error())
			return m, nil
		}
		m.notice = ""
		return m.startChanged(changedRequest{cmp: cmp})
	}
	m.cmpIn.SetKeys(m.keys.Bar.Edit)
	m.cmpIn, _ = m.cmpIn.Update(msg)
	return m, nil
}
