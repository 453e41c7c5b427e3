package ui

import (
	"context"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
	"connlog/ui/triageview"
)

// triageRows is how many rows each triage table keeps.
const triageRows = 10

// The parts each triage view shows, and so counts: the top-N and the
// templates views draw a sparkline per row on the timeline's buckets.
const (
	topNParts      = triage.PartTop | triage.PartTimeline
	templatesParts = triage.PartTemplates | triage.PartTimeline
	sessionsParts  = triage.PartSessions
)

// computeTriage starts a job that brings keeper up to date with a copy of
// the view's header and the snapshot it was built on, then reports; it
// reads nothing the UI may change. Only the rows the keeper has not
// counted yet are read: the whole view the first time, a few batches after.
// The time it took is read from now, the interface's clock, so that a
// title that tells it does not depend on how busy the machine is in tests.
func computeTriage(gen int, k *triageKeeper, sn *model.Snapshot, vc model.View, opts triage.ReportOptions, now func() time.Time) (triageview.Job, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	job := triageview.Job{Gen: gen, Total: new(atomic.Int64), Done: new(atomic.Int64), Cancel: cancel}
	job.Total.Store(int64(vc.Len()))
	done, started := job.Done, now()
	return job, func() tea.Msg {
		r, err := k.report(ctx, sn, &vc, opts, done)
		return triageview.ResultMsg{Gen: gen, Report: r, Elapsed: now().Sub(started), Err: err}
	}
}

// triageReport counts every row of a view afresh for parts and reports:
// what a first opening costs.
func triageReport(ctx context.Context, sn *model.Snapshot, vc *model.View, parts triage.Parts, opts triage.ReportOptions, done *atomic.Int64) (triage.Report, error) {
	return newTriageKeeper(parts).report(ctx, sn, vc, opts, done)
}
