package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
	"connlog/model/triage"
	"connlog/source"
	"connlog/source/synth"
)

// manyEntries is n service lines, enough for several loader chunks.
func manyEntries(n int) []model.Entry {
	es := make([]model.Entry, n)
	for i := range es {
		es[i] = service(i, model.LevelInfo, "connector", "", "line")
	}
	return es
}

// TestLoadInOrder checks that the chunks loaded on several goroutines come
// back in view order, every row once.
func TestLoadInOrder(t *testing.T) {
	st, _ := newFixtureStore(t, manyEntries(3*triageChunk+17))
	sn := st.Snapshot()
	v, err := model.BuildView(context.Background(), sn, model.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for c := range loadInOrder(context.Background(), sn, v, 0, v.Len(), 0) {
		for _, e := range c.entries {
			if want := v.At(i); e.Seq != want {
				t.Fatalf("row %d is entry %d; want %d", i, e.Seq, want)
			}
			i++
		}
	}
	if i != v.Len() {
		t.Errorf("%d rows loaded; want %d", i, v.Len())
	}
}

// TestLoadInOrderStops checks that a cancelled load closes its channel
// early instead of reading on.
func TestLoadInOrderStops(t *testing.T) {
	st, _ := newFixtureStore(t, manyEntries(8*triageChunk))
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	ctx, cancel := context.WithCancel(context.Background())
	chunks := loadInOrder(ctx, sn, v, 0, v.Len(), 0)
	<-chunks
	cancel()
	n := 0
	for range chunks {
		n++
	}
	if n >= 7 {
		t.Errorf("%d more chunks after the cancel; want the load to stop", n)
	}
}

// TestTemplatesOfAFileAsOfItsFullDecode: the triage of each view (the
// templates above all) of a file read as the interface reads it — the
// index in the store, the lines re-read from the file a span at a time,
// service lines only to their payload — is that of the same lines decoded
// in full.
func TestTemplatesOfAFileAsOfItsFullDecode(t *testing.T) {
	for _, folded := range []bool{false, true} {
		t.Run(fmt.Sprintf("templates folded while decoding %v", folded), func(t *testing.T) {
			checkReportsOfAFile(t, folded)
		})
	}
}

// checkReportsOfAFile is TestTemplatesOfAFileAsOfItsFullDecode for a store
// whose lines were decoded with Templates set or not.
func checkReportsOfAFile(t *testing.T, folded bool) {
	st, whole := fileStore(t, 3*triageChunk+500, true, folded)
	sn := st.Snapshot()
	v, _ := model.BuildView(context.Background(), sn, model.Filter{})
	if v.Len() != len(whole) || v.Len() < 3*triageChunk {
		t.Fatalf("the store holds %d entries; the full decode %d", v.Len(), len(whole))
	}
	for i := range whole {
		whole[i].Seq = v.At(i) // a session row names its events by Seq
	}
	opts := triage.ReportOptions{Top: 1000, Ended: true, Sessions: func(*triage.Session) bool { return true }}
	for _, parts := range []triage.Parts{templatesParts, topNParts, sessionsParts} {
		got, err := triageReport(context.Background(), sn, v, parts, opts, nil)
		if err != nil {
			t.Fatal(err)
		}
		fresh := triage.New(triage.Options{Parts: parts})
		fresh.Add(append([]model.Entry(nil), whole...))
		want := fresh.Report(opts)
		if parts == templatesParts && len(want.Templates) < 10 {
			t.Fatalf("only %d templates: the file is not what the test means", len(want.Templates))
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parts %b: the report of the store:\n%+v\nof the full decode:\n%+v", parts, got, want)
		}
	}
}

// dockerStamp is the time `docker logs -t` puts before each line.
const dockerStamp = "2006-01-02T15:04:05.000000000Z07:00"

// fileStore writes n generated connector lines, each after its docker
// logs -t stamp as a containerised connector's log has them, to a file
// (the last one without its newline) and reads it as the interface does: decoded to the
// index (with the service lines folded into their templates when folded),
// the store re-reading the lines from the file. With whole, it also
// returns the lines decoded in full.
func fileStore(tb testing.TB, n int, whole, folded bool) (*model.Store, []model.Entry) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "connector.log")
	g := synth.New(21, synth.Options{})
	var text, line []byte
	var at time.Time
	for range n - 1 {
		line, at, _ = g.Next(line[:0])
		text = append(at.UTC().AppendFormat(text, dockerStamp), ' ')
		text = append(append(text, line...), '\n')
	}
	text = append(at.UTC().AppendFormat(text, dockerStamp), " [WARN] [libsdwan] a last line without its newline 42"...)
	if err := os.WriteFile(path, text, 0o600); err != nil {
		tb.Fatal(err)
	}
	src := source.NewFile(path, 1, source.FileOptions{})
	recs := make(chan []model.Record)
	go func() { _ = src.Run(context.Background(), recs); close(recs) }()
	st := model.NewStore(model.StoreOptions{Reparse: decode.Reparse, Payloads: decode.Payloads, MessageInRaw: decode.MessageInRaw, FieldsWhole: decode.FieldsWhole})
	st.SetRawReader(1, src)
	lean, full := decode.New(1, decode.Options{IndexService: true, Templates: folded}), decode.New(1, decode.Options{})
	var all []model.Entry
	for batch := range recs {
		var es []model.Entry
		for i := range batch {
			es = lean.Decode(&batch[i], es)
			if whole {
				all = full.Decode(&batch[i], all)
			}
		}
		st.Append(es)
	}
	st.Append(lean.Flush(nil))
	if whole {
		all = full.Flush(all)
	}
	return st, all
}
