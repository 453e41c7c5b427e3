package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/decode"
	"connlog/ui/theme"
)

const benchEntries = 1_000_000

var (
	benchOnce  sync.Once
	benchStore *model.Store
)

// millionStore decodes a million connector lines (service chatter with an
// ANALYTICS event every twelfth line) into a store, as the ingest loop does.
func millionStore(b *testing.B) *model.Store {
	benchOnce.Do(func() {
		st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse})
		dec := decode.New(0, decode.Options{})
		var es []model.Entry
		for i := 0; i < benchEntries; i++ {
			line := fmt.Sprintf("[DEBUG] [libsdwan] [controller] run_state_machine: tick %d relay 10.0.%d.%d:443", i, i%250, i%200)
			if i%12 == 0 {
				line = strings.Replace(analyticsClosed, "e755ba99988db558-24", fmt.Sprintf("c%07d", i), 1)
			}
			rec := model.Record{Raw: []byte(line), Offset: -1, Received: base.Add(time.Duration(i) * time.Millisecond)}
			es = dec.Decode(&rec, es)
			if len(es) >= 4096 {
				st.Append(es)
				es = es[:0]
			}
		}
		st.Append(append(es, dec.Flush(nil)...))
		benchStore = st
	})
	return benchStore
}

// BenchmarkFrame measures rendering one full 160×45 screen over a store of
// a million entries: "same" redraws the same rows (the common case while
// following), "scroll" shows new rows each frame (each loaded and re-parsed).
// Both draw without styling, as the tests do; "styled/…" draw with the
// colour styles a terminal gets.
func BenchmarkFrame(b *testing.B) {
	st := millionStore(b)
	plain := newTestModel(b, st, 160, 45)
	if plain.live.len() != st.Len() {
		b.Fatalf("view has %d rows; store %d", plain.live.len(), st.Len())
	}
	styled := withStyles(newTestModel(b, st, 160, 45), theme.Default())
	for _, mode := range []string{"same", "scroll", "styled/same", "styled/scroll"} {
		m := plain
		if strings.HasPrefix(mode, "styled/") {
			m = styled
		}
		b.Run(mode, func(b *testing.B) {
			mm := drive(b, m, tea.WindowSizeMsg{Width: 160, Height: 45})
			b.SetBytes(int64(len(mm.View().Content)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if strings.HasSuffix(mode, "scroll") {
					mm.table.MoveTo((i * 7919) % benchEntries)
				}
				_ = mm.View().Content
			}
		})
	}
}
