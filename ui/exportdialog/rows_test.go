package exportdialog

import (
	"runtime"
	"testing"

	"connlog/model"
	"connlog/ui/theme"
)

// Planning an export of the whole view names its rows without copying
// their Seqs: a copy cost 8 bytes a row (4 MB for these 500,000), made
// again at each new plan, past a small memory budget while the export ran.
func TestPlanOfTheViewDoesNotCopyItsRows(t *testing.T) {
	const n = 500_000
	st := model.NewStore(model.StoreOptions{})
	es := make([]model.Entry, 0, 10_000)
	for i := range n {
		es = append(es, textEntry(i, "line "+theme.Commas(int64(i))))
		if len(es) == cap(es) {
			st.Append(es)
			es = es[:0]
		}
	}
	src := sourceOfStore(t, st)
	plan := planCmd(src, Settings{Scope: ScopeView}, nil, 1)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	msg := plan().(planMsg)
	runtime.ReadMemStats(&after)
	if msg.err != nil || msg.plan.Seqs.Len() != n {
		t.Fatalf("plan of %d rows, %v; want %d", msg.plan.Seqs.Len(), msg.err, n)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("the plan allocated %d bytes for %d rows; want under 1 MiB", got, n)
	}
}
