package decode

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/export"
)

// exportNDJSON writes entries as `connlog export --format ndjson` does.
func exportNDJSON(t *testing.T, es []model.Entry) []byte {
	t.Helper()
	ptrs := make([]*model.Entry, len(es))
	for i := range es {
		es[i].Seq = int64(i + 1)
		ptrs[i] = &es[i]
	}
	var b bytes.Buffer
	if _, err := export.Stream(context.Background(), &b, export.Slice(ptrs), export.Options{Format: export.FormatNDJSON}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// asSent describes what a colleague handed an export must see of an
// entry as its sender saw it; the record's own place (its seq, input and
// offset) is not part of it.
func asSent(e *model.Entry) string {
	o := &e.Origin
	return fmt.Sprintf("%s %v %v %v item=%d flags=%v host=%q unit=%q ident=%q env=%q stream=%v received=%s cursor=%q raw=%q payload=%q fields=%v err=%q",
		e.Time.UTC().Format(time.RFC3339Nano), e.Level, e.Kind, e.Flags, e.Item, e.Flags, o.HostName(), firstNonEmpty(o.Unit, journalUnit(o)),
		o.Ident, o.Envelope, o.Stream, o.Received.UTC().Format(time.RFC3339Nano), journalCursor(o), e.Raw, e.Payload, e.Fields, e.Err)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func journalUnit(o *model.Origin) string {
	if o.Journal == nil {
		return ""
	}
	return o.Journal.Unit
}

func journalCursor(o *model.Origin) string {
	if o.Journal == nil {
		return ""
	}
	return o.Journal.Cursor
}

// testdataRecords frames a file of testdata as a file source does.
func testdataRecords(t *testing.T, rel string) []model.Record {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return fileRecords(b)
}

// sameAsSent fails with the first entry read back that differs from the
// entry the sender exported.
func sameAsSent(t *testing.T, sent, back []model.Entry) {
	t.Helper()
	if len(back) != len(sent) {
		t.Fatalf("%d entries read back, %d sent", len(back), len(sent))
	}
	for i := range sent {
		if got, want := asSent(&back[i]), asSent(&sent[i]); got != want {
			t.Fatalf("entry %d read back as\n%s\nwas sent as\n%s", i, got, want)
		}
		if back[i].Origin.Offset != -1 {
			t.Errorf("entry %d has offset %d: its bytes are not the export's", i, back[i].Origin.Offset)
		}
	}
}

// TestExportedReadsBackAsSent reads each fixture in Tokyo, exports it as
// ndjson and reads the export back in UTC: the entries are the sender's,
// at the same instants (a syslog or newt time without a zone was placed
// in Tokyo), with their raw lines exactly.
func TestExportedReadsBackAsSent(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	for _, rel := range []string{"envelopes/syslog.log", "envelopes/docker-json.log", "envelopes/journal-json.log",
		"envelopes/cri-newt.log", "envelopes/newt.log", "envelopes/compose.log", "envelopes/bare.log",
		"payloads/flow.log", "payloads/text.log", "payloads/session.log"} {
		t.Run(rel, func(t *testing.T) {
			sent := decodeAll(Options{Location: tokyo, Reference: readTime}, testdataRecords(t, rel))
			back := decodeAll(Options{Location: time.UTC, Reference: readTime.AddDate(1, 0, 0)}, fileRecords(exportNDJSON(t, sent)))
			sameAsSent(t, sent, back)
		})
	}
}

// TestExportedOddRecords reads back what has no plain line to show: a
// gap, a line of invalid UTF-8 with an escape sequence, a line without a
// time of its own, a line joined from a container's pieces, a journal
// line's level from its PRIORITY.
func TestExportedOddRecords(t *testing.T) {
	recs := lineRecords("Dec 31 23:59:40 gw-1 twingate-connector[1]: [INFO] [connector] ok")
	recs = append(recs, model.Record{Mark: model.MarkGap, Note: "nul bytes", Count: 3, Offset: -1, Received: readTime})
	recs = append(recs, lineRecords("bad \xff\xfe bytes \x1b[31mred", "no time of its own")...)
	sent := decodeAll(Options{Location: time.UTC, Reference: readTime}, recs)
	docker := lineRecords(`{"log":"[INFO] [connector] part one ","stream":"stdout","time":"2023-09-15T12:03:30.1Z"}`,
		`{"log":"part two\n","stream":"stdout","time":"2023-09-15T12:03:30.1Z"}`)
	sent = append(sent, decodeAll(Options{}, docker)...)
	journal := []model.Record{{Raw: []byte("plain text"), Offset: -1, Received: readTime,
		Journal: &model.JournalFields{Cursor: "s=1;i=2", Hostname: "h", Unit: "u.service", Identifier: "u", Priority: 3}}}
	sent = append(sent, decodeAll(Options{}, journal)...)
	if len(sent) != 6 || sent[1].Kind != model.KindGap || sent[5].Level != model.LevelError {
		t.Fatalf("the sender's entries are not what the test needs: %v", payloads(sent))
	}
	back := decodeAll(Options{Location: time.UTC, Reference: readTime}, fileRecords(exportNDJSON(t, sent)))
	sameAsSent(t, sent, back)
	if f := back[1].Fields; f.Value(model.KeyGapReason) != "nul bytes" || f.Value(model.KeyMessage) != model.GapMessage("nul bytes", 3) {
		t.Errorf("gap read back with %v", f)
	}
}

// TestExportedPrepared reads an export back through Prepare and Assemble,
// as big inputs are: the same entries as Decode's.
func TestExportedPrepared(t *testing.T) {
	sent := decodeAll(Options{Reference: readTime}, lineRecords("[INFO] [connector] first", "no time of its own", "[WARN] [connector] last"))
	sent[1].Time = sent[1].Time.Add(time.Hour) // only the record says so
	recs := fileRecords(exportNDJSON(t, sent))
	d := New(1, Options{Reference: readTime})
	out := d.Decode(&recs[0], nil)
	p := d.Preparer()
	if p == nil {
		t.Fatal("no preparer once the envelope is known")
	}
	var b Batch
	p.Prepare(&b, recs[1:], nil)
	back := d.Flush(d.Assemble(&b, out))
	sameAsSent(t, sent, back)
}

// TestOrdinaryJSONStaysJSON: a program's JSON log with "time" and "raw"
// keys is its own payload, not an export's record.
func TestOrdinaryJSONStaysJSON(t *testing.T) {
	line := `{"seq":7,"time":"2026-11-20T08:00:01Z","kind":"login","source":"10.0.0.1","raw":"x"}`
	es := decodeAll(Options{}, lineRecords(line))
	if len(es) != 1 || es[0].Kind != model.KindJSON || string(es[0].Raw) != line || es[0].Origin.Offset != 0 {
		t.Fatalf("read as %v %q offset %d", es[0].Kind, es[0].Raw, es[0].Origin.Offset)
	}
}
