package status

import (
	"strings"
	"testing"

	"connlog/model"
)

// TestLossIsTheLastPartToGo: on a narrow terminal the loss counter stays
// after every other part has gone and the head is cut to its least: a
// view that misses lines must say so at any width it can.
func TestLossIsTheLastPartToGo(t *testing.T) {
	in := busy
	in.Sources = nil
	for _, name := range []string{"app.log", "app.log.1", "app.log.2.gz", "app.log.3.gz", "app.log.4.bz2", "app.log.5.Z"} {
		in.Sources = append(in.Sources, model.SourceStatus{Name: name, State: "not read: permission denied", Done: true})
	}
	in.Loss = model.Ledger{}
	in.Loss.Add(model.GapFileNotRead+": app.log.1: "+model.GapNothingRead+": permission denied", 0, busy.Clock)
	in.Loss.Add(model.GapTruncated, 123456, busy.Clock)
	in.Loss.Add(model.GapLineTooLong, 4567, busy.Clock)
	for _, w := range []int{50, 40, 30, 24} {
		v := line(t, w, in)
		if !strings.Contains(v, "LOSS") {
			t.Errorf("at %d columns the loss counter went: %q", w, v)
		}
	}
	if v := line(t, 50, in); !strings.Contains(v, "END") {
		t.Errorf("at 50 columns END went before the head was cut to its least: %q", v)
	}
}
