package source

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"connlog/model"
	"connlog/model/export"
)

// exportedEntries are entries as connlog's journal export writes them: two
// from the journal (one with a MESSAGE only the binary form can carry: a
// newline, a control byte, bytes that are not UTF-8, and a length whose
// own bytes hold a newline) and one line of a file, which gets a synthetic
// record.
func exportedEntries() []model.Entry {
	at := time.Date(2026, 12, 1, 8, 30, 0, 123456000, time.UTC)
	jf := &model.JournalFields{Cursor: "s=abc;i=1", Hostname: "gw-fra-1", Unit: "twingate-connector.service",
		Identifier: "twingate-connector", PID: 812, Priority: 6, BootID: strings.Repeat("ab", 16),
		InvocationID: "0123", Transport: "stdout"}
	odd := []byte("first line\nsecond\x01line \xff\xfe ")
	for len(odd)&0xff != '\n' {
		odd = append(odd, 'y') // a length whose low byte is a newline
	}
	return []model.Entry{
		{Time: at, Kind: model.KindService, Level: model.LevelInfo, Raw: []byte("[INFO] [connector] State: Online"),
			Origin: model.Origin{Received: at, Offset: -1, Journal: jf}},
		{Time: at.Add(time.Second), Kind: model.KindText, Level: model.LevelInfo, Raw: odd,
			Origin: model.Origin{Received: at.Add(time.Second), Offset: -1, Journal: jf}},
		{Time: at.Add(2 * time.Second), Kind: model.KindService, Level: model.LevelDebug,
			Raw:    []byte("2026-12-01T08:30:02.000000000Z [DEBUG] [libsdwan] listen::channel_event: channel 4"),
			Origin: model.Origin{Received: at.Add(2 * time.Second), Offset: 4096, Host: "gw-fra-2"}},
	}
}

// writeJournalExport writes es in the journal export format to a file, and
// returns its path.
func writeJournalExport(t *testing.T, es []model.Entry, compress export.Compression) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.New(&buf, export.Options{Format: export.FormatJournal, Compress: compress})
	if err != nil {
		t.Fatal(err)
	}
	for i := range es {
		if err := w.Write(&es[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "slice.export")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// readRecords runs the input's source to its end and returns its records.
func readRecords(t *testing.T, in Input, stdin io.Reader) []model.Record {
	t.Helper()
	r := start(t, NewInput(in, 3, FileOptions{TailFirst: true, ReuseBlocks: true}, stdin))
	if err := r.finish(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return r.got
}

func TestJournalExportReadsBackWhatWasExported(t *testing.T) {
	es := exportedEntries()
	for _, c := range []struct {
		name     string
		compress export.Compression
	}{{"plain", export.CompressNone}, {"gzip", export.CompressGzip}, {"zstd", export.CompressZstd}} {
		t.Run(c.name, func(t *testing.T) {
			got := readRecords(t, Input{Path: writeJournalExport(t, es, c.compress)}, nil)
			checkExportedRecords(t, got, es)
		})
	}
}

// checkExportedRecords holds the records read back to the entries
// exported: one each, in order, with the MESSAGE byte for byte, the time
// to the microsecond and the journal's fields.
func checkExportedRecords(t *testing.T, got []model.Record, es []model.Entry) {
	t.Helper()
	if len(got) != len(es) {
		t.Fatalf("read %d records, want %d: %s", len(got), len(es), describe(got))
	}
	for i, r := range got {
		e := es[i]
		if !bytes.Equal(r.Raw, e.Raw) {
			t.Errorf("record %d: Raw %q, want %q", i, r.Raw, e.Raw)
		}
		if want := e.Origin.Received.Truncate(time.Microsecond); !r.Received.Equal(want) {
			t.Errorf("record %d: Received %v, want %v", i, r.Received, want)
		}
		if r.Source != 3 || r.Mark != model.MarkLine {
			t.Errorf("record %d: source %d mark %v, want 3 and a line", i, r.Source, r.Mark)
		}
		if r.Journal == nil {
			t.Fatalf("record %d has no journal fields", i)
		}
		if jf := e.Origin.Journal; jf != nil && *r.Journal != *jf {
			t.Errorf("record %d: journal fields %+v, want %+v", i, *r.Journal, *jf)
		}
	}
	if h := got[2].Journal; h.Hostname != "gw-fra-2" || h.Priority != 7 {
		t.Errorf("a file's line read back: host %q priority %d, want gw-fra-2 and 7 (its level)", h.Hostname, h.Priority)
	}
}

// TestJournalExportMessagesAreReRead: a MESSAGE the file holds as text is
// re-read from it, as a line is, so that a big export is not held in
// memory; one in the binary form, or from a compressed file, is kept.
func TestJournalExportMessagesAreReRead(t *testing.T) {
	es := exportedEntries()
	for _, c := range []struct {
		compress  export.Compression
		reReadOne bool
	}{{export.CompressNone, true}, {export.CompressGzip, false}} {
		src := NewInput(Input{Path: writeJournalExport(t, es, c.compress)}, 3, FileOptions{}, nil)
		r := start(t, src)
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		rd, ok := src.(model.RawReader)
		if !ok {
			t.Fatalf("%T is no RawReader", src)
		}
		for i, rec := range r.got {
			wantReRead := c.reReadOne && i != 1 // the second's MESSAGE is binary
			if (rec.Offset >= 0) != wantReRead {
				t.Errorf("%v, record %d: offset %d, want re-readable %v", c.compress, i, rec.Offset, wantReRead)
				continue
			}
			if rec.Offset < 0 {
				continue
			}
			got, err := rd.ReadRaw(rec.Offset, len(rec.Raw), nil)
			if err != nil || !bytes.Equal(got, rec.Raw) {
				t.Errorf("record %d re-read at %d: %q, %v; want %q", i, rec.Offset, got, err, rec.Raw)
			}
		}
	}
}

func TestJournalExportOnStandardInput(t *testing.T) {
	es := exportedEntries()
	data, err := os.ReadFile(writeJournalExport(t, es, export.CompressNone))
	if err != nil {
		t.Fatal(err)
	}
	got := readRecords(t, Input{Path: StdinPath}, bytes.NewReader(data))
	checkExportedRecords(t, got, es)
}

// TestStdinLinesAreNotHeldForTheSniff feeds standard input one line and
// then nothing: the line must arrive though the input neither ends nor
// fills the sniffer's buffer, nor gives the bytes that tell compressed
// input from text.
func TestStdinLinesAreNotHeldForTheSniff(t *testing.T) {
	for _, first := range []string{"2026-12-01T08:30:00Z [INFO] [connector] up\n", "MESSAGE_LIKE=but a line of text\nnext\n",
		"BZh9\n", "LZI ok\n"} { // opening as a compressed input might, until their newline
		pr, pw := io.Pipe()
		t.Cleanup(func() { pw.Close() })
		r := start(t, NewInput(Input{Path: StdinPath}, 0, FileOptions{}, pr))
		go pw.Write([]byte(first))
		got := r.waitLines(1)
		if want := strings.SplitN(first, "\n", 2)[0]; string(got[0].Raw) != want || got[0].Journal != nil {
			t.Errorf("first record %q (journal %v), want the line %q", got[0].Raw, got[0].Journal, want)
		}
	}
}

func TestSniffExport(t *testing.T) {
	cases := []struct {
		head          string
		export, whole bool
	}{
		{"__CURSOR=s=1\n__REALTIME_TIMESTAMP=1\nMESSAGE=hi\n\n", true, false},
		{"__REALTIME_TIMESTAMP=1\nMESSAGE\n\x02\x00\x00\x00\x00\x00\x00\x00a\n\n", true, false},
		{"_HOSTNAME=h\nMESSAGE=hi\n", true, true},          // the whole input, without its last empty line
		{"_HOSTNAME=h\nMESSAGE=hi\n", false, false},        // more may come
		{"FOO=bar\nBAZ=1\n\n", false, false},               // fields, but none of an entry's
		{"level=info msg=hi\n\n", false, false},            // logfmt
		{"{\"MESSAGE\":\"hi\"}\n", false, true},            // journalctl -o json
		{"2026-12-01T08:30:00Z MESSAGE=hi\n", false, true}, // a line that mentions one
		{"MESSAGE=hi\nnot a field\n\n", false, false},      // text after a field
		{"", false, true},
	}
	for _, c := range cases {
		if got := looksJournalExport([]byte(c.head), c.whole); got != c.export {
			t.Errorf("looksJournalExport(%q, whole %v) = %v, want %v", c.head, c.whole, got, c.export)
		}
	}
}

// TestExportFramerHostile reads input no writer of the format would make:
// lines that are no field between entries, a length far past any value, a
// binary value cut by the end of the input, an entry without its last empty
// line. No entry around them is lost, and each line that is no field is
// a line of its own.
func TestExportFramerHostile(t *testing.T) {
	var in bytes.Buffer
	in.WriteString("MESSAGE=one\n__REALTIME_TIMESTAMP=1764577800000000\n\n")
	in.WriteString("garbage without a key\n=value\nlower=case\n\n")
	in.WriteString("MESSAGE\n")
	in.Write(binary.LittleEndian.AppendUint64(nil, 1<<62))
	in.WriteString("huge\nMESSAGE=two\n\n")
	in.WriteString("MESSAGE=three\n\n\n\n")
	in.WriteString("MESSAGE\n")
	in.Write(binary.LittleEndian.AppendUint64(nil, 100))
	in.WriteString("four, cut")
	got := frameExport(in.Bytes())
	var msgs []string
	for _, r := range got {
		msgs = append(msgs, string(r.Raw))
	}
	huge := "MESSAGE\n" + string(binary.LittleEndian.AppendUint64(nil, 1<<62)) + "huge"
	want := []string{"one", "garbage without a key", "=value", "lower=case", huge, "two", "three", "four, cut"}
	if strings.Join(msgs, "|") != strings.Join(want, "|") {
		t.Fatalf("messages %q, want %q", msgs, want)
	}
	if last := got[len(got)-1]; last.Note != model.NoteCutLine {
		t.Errorf("the cut value's note %q, want %q", last.Note, model.NoteCutLine)
	}
	for _, r := range got[1:5] {
		if r.Journal != nil {
			t.Errorf("the line %q that is no field came as a journal entry", r.Raw)
		}
	}
	if want := time.UnixMicro(1764577800000000); !got[0].Received.Equal(want) {
		t.Errorf("first entry received %v, want %v", got[0].Received, want)
	}
}

// frameExport frames data as the line source would and returns the
// export framer's records.
func frameExport(data []byte) []model.Record {
	var got []model.Record
	f := newExportFramer(0, func(r model.Record) { got = append(got, r) })
	fr := newLineFramer(0, DefaultMaxLineBytes, func(r model.Record) error {
		f.record(&r)
		return nil
	})
	fr.keepNULs = true
	now := time.Now()
	_ = fr.feed(bytes.Clone(data), -1, now)
	_ = fr.flush(now, "")
	f.flush()
	return got
}

func TestJournalExportGapsComeBack(t *testing.T) {
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	es := []model.Entry{
		{Time: at, Kind: model.KindGap, Level: model.LevelWarn, Origin: model.Origin{Offset: -1},
			Fields: model.Fields{model.Str(model.KeyGapReason, "rotation"), model.Int(model.KeyGapCount, 12),
				model.Str(model.KeyMessage, model.GapMessage("rotation", 12))}},
		{Time: at.Add(time.Second), Kind: model.KindText, Raw: []byte("after the gap"), Origin: model.Origin{Offset: 10}},
	}
	got := readRecords(t, Input{Path: writeJournalExport(t, es, export.CompressNone)}, nil)
	if len(got) != 2 || got[0].Mark != model.MarkGap || got[1].Mark != model.MarkLine || string(got[1].Raw) != "after the gap" {
		t.Fatalf("read back %s, want the gap, then the line", describe(got))
	}
	if msg := model.GapMessage(got[0].Note, got[0].Count); msg != model.GapMessage("rotation", 12) {
		t.Errorf("the gap read back says %q, want %q", msg, model.GapMessage("rotation", 12))
	}
}

func TestCompressedTextIsNotTakenForAnExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.log.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("line one\nline two\n"))
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := lineTexts(readRecords(t, Input{Path: path}, nil)); strings.Join(got, "|") != "line one|line two" {
		t.Errorf("read %q, want the two lines", got)
	}
}

func FuzzExportFramer(f *testing.F) {
	f.Add([]byte("MESSAGE=one\n\nMESSAGE\n\x03\x00\x00\x00\x00\x00\x00\x00a\nb\n\n"))
	f.Add([]byte("MESSAGE\n\n\x00\x00\x00\x00\x00\x00\x00\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := frameExport(data)
		if n := bytes.Count(data, []byte{'\n'}) + 1; len(got) > n {
			t.Fatalf("%d records from %d lines", len(got), n)
		}
		for _, r := range got {
			if r.Mark == model.MarkLine && len(r.Raw) > len(data) {
				t.Fatalf("a message of %d bytes from %d bytes of input", len(r.Raw), len(data))
			}
		}
	})
}

// An audit record's stamp goes out as the two fields journald keeps it in
// and comes back from them, in either order; a record without both, or of
// another transport, has none.
func TestJournalExportKeepsAuditStamps(t *testing.T) {
	at := time.Date(2026, 12, 4, 10, 0, 0, 23456000, time.UTC)
	jf := &model.JournalFields{Cursor: "s=abc;i=7", Hostname: "connector-1", Identifier: "audit", PID: 1234,
		Priority: -1, Transport: "audit", AuditStamp: "1796378400.023:456"}
	es := []model.Entry{{Time: at, Kind: model.KindAudit, Raw: []byte(`USER_LOGIN pid=1234 uid=0 msg='res=failed'`),
		Origin: model.Origin{Received: at, Offset: -1, Journal: jf}}}
	got := readRecords(t, Input{Path: writeJournalExport(t, es, export.CompressNone)}, nil)
	if len(got) != 1 || got[0].Journal == nil || *got[0].Journal != *jf {
		t.Fatalf("read back %s; want journal fields %+v", describe(got), *jf)
	}
	framed := frameExport([]byte("_AUDIT_ID=457\n_TRANSPORT=audit\n_SOURCE_REALTIME_TIMESTAMP=1796378400450000\nMESSAGE=AVC a=b\n\n" +
		"_TRANSPORT=audit\n_AUDIT_ID=458\nMESSAGE=AVC a=b\n\n" +
		"_TRANSPORT=stdout\n_AUDIT_ID=459\n_SOURCE_REALTIME_TIMESTAMP=1796378400450000\nMESSAGE=AVC a=b\n\n"))
	for i, want := range []string{"1796378400.450:457", "", ""} {
		if i >= len(framed) || framed[i].Journal == nil || framed[i].Journal.AuditStamp != want {
			t.Errorf("framed record %d of %s: want the stamp %q", i, describe(framed), want)
		}
	}
}
