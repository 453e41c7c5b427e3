package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"connlog/model"
	"connlog/model/export"
)

// binaryField is a field in the export format's binary form.
func binaryField(name, value string) string {
	return name + "\n" + string(binary.LittleEndian.AppendUint64(nil, uint64(len(value)))) + value + "\n"
}

// journalctlRecord is record i as journalctl -o export writes it: its
// cursor and times, __SEQNUM, fields connlog does not keep, and values
// only the binary form carries (one whose length holds a newline).
func journalctlRecord(i int) string {
	return fmt.Sprintf("__CURSOR=s=0123;i=%x;b=0123456789abcdef0123456789abcdef;m=%x;t=5;x=9\n"+
		"__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n__SEQNUM=%d\n__SEQNUM_ID=0123\n"+
		"_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=gw1\nPRIORITY=6\n_UID=998\n"+
		"_SYSTEMD_UNIT=twingate-connector.service\n", i, i, 1764900000000000+i, i, i) +
		binaryField("BIN", "one\ntwo\x01") + "CODE_FILE=src/x.rs\n" +
		binaryField("TEN_BYTES", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09") +
		fmt.Sprintf("MESSAGE=[INFO] [relay] hello %d\nMY_EXTRA=after the message\n\n", i)
}

// writeExportFile writes the records to a file, compressed or not.
func writeExportFile(t *testing.T, data string, gz bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.export")
	b := []byte(data)
	if gz {
		var buf bytes.Buffer
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
		path, b = path+".gz", buf.Bytes()
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// readExportInput reads the export file at path as connlog does, and
// returns its entries and what re-reads their records.
func readExportInput(t *testing.T, path string) ([]*model.Entry, *ExportRecords) {
	t.Helper()
	src := NewInput(Input{Path: path}, 3, FileOptions{}, nil)
	r := start(t, src)
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	je, ok := src.(*JournalExport)
	if !ok {
		t.Fatalf("%s read as %T, not a journal export", path, src)
	}
	records, ok := je.Records()
	if !ok {
		t.Fatal("a journal export file's records cannot be re-read")
	}
	t.Cleanup(func() { records.Close() })
	var es []*model.Entry
	for _, rec := range r.got {
		es = append(es, &model.Entry{Time: rec.Received, Raw: rec.Raw, Source: rec.Source,
			Origin: model.Origin{Received: rec.Received, Offset: rec.Offset, Journal: rec.Journal}})
	}
	return es, records
}

// exportJournal writes es in the journal export format, their records
// re-read by records (unless redacted).
func exportJournal(t *testing.T, es []*model.Entry, records export.JournalEntries, redact bool) string {
	t.Helper()
	opts := export.Options{Format: export.FormatJournal, Sources: []export.SourceInfo{{ID: 3, Name: "in", Entries: records}}}
	if redact {
		opts.Redact = export.NewRedactor()
	}
	var buf bytes.Buffer
	w, err := export.New(&buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if err := w.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestJournalExportOfAnExportFileIsByteIdentical: an export file read and
// exported again in the journal format gives back its records byte for
// byte, every field in its order, binary values included, plain or
// compressed; a slice of it gives back each chosen record whole.
func TestJournalExportOfAnExportFileIsByteIdentical(t *testing.T) {
	var recs []string
	for i := 1; i <= 5; i++ {
		recs = append(recs, journalctlRecord(i))
	}
	data := strings.Join(recs, "")
	for _, gz := range []bool{false, true} {
		es, records := readExportInput(t, writeExportFile(t, data, gz))
		if len(es) != 5 {
			t.Fatalf("gzip %v: %d entries, want 5", gz, len(es))
		}
		if got := exportJournal(t, es, records, false); got != data {
			t.Errorf("gzip %v: export of every entry:\n%q\nwant the input\n%q", gz, got, data)
		}
		// Out of order too: a compressed file is read from its start again.
		if got, want := exportJournal(t, []*model.Entry{es[3], es[1]}, records, false), recs[3]+recs[1]; got != want {
			t.Errorf("gzip %v: export of a slice:\n%q\nwant its records\n%q", gz, got, want)
		}
		if got := exportJournal(t, es[:1], records, true); strings.Contains(got, "MY_EXTRA") || strings.Contains(got, "_UID") {
			t.Errorf("gzip %v: a redacted export wrote fields the redactor never saw:\n%q", gz, got)
		}
	}
}

// TestExportFileRecordsOnlyTheEntrys: a record is given back only when its
// cursor and time are the entry's: a record without a cursor, a file
// changed or cut since it was read, give connlog's fields, never another
// record's; records of one cursor (a hand-written export's) are told apart
// by their times.
func TestExportFileRecordsOnlyTheEntrys(t *testing.T) {
	cursorless := "__REALTIME_TIMESTAMP=1764900000000009\nMY_EXTRA=x\nMESSAGE=no cursor\n\n"
	twice := func(us int, extra string) string {
		return fmt.Sprintf("__CURSOR=s=1;i=1\n__REALTIME_TIMESTAMP=%d\nMY_EXTRA=%s\nMESSAGE=same cursor\n\n", us, extra)
	}
	data := cursorless + twice(1764900000000001, "first") + twice(1764900000000002, "second")
	path := writeExportFile(t, data, false)
	es, records := readExportInput(t, path)
	if got, want := exportJournal(t, es, records, false),
		"__REALTIME_TIMESTAMP=1764900000000009\nMESSAGE=no cursor\n\n"+twice(1764900000000001, "first")+twice(1764900000000002, "second"); got != want {
		t.Errorf("export:\n%q\nwant\n%q", got, want)
	}
	// The same cursors at other times, and the file cut short.
	changed := twice(1764900000000007, "other") + twice(1764900000000008, "other")
	if err := os.WriteFile(path, []byte(changed[:len(changed)-5]), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*ExportRecords{"indexed before": records, "indexed after": newExportRecords(path, func(os.FileInfo) bool { return true })} {
		got := exportJournal(t, es[1:], r, false)
		if strings.Contains(got, "MY_EXTRA") {
			t.Errorf("%s the change: a changed file gave another record's fields:\n%q", name, got)
		}
		if strings.Count(got, "MESSAGE=same cursor\n") != 2 {
			t.Errorf("%s the change: export lost entries:\n%q", name, got)
		}
	}
}

// TestExportFileIndexHoldsNoField: indexing an export file keeps 16 bytes
// a record, not its fields: 100,000 records of 300 bytes add far less to
// the heap than the 30 MB they hold.
func TestExportFileIndexHoldsNoField(t *testing.T) {
	var b strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&b, "__CURSOR=s=1;i=%x\n__REALTIME_TIMESTAMP=%d\nFILLER=%s\nMESSAGE=line %d\n\n", i, 1764900000000000+i, strings.Repeat("f", 220), i)
	}
	path := writeExportFile(t, b.String(), false)
	r := newExportRecords(path, func(os.FileInfo) bool { return true })
	defer r.Close()
	before := heapInUse()
	found, err := r.JournalEntry("s=1;i=1869f", model.Origin{}.Received, func([]byte) {})
	after := heapInUse()
	if err != nil || found {
		t.Fatalf("look-up at another time: found %v, %v; want not found", found, err)
	}
	if grew := int64(after) - int64(before); grew > 8<<20 {
		t.Errorf("indexing %d bytes grew the heap by %d bytes", b.Len(), grew)
	}
	if len(r.index) != 100_000 {
		t.Errorf("index of %d records, want 100000", len(r.index))
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
