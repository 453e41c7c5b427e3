package export

import (
	"fmt"
	"iter"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"connlog/model"
)

// heapSampler records the largest heap seen while an export runs.
type heapSampler struct{ base, peak uint64 }

func (h *heapSampler) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.peak = max(h.peak, ms.HeapAlloc)
}

// streamOf yields n distinct analytics entries through one reused Entry and
// one reused raw buffer, as a store's iterator would, sampling the heap.
func streamOf(n int, h *heapSampler) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		base := analyticsEntry()
		e := *base
		raw := make([]byte, 0, 2048)
		for i := range n {
			raw = fmt.Appendf(raw[:0], "%s padding=%0512d", base.Raw, i)
			e.Raw, e.Payload = raw, raw[len("ANALYTICS "):]
			e.Seq, e.Origin.Offset = int64(i+1), int64(i)*int64(len(raw)+1)
			e.Fields = append(e.Fields[:0], base.Fields...)
			e.Fields = append(e.Fields, model.Str(model.KeyUserEmail, fmt.Sprintf("u%d@example.com", i)))
			if i%2000 == 0 {
				h.sample()
			}
			if !yield(&e) {
				return
			}
		}
	}
}

// TestExportMemoryIsFlat exports tens of megabytes and checks that the heap
// never grows by more than a few megabytes: writers stream.
func TestExportMemoryIsFlat(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	const n, limit = 12000, 12 << 20
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"ndjson redacted", Options{Format: FormatNDJSON, Redact: NewRedactor()}},
		{"csv gzip", Options{Format: FormatCSV, Compress: CompressGzip}},
		{"bundle zstd", Options{Format: FormatBundle, Compress: CompressZstd}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GC()
			h := &heapSampler{}
			h.sample()
			h.base, h.peak = h.peak, 0
			st, err := Export(t.Context(), filepath.Join(t.TempDir(), "out"), streamOf(n, h), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			growth := int64(h.peak) - int64(h.base)
			t.Logf("%d entries, %d bytes out, heap grew by at most %d bytes", st.Entries, st.Bytes, growth)
			if st.Entries != n || growth > limit {
				t.Errorf("heap grew by %d bytes over %d entries (limit %d)", growth, st.Entries, limit)
			}
		})
	}
}
