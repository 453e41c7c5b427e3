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

// computeTriage starts a job over a copy of the view's header and the
// snapshot it was built on; it reads nothing the UI may change.
func computeTriage(gen int, sn *model.Snapshot, vc model.View, opts triage.ReportOptions) (triageJob, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	job := triageJob{gen: gen, total: vc.Len(), done: new(atomic.Int64), cancel: cancel, started: time.Now()}
	done, started := job.done, job.started
	return job, func() tea.Msg {
		r, err := triageReport(ctx, sn, &vc, opts, done)
		return triageMsg{gen: gen, report: r, elapsed: time.Since(started), err: err}
	}
}

// triageReport feeds every row of the view to a Triage and returns its
// report; it stops early, with the context's error, when cancelled.
func triageReport(ctx context.Context, sn *model.Snapshot, vc *model.View, opts triage.ReportOptions, done *atomic.Int64) (triage.Report, error) {
	tr := triage.New(triage.Options{})
	read := 0
	for es := range loadInOrder(ctx, sn, vc) {
		tr.Add(es)
		read = min(read+triageChunk, vc.Len())
		done.Store(int64(read))
	}
	if err := ctx.Err(); err != nil {
		return triage.Report{}, err
	}
	return tr.Report(opts), nil
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
