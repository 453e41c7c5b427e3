package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
)

// liveView is the table's data: the view the current filter selects, the
// snapshot it was last brought up to date with, and the bookkeeping of the
// builds in flight. Builds and extensions run in tea.Cmds; a result whose
// generation is not the current one is dropped.
type liveView struct {
	snap      *model.Snapshot
	view      *model.View
	levels    levelIndex
	times     pageTimes // the spans of the rows' times, for go-to-time
	gen       int       // bumped by every filter change
	building  bool      // a BuildView for gen is running
	extending bool      // an Extend for gen is running
	cancel    context.CancelFunc
	started   time.Time // when the build for gen was asked for
	// triage keeps the triage views' counts of this generation's view,
	// extended with each batch the view adopts.
	triage *triageKeepers
}

// rebuild starts building the view for a new filter over sn, cancelling the
// previous build so that its cores are freed for this one.
func (lv *liveView) rebuild(sn *model.Snapshot, f model.Filter) tea.Cmd {
	if lv.cancel != nil {
		lv.cancel()
	}
	lv.gen++
	ctx, cancel := context.WithCancel(context.Background())
	lv.cancel, lv.building, lv.extending, lv.snap = cancel, true, false, sn
	lv.triage = &triageKeepers{}
	lv.started = time.Now()
	gen := lv.gen
	return func() tea.Msg {
		v, err := model.BuildView(ctx, sn, f)
		if err != nil {
			return viewBuiltMsg{gen: gen, err: err}
		}
		return viewBuiltMsg{gen: gen, view: v, levels: scanLevels(sn, v, 0, v.Len()), times: scanTimes(sn, v, 0, v.Len())}
	}
}

// built adopts a finished build; it reports false for a stale one.
func (lv *liveView) built(msg viewBuiltMsg) bool {
	if msg.gen != lv.gen || msg.err != nil {
		return false
	}
	if lv.cancel != nil {
		lv.cancel()
		lv.cancel = nil
	}
	lv.view, lv.levels, lv.times, lv.building = msg.view, msg.levels, msg.times, false
	return true
}

// extend starts examining the entries that arrived since the view was last
// extended, at either end: O(new entries), never a recompute. The Cmd
// extends a clone of the view (model.View.Clone: one extension in flight).
func (lv *liveView) extend(sn *model.Snapshot, f model.Filter) tea.Cmd {
	lv.snap = sn
	if lv.building || lv.extending || lv.view == nil || !lv.view.Pending(sn) {
		return nil
	}
	lv.extending = true
	vc, gen := lv.view.Clone(), lv.gen
	return func() tea.Msg {
		before := vc.Len()
		front, back := vc.ExtendEnds(sn, f)
		levels := scanLevels(sn, &vc, 0, front)
		levels = levels.union(scanLevels(sn, &vc, before+front, vc.Len()))
		times := scanTimes(sn, &vc, 0, front).union(scanTimes(sn, &vc, before+front, vc.Len()))
		return viewExtendedMsg{gen: gen, view: &vc, added: back, front: front, levels: levels, times: times}
	}
}

// extended adopts an extension; it reports false for a stale one.
func (lv *liveView) extended(msg viewExtendedMsg) bool {
	if msg.gen != lv.gen || !lv.extending {
		return false
	}
	lv.view, lv.extending = msg.view, false
	lv.levels = lv.levels.union(msg.levels)
	lv.times = lv.times.union(msg.times)
	return true
}

// triageKeeper returns the keeper of the current view for parts.
func (lv *liveView) triageKeeper(parts triage.Parts) *triageKeeper {
	if lv.triage == nil {
		lv.triage = &triageKeepers{}
	}
	return lv.triage.get(parts)
}

// keepTriage extends the triage keepers with the rows the view just
// adopted, in a Cmd. Rows prepended above the counted ones (a file's head
// read after its tail) cannot be added in order: the keepers then start over
// at the next opening of their view.
func (lv *liveView) keepTriage(sn *model.Snapshot, front int) tea.Cmd {
	if lv.triage == nil || lv.view == nil {
		return nil
	}
	if front > 0 {
		lv.triage = &triageKeepers{}
		return nil
	}
	return lv.triage.keepUp(sn, *lv.view)
}

// pending reports whether the store holds entries the view has not
// examined yet.
func (lv *liveView) pending(sn *model.Snapshot) bool {
	return lv.view != nil && lv.view.Pending(sn)
}

// trim drops what the store evicted from the view and returns how many rows
// went, so the cursor can move with them. While an extension runs on a
// clone of the view it leaves the view alone: the clone, adopted, would
// bring the rows back and be trimmed again, moving the cursor twice (and
// View.Clone's contract keeps the original still meanwhile).
func (lv *liveView) trim(sn *model.Snapshot) int {
	if lv.view == nil || lv.extending {
		return 0
	}
	n := lv.view.Trim(sn)
	if n > 0 {
		lv.levels = lv.levels.trim(sn.FirstLine()) // the front gap, trimmed, is counted again as the view takes it back
		lv.times = lv.times.dropBelow(sn.First())
	}
	return n
}

// heldLen returns how many of the view's rows sn still holds. While an
// extension runs the view keeps the rows evicted since (see trim): counted
// beside sn's own total, they made more rows shown than held.
func (lv *liveView) heldLen(sn *model.Snapshot) int {
	if lv.view == nil {
		return 0
	}
	return lv.view.Len() - lv.view.Index(sn.First())
}

// len returns how many rows the view has.
func (lv *liveView) len() int {
	if lv.view == nil {
		return 0
	}
	return lv.view.Len()
}

// seqAt returns the Seq of row i, or 0 when out of range.
func (lv *liveView) seqAt(i int) int64 {
	if lv.view == nil || i < 0 || i >= lv.view.Len() {
		return 0
	}
	return lv.view.At(i)
}

// indexOf returns the row of seq, or of the first row after it.
func (lv *liveView) indexOf(seq int64) int {
	if lv.view == nil {
		return 0
	}
	return lv.view.Index(seq)
}

// seeker returns a seek by time over the view as it is now.
func (lv *liveView) seeker(sn *model.Snapshot) *timeSeek {
	return &timeSeek{sn: sn, v: lv.view, pages: lv.times}
}

// cancelBuild stops a build in flight (on quit).
func (lv *liveView) cancelBuild() {
	if lv.cancel != nil {
		lv.cancel()
		lv.cancel = nil
	}
}
