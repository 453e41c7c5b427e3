package source

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

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
	rd, ok := ExportRecordsOf(src)
	records, isFile := rd.(*ExportRecords)
	if !ok || !isFile {
		t.Fatalf("%s read as %T, its records by %T: not a journal export file's", path, src, rd)
	}
	t.Cleanup(func() { records.Close() })
	return entriesOf(r.got), records
}

// entriesOf makes the entries the store would of records, as far as a
// journal export looks at them.
func entriesOf(recs []model.Record) []*model.Entry {
	var es []*model.Entry
	for _, rec := range recs {
		es = append(es, &model.Entry{Time: rec.Received, Raw: rec.Raw, Source: rec.Source,
			Origin: model.Origin{Received: rec.Received, Offset: rec.Offset, Journal: rec.Journal}})
	}
	return es
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
		if records.indexedAll {
			t.Errorf("gzip %v: an export in the file's order indexed it", gz)
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

// TestJournalExportOfStandardInputKeepsEveryField: a journal export read
// from standard input, whose bytes cannot be read again, keeps its latest
// records' fields: exported again it is the input, byte for byte.
func TestJournalExportOfStandardInputKeepsEveryField(t *testing.T) {
	data := journalctlRecord(1) + journalctlRecord(2) + journalctlRecord(3)
	for _, gz := range []bool{false, true} {
		in, err := os.ReadFile(writeExportFile(t, data, gz))
		if err != nil {
			t.Fatal(err)
		}
		src := NewInput(Input{Path: StdinPath}, 3, FileOptions{}, bytes.NewReader(in))
		r := start(t, src)
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		es := entriesOf(r.got)
		window, ok := ExportRecordsOf(src)
		if !ok {
			t.Fatal("standard input keeps no record")
		}
		if got := exportJournal(t, es, window, false); got != data {
			t.Errorf("gzip %v: export:\n%q\nwant the input\n%q", gz, got, data)
		}
	}
}

// TestRecordWindowIsBounded: the window keeps the latest records up to
// its bound, and forgets the oldest.
func TestRecordWindowIsBounded(t *testing.T) {
	w := newRecordWindow()
	filler := strings.Repeat("f", 4<<10)
	n := exportWindowBytes/len(filler) + 100
	for i := range n {
		var rf recordFields
		rf.add([]byte("__CURSOR"), fmt.Appendf(nil, "i=%d", i))
		rf.add([]byte("FILLER"), []byte(filler))
		w.put(fmt.Sprintf("i=%d", i), &rf)
	}
	if w.bytes > exportWindowBytes {
		t.Errorf("the window holds %d bytes, past its bound %d", w.bytes, exportWindowBytes)
	}
	for _, c := range []struct {
		i    int
		kept bool
	}{{0, false}, {99, false}, {n - 1, true}, {n - 1000, true}} {
		var fields int
		found, _ := w.JournalEntry(fmt.Sprintf("i=%d", c.i), model.Origin{}.Received, func([]byte) { fields++ })
		if found != c.kept || found && fields != 2 {
			t.Errorf("record %d of %d: found %v with %d fields, want kept %v", c.i, n, found, fields, c.kept)
		}
	}
}

// TestExportFileRecordsWrittenSince: a record written to a followed file
// since it was indexed is found, one the index saw cut included.
func TestExportFileRecordsWrittenSince(t *testing.T) {
	one, two, three := journalctlRecord(1), journalctlRecord(2), journalctlRecord(3)
	path := writeExportFile(t, one+two[:len(two)/2], false)
	r := newExportRecords(path, func(os.FileInfo) bool { return true })
	defer r.Close()
	lookUp := func(i int) string {
		var got []string
		cursor := fmt.Sprintf("s=0123;i=%x;b=0123456789abcdef0123456789abcdef;m=%x;t=5;x=9", i, i)
		found, err := r.JournalEntry(cursor, time.UnixMicro(int64(1764900000000000+i)), func(f []byte) { got = append(got, string(f)) })
		if err != nil || !found {
			return fmt.Sprintf("not found (%v)", err)
		}
		return strings.Join(got, "|")
	}
	if got := lookUp(1); !strings.Contains(got, "MY_EXTRA=after the message") {
		t.Fatalf("record 1: %s", got)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(two[len(two)/2:] + three)
	f.Close()
	for _, i := range []int{2, 3} {
		if got := lookUp(i); !strings.Contains(got, "MY_EXTRA=after the message") || !strings.Contains(got, "BIN=one\ntwo\x01") {
			t.Errorf("record %d written since: %q", i, got)
		}
	}
	if len(r.index) != 3 {
		t.Errorf("%d records indexed, want 3", len(r.index))
	}
}

// FuzzExportScanner: whatever the input, the scanner ends, each record it
// finds begins inside the input, and reading it again where it begins
// gives the same fields; every cursor the framer reads is one it finds.
func FuzzExportScanner(f *testing.F) {
	f.Add([]byte(journalctlRecord(1) + "no field\n\n" + journalctlRecord(2)))
	f.Add([]byte("__CURSOR=a\nMESSAGE\n\xff\xff\xff\xff\xff\xff\xff\xff\n\n__CURSOR=b\nBIN\n\x02\x00\x00\x00\x00\x00\x00\x00\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		scan := func(from int64) *exportScanner {
			br := bufio.NewReaderSize(bytes.NewReader(data[from:]), 16)
			return &exportScanner{br: br, pos: from, keep: keepEvery}
		}
		s := scan(0)
		cursors := map[string]bool{}
		for {
			var first, again recordFields
			start, err := s.next(first.add)
			if start < 0 || err != nil {
				break
			}
			if start >= int64(len(data)) {
				t.Fatalf("a record at %d of %d bytes", start, len(data))
			}
			if _, err := scan(start).next(again.add); err != nil || !bytes.Equal(first.buf, again.buf) {
				t.Fatalf("the record at %d read again: %q (%v), first %q", start, again.buf, err, first.buf)
			}
			first.each(func(field []byte) {
				if c, ok := bytes.CutPrefix(field, []byte("__CURSOR=")); ok {
					cursors[string(c)] = true
				}
			})
		}
		for _, r := range frameExport(data) {
			if r.Journal != nil && r.Journal.Cursor != "" && r.Note != model.NoteCutLine && !cursors[r.Journal.Cursor] {
				t.Fatalf("the framer read cursor %q, the scanner did not", r.Journal.Cursor)
			}
		}
	})
}
