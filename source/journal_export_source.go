package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
	"time"

	"connlog/model"
)

// JournalExport reads the systemd journal export format from a line
// source: a file such as `connlog export --format journal` or `journalctl
// -o export` writes (compressed too), or standard input. Its records are
// the journal's entries, as the journal source sends them, so that a slice
// handed over by a colleague reads as the journal it came from. A MESSAGE
// written as text is re-read from the file, as a line is; the others' bytes
// are kept.
type JournalExport struct {
	lines Source
	id    model.SourceID
	spent chan<- []model.Record // the line batches read, given back to a File to fill again
	// finish, when set, makes the end of Run's ctx a stop: the entries of
	// the lines read are sent under it (see FileOptions.Finish).
	finish context.Context
	// records re-reads a file's records with every field; nil for
	// standard input, whose bytes cannot be read again.
	records *ExportRecords
	// window keeps the fields of standard input's latest records; nil for
	// a file.
	window *RecordWindow
}

// newJournalExportFile reads the journal export format from the lines of
// a file, giving it back each batch once read.
func newJournalExportFile(lines *File, id model.SourceID) *JournalExport {
	spent := make(chan []model.Record, 4)
	lines.spent, lines.keepNULs = spent, true
	return &JournalExport{lines: lines, id: id, spent: spent, finish: lines.finishContext(),
		records: newExportRecords(lines.Name(), lines.Holds)}
}

// RecordReader re-reads the records of an input in the journal export
// format with every field, by cursor and time (the interface of
// export.JournalEntries).
type RecordReader interface {
	JournalEntry(cursor string, realtime time.Time, fn func(field []byte)) (found bool, err error)
}

// ExportRecordsOf returns what re-reads the records of src when it reads
// the journal export format, a file's (ExportRecords) or standard input's
// (RecordWindow), so that a journal export writes every field of them;
// ok is false for any other input.
func ExportRecordsOf(src Source) (_ RecordReader, ok bool) {
	switch s := src.(type) {
	case *JournalExport:
		return s.records, s.records != nil
	case *sniffedStdin:
		return s.window, s.window != nil
	}
	return nil, false
}

// Name is the input's.
func (s *JournalExport) Name() string { return s.lines.Name() }

// State is the line source's, when it says one.
func (s *JournalExport) State() string {
	if st, ok := s.lines.(Stater); ok {
		return st.State()
	}
	return "reading"
}

// Recognises is the line source's (see Recogniser).
func (s *JournalExport) Recognises(f *os.File, fi fs.FileInfo) Verdict {
	if r, ok := s.lines.(Recogniser); ok {
		return r.Recognises(f, fi)
	}
	return NewLog
}

// ReadRaw re-reads a MESSAGE its file holds as text (model.RawReader):
// such a value is followed by its newline, as a line is, and is read as
// one. Its record's Offset says where; the others' is -1.
func (s *JournalExport) ReadRaw(offset int64, n int, buf []byte) ([]byte, error) {
	rd, ok := s.lines.(model.RawReader)
	if !ok {
		return buf, ErrRawGone
	}
	return rd.ReadRaw(offset, n, buf)
}

// ReadSpan reads neighbouring MESSAGEs at once (model.SpanReader).
func (s *JournalExport) ReadSpan(offset int64, n int, buf []byte) ([]byte, error) {
	rd, ok := s.lines.(model.SpanReader)
	if !ok {
		return buf, ErrRawGone
	}
	return rd.ReadSpan(offset, n, buf)
}

// giveBack hands a batch read to the line source to fill again, emptied so
// that it pins none of the bytes it pointed at, when the source takes it.
func (s *JournalExport) giveBack(recs []model.Record) {
	if s.spent == nil || cap(recs) == 0 {
		return
	}
	clear(recs)
	select {
	case s.spent <- recs:
	default:
	}
}

// Run reads the line source to its end (or follows it) and sends its
// entries. A batch of the line source's sends the entries ended in it; an
// empty batch (the mark that a followed file was read to its end) passes
// through, as does any gap the line source noticed.
func (s *JournalExport) Run(ctx context.Context, out chan<- []model.Record) error {
	lines := make(chan []model.Record, 2)
	done := make(chan error, 1)
	go func() {
		done <- s.lines.Run(ctx, lines)
		close(lines)
	}()
	var batch []model.Record
	fr := newExportFramer(s.id, func(r model.Record) { batch = append(batch, r) })
	fr.window = s.window
	send := sendUnder(ctx, s.finish)
	for recs := range lines {
		for i := range recs {
			fr.record(&recs[i])
		}
		s.giveBack(recs)
		if len(batch) > 0 || len(recs) == 0 {
			if !sendBatch(send, out, batch) {
				go func() {
					for range lines { // until the line source sees ctx is done
					}
				}()
				break
			}
			batch = nil
		}
	}
	err := <-done
	fr.flush()
	if len(batch) > 0 && send.Err() == nil {
		sendBatch(send, out, batch)
	}
	return err
}

// exportSniffBytes is how much of an input is read to tell the journal
// export format from lines of text.
const exportSniffBytes = 16 << 10

// IsJournalExportFile reports whether the file at path, decompressed when it
// is compressed, begins with an entry of the journal export format.
func IsJournalExportFile(path string) bool {
	// A named pipe is not even opened: its reader would take a writer's
	// bytes from its source, or make it wait.
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := openNonBlocking(path) // nor waited for, if one took the file's place
	if err != nil {
		return false // its source says why when it runs
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	r, _, release, err := decompressor(f)
	defer release()
	if err != nil {
		return false
	}
	head := make([]byte, exportSniffBytes, exportSniffBytes+2)
	n, _ := io.ReadFull(r, head)
	return looksJournalExport(head[:n], n < exportSniffBytes)
}

// looksJournalExport reports whether head begins as the journal export
// format does (see sniffExport); a head that does not say is not. whole
// says head is all of its input, which ends its last line and entry.
func looksJournalExport(head []byte, whole bool) bool {
	if whole {
		head = append(head, '\n', '\n')
	}
	export, _ := sniffExport(head)
	return export
}

// sniffExport reports whether head begins as the journal export format
// does: with field lines (KEY=value, or KEY before a binary value) among
// which is the entry's time, cursor or MESSAGE, before anything else.
// decided is false while the first entry's fields go on past head; export
// is then whether head ends inside a field line (a long MESSAGE) after
// such fields, which is all a head full of them can tell. Nothing past a
// binary value's name is looked at, since its bytes may be anything.
func sniffExport(head []byte) (export, decided bool) {
	known := false
	for {
		line, rest, ended := bytes.Cut(head, []byte{'\n'})
		if ended && len(line) == 0 {
			return known, true
		}
		key, _, text := bytes.Cut(line, []byte{'='})
		field := model.IsJournalFieldName(key)
		known = known || field && entryKey(key)
		switch {
		case !ended:
			return field && known, false
		case !field:
			return false, true
		case !text:
			return known, true
		}
		head = rest
	}
}

// entryKey reports whether key names a field every entry of an export has
// one of: its time, its cursor or its MESSAGE.
func entryKey(key []byte) bool {
	switch string(key) {
	case "__CURSOR", "__REALTIME_TIMESTAMP", "MESSAGE":
		return true
	}
	return false
}

// sniffedStdin is standard input that may hold the journal export format
// (`journalctl -o export | connlog -`): it decides when it runs, from the
// first bytes that arrive, and reads lines or entries.
type sniffedStdin struct {
	r       io.Reader
	id      model.SourceID
	maxLine int
	finish  context.Context       // see Stdin.finish
	chosen  atomic.Pointer[Stdin] // the lines read, once chosen
	window  *RecordWindow         // the fields of the latest records, when they are the journal export format
}

// Name returns "stdin".
func (s *sniffedStdin) Name() string { return stdinName }

// State is that of the lines read, once Run has chosen.
func (s *sniffedStdin) State() string {
	if lines := s.chosen.Load(); lines != nil {
		return lines.State()
	}
	return "reading"
}

// Run waits for the first bytes (or the input's end, or ctx), chooses, and
// runs the chosen source on everything read, decompressed when it is
// compressed (`cat app.log.1.gz | connlog -`).
func (s *sniffedStdin) Run(ctx context.Context, out chan<- []model.Record) error {
	sniffed := make(chan sniffedInput, 1)
	go func() { sniffed <- sniffInput(s.r) }()
	var in sniffedInput
	select {
	case in = <-sniffed:
	case <-ctx.Done():
		// Standard input cannot be interrupted: its read is abandoned, and
		// a decoder made once it returns is released.
		go func() { (<-sniffed).release() }()
		return nil
	}
	maxLine := s.maxLine
	if in.export {
		maxLine = exportLineBytes(maxLine)
	}
	lines := NewStdin(in.br, s.id).WithMaxLineBytes(maxLine)
	lines.keepNULs = in.export
	lines.finish = s.finish
	if in.c != nil {
		lines.compressed = &compressedStdin{c: in.c, decoded: in.decoded, release: in.release, err: in.err}
	}
	s.chosen.Store(lines)
	if in.export {
		return (&JournalExport{lines: lines, id: s.id, finish: s.finish, window: s.window}).Run(ctx, out)
	}
	return lines.Run(ctx, out)
}

// sniffedInput is what the first bytes of standard input told: how it is
// compressed (c nil: it is not), and whether what it holds is the journal
// export format; br reads what it holds.
type sniffedInput struct {
	br      *bufio.Reader
	c       *compression
	decoded io.Reader
	release func()
	err     error // from decompressed
	export  bool
}

// sniffInput reads as little of r as tells how it is compressed, then as
// little of what it holds as sniffStream needs.
func sniffInput(r io.Reader) sniffedInput {
	br := bufio.NewReaderSize(r, exportSniffBytes)
	in := sniffedInput{c: compressionOf(streamHead(br)), br: br}
	if in.c == nil {
		in.release = func() {}
		in.export = sniffStream(br)
		return in
	}
	in.decoded, in.release, in.err = decompressed(br, in.c)
	in.br = bufio.NewReaderSize(in.decoded, exportSniffBytes)
	if in.err == nil {
		in.export = sniffStream(in.br)
	}
	return in
}

// sniffStream reads as little of br as tells whether it holds the journal
// export format: a first line of text decides at once, so that a follow
// of lines is not held back; the fields of an entry decide at its end.
// What br holds already (what told how it is compressed) is looked at
// before it waits for more.
func sniffStream(br *bufio.Reader) bool {
	for {
		head, _ := br.Peek(br.Buffered())
		if export, decided := sniffExport(head); decided {
			return export
		}
		if _, err := br.Peek(len(head) + 1); err != nil { // waits for one more read
			head, _ = br.Peek(br.Buffered())
			ended := !errors.Is(err, bufio.ErrBufferFull)
			return looksJournalExport(bytes.Clone(head), ended)
		}
	}
}
