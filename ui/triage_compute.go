package ui

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/triage"
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

// triageJob is one computation of the triage report over the current view:
// its generation (a newer job makes its result stale), its cancel, and
// how many entries it has read so far, for the progress line.
type triageJob struct {
	gen     int
	total   int
	done    *atomic.Int64
	cancel  context.CancelFunc
	started time.Time
}

// triageMsg carries a finished report.
type triageMsg struct {
	gen     int
	report  triage.Report
	elapsed time.Duration
	err     error
}

// computeTriage starts a job that brings keeper up to date with a copy of
// the view's header and the snapshot it was built on, then reports; it
// reads nothing the UI may change. Only the rows the keeper has not
// counted yet are read: the whole view the first time, a few batches after.
func computeTriage(gen int, k *triageKeeper, sn *model.Snapshot, vc model.View, opts triage.ReportOptions) (triageJob, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	job := triageJob{gen: gen, total: vc.Len(), done: new(atomic.Int64), cancel: cancel, started: time.Now()}
	done, started := job.done, job.started
	return job, func() tea.Msg {
		r, err := k.report(ctx, sn, &vc, opts, done)
		return triageMsg{gen: gen, report: r, elapsed: time.Since(started), err: err}
	}
}

// triageReport counts every row of a view afresh for parts and reports:
// what a first opening costs.
func triageReport(ctx context.Context, sn *model.Snapshot, vc *model.View, parts triage.Parts, opts triage.ReportOptions, done *atomic.Int64) (triage.Report, error) {
	return newTriageKeeper(parts).report(ctx, sn, vc, opts, done)
}

// progressText says how far the job has read.
func (j triageJob) progressText() string {
	if j.done == nil {
		return ""
	}
	done := j.done.Load()
	pct := 100
	if j.total > 0 {
		pct = int(done * 100 / int64(j.total))
	}
	return fmt.Sprintf(" counting… %s of %s entries (%d%%)", commas(done), commas(int64(j.total)), pct)
}
