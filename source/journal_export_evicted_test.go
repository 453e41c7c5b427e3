package source

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
)

// The memory budget's gap says its count grouped, as the status line
// does ("16,384 older lines dropped …"), and read back from a journal
// export it is that gap again: the memory budget's reason, with its count.
func TestJournalExportEvictionGapComesBack(t *testing.T) {
	st := model.NewStore(model.StoreOptions{MaxMemory: 4 << 20})
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	for b := 0; st.Stats().Evicted == 0 && b < 400; b++ {
		es := make([]model.Entry, 1000)
		for i := range es {
			n := 1000*b + i
			es[i] = model.Entry{Time: at.Add(time.Duration(n) * time.Millisecond), Kind: model.KindText, Level: model.LevelInfo,
				Raw: fmt.Appendf(nil, "line %d", n), Origin: model.Origin{Offset: -1}}
		}
		st.Append(es)
	}
	sn := st.Snapshot()
	ev := sn.Eviction()
	if ev.Lines < 1000 {
		t.Fatalf("%d lines evicted: the test does not test", ev.Lines)
	}
	var gap model.Entry
	if err := sn.Load(ev.GapSeq, &gap, model.LoadFull); err != nil {
		t.Fatal(err)
	}
	if msg, want := gap.Fields.Value(model.KeyMessage), model.Commas(ev.Lines)+" older lines"; !strings.HasPrefix(msg, want) {
		t.Errorf("the gap says %q, want it to begin %q", msg, want)
	}
	got := readRecords(t, Input{Path: writeJournalExport(t, []model.Entry{gap}, export.CompressNone)}, nil)
	if len(got) != 1 || got[0].Mark != model.MarkGap || got[0].Note != model.GapEvictionReason || got[0].Count != ev.Lines {
		t.Fatalf("read back%s, want the memory budget's gap of %d lines", describe(got), ev.Lines)
	}
}
