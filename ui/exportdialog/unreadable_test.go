package exportdialog

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/theme"
)

// cutFile re-reads the raw bytes of a file that was truncated in place
// at size: what lay beyond can no longer be read.
type cutFile struct {
	data []byte
	size int64
}

func (f cutFile) ReadRaw(off int64, n int, buf []byte) ([]byte, error) {
	if off+int64(n) > f.size {
		return buf, errors.New("the file was truncated to 0 bytes")
	}
	return append(buf, f.data[off:off+int64(n)]...), nil
}

// spanCutFile is a cutFile that also reads spans of lines, as a followed
// file does: what lay beyond the cut fails a span as it fails a line.
type spanCutFile struct{ cutFile }

func (f spanCutFile) ReadSpan(off int64, n int, buf []byte) ([]byte, error) {
	if off+int64(n) > f.size {
		return buf, errors.New("the file was truncated")
	}
	return append(buf, f.data[off:off+int64(n)]...), nil
}

// TestExportOfUnreadableLinesSaysSo: a line whose bytes went away after it
// was shown is neither written blank nor dropped silently. The export has
// a gap entry in its place and the dialog says how many — whether the file
// is re-read a line or a span at a time.
func TestExportOfUnreadableLinesSaysSo(t *testing.T) {
	for _, spans := range []bool{false, true} {
		checkUnreadableExport(t, spans)
	}
}

func checkUnreadableExport(t *testing.T, spans bool) {
	lines := []string{"first line that stays", "second line cut away", "third line cut away"}
	var data []byte
	es := make([]model.Entry, len(lines))
	for i, l := range lines {
		es[i] = textEntry(1000*i, l)
		es[i].Source, es[i].Origin.Offset = 3, int64(len(data))
		data = append(append(data, l...), '\n')
	}
	st := model.NewStore(model.StoreOptions{})
	var rd model.RawReader = cutFile{data: data, size: int64(len(lines[0]) + 1)}
	if spans {
		rd = spanCutFile{rd.(cutFile)}
	}
	st.SetRawReader(3, rd)
	st.Append(es)
	sn := st.Snapshot()
	src := &Source{Store: st, Snapshot: sn, Location: time.UTC}
	seqs := []int64{sn.First(), sn.First() + 1, sn.First() + 2}

	var unreadable atomic.Int64
	var got []*model.Entry
	for e := range src.entries(listRows(seqs), &unreadable) {
		got = append(got, e)
	}
	if len(got) != 3 || unreadable.Load() != 2 {
		t.Fatalf("%d entries, %d unreadable; want 3 and 2", len(got), unreadable.Load())
	}
	if string(got[0].Raw) != lines[0] || got[0].Kind == model.KindGap {
		t.Errorf("the readable line came out as %v %q", got[0].Kind, got[0].Raw)
	}
	for _, e := range got[1:] {
		if e.Kind != model.KindGap || e.Fields.Value(model.KeyGapReason) != model.GapUnreadableReason || len(e.Raw) != 0 {
			t.Errorf("an unreadable line came out as %v %q %v", e.Kind, e.Raw, e.Fields)
		}
	}

	path := filepath.Join(t.TempDir(), "out.ndjson")
	unreadable.Store(0)
	if _, err := export.Export(context.Background(), path, src.entries(listRows(seqs), &unreadable), export.Options{Format: export.FormatNDJSON}); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out, []byte("\n")); n != 3 || !bytes.Contains(out, []byte(model.GapUnreadableReason)) {
		t.Errorf("ndjson has %d lines, want 3 with the gap's reason:\n%s", n, out)
	}

	keys := DefaultKeyMap()
	styles := theme.Default()
	d := New(&keys, &styles)
	d.SetSize(100, 30)
	d.state = Writing
	d = d.onDone(doneMsg{path: path, stats: export.Stats{Path: path, Entries: 3}, unreadable: 2})
	if s := strings.Join(d.statusLines(), " "); !strings.Contains(s, "2 of the lines could no longer be read") {
		t.Errorf("the dialog does not say what was lost: %q", s)
	}
}
