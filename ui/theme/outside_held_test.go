package theme

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// TestOutsideHeldSpansTheTimesNotTheReadOrder: a pipe's lines read beside
// a file's come in the order read, not in time order; a window that finds
// nothing names the span from the earliest line to the newest, never one
// that ends before it begins.
func TestOutsideHeldSpansTheTimesNotTheReadOrder(t *testing.T) {
	at := func(day, h, m int) time.Time { return time.Date(2026, 12, day, h, m, 0, 0, time.UTC) }
	st := model.NewStore(model.StoreOptions{})
	var es []model.Entry
	for _, tm := range []time.Time{at(6, 6, 25), at(5, 6, 25), at(6, 14, 52), at(6, 5, 8)} {
		es = append(es, model.Entry{Time: tm, Kind: model.KindText, Raw: []byte("line"), Origin: model.Origin{Offset: -1}})
	}
	st.Append(es)
	got := OutsideHeld(at(6, 15, 0), time.Time{}, st.Snapshot(), time.UTC)
	if want := "2026-12-05 06:25 – 2026-12-06 14:52"; !strings.Contains(got, want) {
		t.Errorf("note %q; want the span %s", got, want)
	}
}
