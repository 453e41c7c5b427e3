package triageview

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model/triage"
)

// TestTopNCutLabelKeepsABlankBeforeTheSparkline: a value too long for its
// column is cut with "…", and a blank still parts it from the sparkline,
// at 80 and 120 columns, on the cursor's row and the others.
func TestTopNCutLabelKeepsABlankBeforeTheSparkline(t *testing.T) {
	long := strings.Repeat("very-long-resource-name.", 8) + "example.internal"
	buckets := []uint32{9, 9, 9, 9}
	rep := triage.Report{Entries: 10, Top: triage.Tops{Resources: []triage.Value{
		{Value: long, Count: 6, Share: 0.6, Buckets: buckets}, {Value: long + "2", Count: 4, Share: 0.4, Buckets: buckets}}}}
	for _, w := range []int{80, 120} {
		v := NewTopNView(DefaultKeyMap(), styles())
		v.SetSize(w, 24)
		v = v.Start(newJob(7, nil)).SetReport(ResultMsg{Gen: 7, Report: rep, Elapsed: time.Millisecond})
		out := ansi.Strip(v.View())
		if n := strings.Count(out, "…"); n != 2 {
			t.Fatalf("%d columns: %d cut labels; want 2:\n%s", w, n, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if i := strings.Index(l, "█"); i >= 0 && !strings.HasSuffix(l[:i], " ") {
				t.Errorf("%d columns: a cut label touches its sparkline:\n%s", w, out)
			}
		}
	}
}
