//go:build linux

package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// Containers of the tests' Docker journals.
const (
	journalContainerA = "4cb6180740b3"
	journalContainerB = "0c4de2f5604c"
)

// journalDockerLog builds the entries Docker's journald driver writes for
// containers' lines, a millisecond apart, in the order they are added.
type journalDockerLog struct {
	entries []journalExportEntry
}

// add appends an entry of container's with MESSAGE msg. partial flags it as
// a piece whose line goes on in a later entry; id, when set, adds the
// metadata Docker 20.10 and later give every piece (ordinal counts a
// line's pieces from 1).
func (l *journalDockerLog) add(container string, msg []byte, partial bool, id string, ordinal int) {
	i := uint64(len(l.entries))
	e := journalExportEntry{
		{"__REALTIME_TIMESTAMP", fmt.Appendf(nil, "%d", 1_770_000_000_000_000+i*1000)},
		{"__MONOTONIC_TIMESTAMP", fmt.Appendf(nil, "%d", 1_000_000+i*1000)},
		{"_BOOT_ID", []byte(journalBootA)},
		{"_HOSTNAME", []byte("connector-1")},
		{"_SYSTEMD_UNIT", []byte("docker.service")},
		{"SYSLOG_IDENTIFIER", []byte(container)},
		{"_PID", []byte("812")},
		{"PRIORITY", []byte("6")},
		{"_SYSTEMD_INVOCATION_ID", []byte(journalInvocationB)},
		{"_TRANSPORT", []byte("journal")},
		{"CONTAINER_ID", []byte(container)},
		{"CONTAINER_NAME", []byte("twingate-" + container)},
		{"MESSAGE", msg},
	}
	if partial {
		e = append(e, journalExportField{"CONTAINER_PARTIAL_MESSAGE", []byte("true")})
	}
	if id != "" {
		e = append(e, journalExportField{"CONTAINER_PARTIAL_ID", []byte(id)},
			journalExportField{"CONTAINER_PARTIAL_ORDINAL", fmt.Appendf(nil, "%d", ordinal)},
			journalExportField{"CONTAINER_PARTIAL_LAST", fmt.Appendf(nil, "%t", !partial)})
	}
	l.entries = append(l.entries, e)
}

// line appends a whole line of container's.
func (l *journalDockerLog) line(container, msg string) { l.add(container, []byte(msg), false, "", 0) }

// lines appends n lines of container's, "<tag> 0000", "<tag> 0001", ...
func (l *journalDockerLog) lines(container, tag string, n int) {
	for i := range n {
		l.line(container, fmt.Sprintf("%s %04d", tag, i))
	}
}

// write makes the entries a journal directory.
func (l *journalDockerLog) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	journalWrite(t, filepath.Join(dir, "docker.journal"), l.entries)
	return dir
}

// journalSplit cuts msg into pieces of size bytes, the last shorter.
func journalSplit(msg []byte, size int) [][]byte {
	var out [][]byte
	for len(msg) > size {
		out = append(out, msg[:size])
		msg = msg[size:]
	}
	return append(out, msg)
}

// journalLongAnalytics is an ANALYTICS line of about n bytes: a closed
// connection whose resource address is long.
func journalLongAnalytics(n int) []byte {
	return fmt.Appendf(nil, `ANALYTICS {"connection": {"client_ip": "192.0.2.7", "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "10.0.0.9", "resource_port": 443, "rx": 234867, "tx": 23363}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "event_type": "closed_connection", "resource": {"address": "%s.example.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "user@twingate.com", "id": "113256"}}`,
		strings.Repeat("a", n))
}

// journalInterleavedAnalytics is a 40 KiB ANALYTICS line of container A in
// 3 pieces, with lines of container B around and between them, and how
// many entries come before and after.
func journalInterleavedAnalytics(l *journalDockerLog, before, after int) []byte {
	line := journalLongAnalytics(40 << 10)
	pieces := journalSplit(line, 16<<10)
	l.lines(journalContainerB, "before", before)
	l.add(journalContainerA, pieces[0], true, "431065540a2bcb51", 1)
	l.line(journalContainerB, "between one")
	l.add(journalContainerA, pieces[1], true, "431065540a2bcb51", 2)
	l.line(journalContainerB, "between two")
	l.add(journalContainerA, pieces[2], false, "431065540a2bcb51", 3)
	l.lines(journalContainerB, "after", after)
	return line
}

// journalShortLines cuts long lines short, for failure messages: a line
// of more than 60 bytes becomes its length and first 40.
func journalShortLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l
		if len(l) > 60 {
			out[i] = fmt.Sprintf("%d bytes: %s…", len(l), l[:40])
		}
	}
	return out
}

// journalReadModes are the ways a backfill is read that must join alike:
// forward, message-only (a raw export) and tail first, newest chunk first.
var journalReadModes = []struct {
	name string
	read func(t *testing.T, opts JournalOptions) []model.Record
}{
	{"forward", func(t *testing.T, opts JournalOptions) []model.Record { return journalMustRead(t, opts) }},
	{"message-only", func(t *testing.T, opts JournalOptions) []model.Record {
		opts.MessageOnly = true
		return journalMustRead(t, opts)
	}},
	{"tail-first", func(t *testing.T, opts JournalOptions) []model.Record {
		recs, _ := journalReadTailFirst(t, opts)
		return recs
	}},
}

// journalMustRead reads to the end and fails the test on an error.
func journalMustRead(t *testing.T, opts JournalOptions) []model.Record {
	t.Helper()
	recs, err := journalRead(t, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return recs
}

// journalLineWith returns the line record whose raw text is want.
func journalLineWith(t *testing.T, recs []model.Record, want []byte) model.Record {
	t.Helper()
	for _, r := range recs {
		if r.Mark == model.MarkLine && bytes.Equal(r.Raw, want) {
			return r
		}
	}
	t.Fatalf("no record holds the joined line (%d bytes); got:\n%s", len(want), journalDescribeShort(recs))
	return model.Record{}
}

// TestJournalJoinsSplitLines: a 40 KiB ANALYTICS line that Docker split in
// 3 entries, another container's lines between them, comes back as one
// line, with the first piece's time and fields, and decodes as one
// analytics entry; the other container's lines are intact and in order.
func TestJournalJoinsSplitLines(t *testing.T) {
	var l journalDockerLog
	line := journalInterleavedAnalytics(&l, 2, 2)
	dir := l.write(t)
	first := l.entries[2]
	firstTime := time.UnixMicro(1_770_000_000_002_000)
	want := []string{"before 0000", "before 0001", "between one", "between two", string(line), "after 0000", "after 0001"}
	for _, mode := range journalReadModes {
		t.Run(mode.name, func(t *testing.T) {
			recs := mode.read(t, JournalOptions{Directory: dir, Units: []string{"docker"}, Lines: 100})
			if diff := journalEqualLines(journalShortLines(journalLines(recs)), journalShortLines(want)); diff != "" {
				t.Fatalf("%s\ngot:\n%s", diff, journalDescribeShort(recs))
			}
			joined := journalLineWith(t, recs, line)
			if !joined.Received.Equal(firstTime) || joined.Note != "" {
				t.Errorf("joined line at %v note %q, want the first piece's time %v and no note", joined.Received, joined.Note, firstTime)
			}
			if j := joined.Journal; j.Identifier != first.value("SYSLOG_IDENTIFIER") || (mode.name != "message-only" && j.Unit != "docker.service") {
				t.Errorf("joined line's fields %+v", *j)
			}
			if mode.name != "message-only" && joined.Journal.Cursor != journalCursorOf(t, dir, 2) {
				t.Errorf("joined line's cursor %s, want the first piece's %s", joined.Journal.Cursor, journalCursorOf(t, dir, 2))
			}
			if mode.name != "message-only" && joined.Journal.EndCursor != journalCursorOf(t, dir, 6) {
				t.Errorf("joined line's end cursor %s, want the last piece's %s", joined.Journal.EndCursor, journalCursorOf(t, dir, 6))
			}
			for _, r := range recs {
				if r.Journal != nil && r.Journal.EndCursor != "" && !bytes.Equal(r.Raw, line) {
					t.Errorf("a line of one entry has an end cursor: %q", r.Raw)
				}
			}
			journalCheckAnalytics(t, joined)
		})
	}
}

// journalCheckAnalytics decodes r and requires one analytics entry with
// the connection's fields.
func journalCheckAnalytics(t *testing.T, r model.Record) {
	t.Helper()
	d := decode.New(0, decode.Options{Location: time.UTC})
	es := d.Flush(d.Decode(&r, nil))
	if len(es) != 1 {
		t.Fatalf("the joined line decodes to %d entries, want 1", len(es))
	}
	e := es[0]
	if e.Kind != model.KindAnalytics || e.Fields.Value(model.KeyEventType) != "closed_connection" ||
		e.Fields.Value(model.KeyConnID) != "e755ba99988db558-24" || e.Fields.Value(model.KeyUserEmail) != "user@twingate.com" {
		t.Fatalf("the joined line decodes as kind %v with fields %v", e.Kind, e.Fields)
	}
}

// journalTagged returns "<tag> 0000" ... for n lines.
func journalTagged(tag string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %04d", tag, i)
	}
	return out
}

// TestJournalJoinsAcrossTheTailFirstEdge: the edge between the newest
// chunk of a tail-first read and the one before falls on the middle piece
// of a split line, another container's line just before it; the chunk
// begins at the line's first piece instead, and the line comes whole, as a
// forward read gives it.
func TestJournalJoinsAcrossTheTailFirstEdge(t *testing.T) {
	var l journalDockerLog
	// From the end: 509 lines after, the last piece, "between two", the
	// middle piece: the newest chunk's 512 lines begin on it.
	line := journalInterleavedAnalytics(&l, 20, journalTailChunk-3)
	dir := l.write(t)
	want := append(append(journalTagged("before", 20), "between one", "between two", string(line)), journalTagged("after", journalTailChunk-3)...)
	for _, lines := range []int{10000, journalTailChunk, journalTailChunk - 1} {
		opts := JournalOptions{Directory: dir, Units: []string{"docker"}, Lines: lines}
		forward := journalMustRead(t, opts)
		tail, _ := journalReadTailFirst(t, opts)
		if diff := journalEqualLines(journalShortLines(journalLines(tail)), journalShortLines(journalLastN(want, len(journalLines(tail))))); diff != "" {
			t.Fatalf("-n %d: %s\ngot:\n%s", lines, diff, journalDescribeShort(tail))
		}
		journalLineWith(t, tail, line)
		for i := range tail {
			tail[i].Backfill = false
		}
		journalSameRecords(t, tail, forward)
	}
}

// TestJournalFlushesAnUnendedLine: a line whose last piece never came (the
// input ends after its second) is sent as it stands, flagged partial,
// after the lines read meanwhile; tail first, after the older chunks too.
func TestJournalFlushesAnUnendedLine(t *testing.T) {
	var l journalDockerLog
	l.lines(journalContainerB, "before", journalTailChunk)
	l.add(journalContainerA, []byte("ANALYTICS {\"connection\": "), true, "", 0)
	l.line(journalContainerB, "other")
	l.add(journalContainerA, []byte("{\"id\": \"cut-"), true, "", 0)
	dir := l.write(t)
	for _, mode := range journalReadModes {
		t.Run(mode.name, func(t *testing.T) {
			recs := mode.read(t, JournalOptions{Directory: dir, AllUnits: true, Lines: 10000})
			got := journalLineRecords(recs)
			n := len(got)
			if n != journalTailChunk+2 || string(got[0].Raw) != "before 0000" || string(got[n-2].Raw) != "other" ||
				string(got[n-1].Raw) != `ANALYTICS {"connection": {"id": "cut-` || got[n-1].Note != model.NotePartialLine {
				t.Fatalf("got:\n%s", journalDescribeShort(recs))
			}
		})
	}
}

// TestJournalCutsAnEndlessLine: a container that only writes pieces (519
// flagged entries of 100 bytes) makes lines of journalChainPieces pieces,
// each flagged cut, and the rest one flagged partial at the end: every
// byte comes, in order.
func TestJournalCutsAnEndlessLine(t *testing.T) {
	const n = 2*journalChainPieces + 7
	var l journalDockerLog
	var all []byte
	for i := range n {
		piece := fmt.Appendf(nil, "%099d|", i)
		all = append(all, piece...)
		l.add(journalContainerA, piece, true, "endless", i+1)
	}
	l.line(journalContainerB, "other")
	dir := l.write(t)
	for _, mode := range journalReadModes {
		t.Run(mode.name, func(t *testing.T) {
			recs := journalLineRecords(mode.read(t, JournalOptions{Directory: dir, AllUnits: true, Lines: 10000}))
			var got []byte
			notes := []string{}
			for _, r := range recs {
				if string(r.Raw) != "other" {
					got = append(got, r.Raw...)
					notes = append(notes, r.Note)
				}
			}
			if !bytes.Equal(got, all) {
				t.Fatalf("the pieces' bytes came back as %d bytes, want %d:\n%s", len(got), len(all), journalDescribeShort(recs))
			}
			want := []string{model.NoteCutLine, model.NoteCutLine, model.NotePartialLine}
			if fmt.Sprint(notes) != fmt.Sprint(want) || len(recs[0].Raw) != journalChainPieces*100 {
				t.Fatalf("notes %q, want %q; got:\n%s", notes, want, journalDescribeShort(recs))
			}
		})
	}
}

// TestJournalEndsALineAtAnotherPartialID: Docker 20.10 and later give a
// line's pieces one CONTAINER_PARTIAL_ID; a container stopped mid-line and
// started again writes its next line without it (or with another): the cut
// line is sent as it stands, not joined to the next. A runtime without the
// id (podman's conmon, older Docker) joins on the flag alone.
func TestJournalEndsALineAtAnotherPartialID(t *testing.T) {
	var l journalDockerLog
	l.add(journalContainerA, []byte("cut "), true, "1111", 1)
	l.line(journalContainerA, "next line")
	l.add(journalContainerA, []byte("cut again "), true, "2222", 1)
	l.add(journalContainerA, []byte("new "), true, "3333", 1)
	l.add(journalContainerA, []byte("line"), false, "3333", 2)
	l.add(journalContainerB, []byte("no "), true, "", 0)
	l.add(journalContainerB, []byte("id"), false, "", 0)
	dir := l.write(t)
	recs := journalMustRead(t, JournalOptions{Directory: dir, AllUnits: true, Lines: -1})
	got := journalLineRecords(recs)
	want := []struct{ raw, note string }{
		{"cut ", model.NotePartialLine}, {"next line", ""}, {"cut again ", model.NotePartialLine},
		{"new line", ""}, {"no id", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got:\n%s", journalDescribeShort(recs))
	}
	for i, w := range want {
		if string(got[i].Raw) != w.raw || got[i].Note != w.note {
			t.Fatalf("line %d: %q (%q), want %q (%q)", i, got[i].Raw, got[i].Note, w.raw, w.note)
		}
	}
}

// TestJournalFollowJoinsSplitLines: while following, a line begun in the
// backfill whose next pieces are written after it, one at a time, is sent
// once, whole, the backfill read forward or tail first.
func TestJournalFollowJoinsSplitLines(t *testing.T) {
	for _, tailFirst := range []bool{false, true} {
		t.Run(fmt.Sprintf("tail-first=%v", tailFirst), func(t *testing.T) {
			var l journalDockerLog
			l.line(journalContainerB, "start")
			l.add(journalContainerA, []byte("first "), true, "", 0)
			dir := t.TempDir()
			file := filepath.Join(dir, "docker.journal")
			journalWrite(t, file, l.entries)
			// A loaded machine may take seconds to write a piece: the line waits.
			f := journalStartWith(t, JournalOptions{Directory: dir, AllUnits: true, Lines: 10, TailFirst: tailFirst},
				func(j *Journal) { j.pieceQuiet = journalTestDeadline })
			l.add(journalContainerA, []byte("second "), true, "", 0)
			journalWrite(t, file, l.entries[len(l.entries)-1:])
			time.Sleep(50 * time.Millisecond) // the source reaches the end between the pieces
			l.add(journalContainerA, []byte("third"), false, "", 0)
			journalWrite(t, file, l.entries[len(l.entries)-1:])
			f.collectUntil("first second third")
			if want := []string{"start", "first second third"}; journalEqualLines(journalLines(f.got), want) != "" {
				t.Fatalf("%s", journalEqualLines(journalLines(f.got), want))
			}
		})
	}
}

// TestJournalFollowSendsAQuietLine: a followed line whose last piece does
// not come (its container stopped mid-line) is sent as it stands once it
// has waited partialLineTimeout.
func TestJournalFollowSendsAQuietLine(t *testing.T) {
	var l journalDockerLog
	l.line(journalContainerB, "start")
	dir := t.TempDir()
	file := filepath.Join(dir, "docker.journal")
	journalWrite(t, file, l.entries)
	f := journalStart(t, JournalOptions{Directory: dir, AllUnits: true, Lines: 10})
	l.add(journalContainerA, []byte("stopped mid-"), true, "", 0)
	journalWrite(t, file, l.entries[len(l.entries)-1:])
	f.collectUntil("stopped mid-")
	got := journalLineRecords(f.got)
	if last := got[len(got)-1]; last.Note != model.NotePartialLine {
		t.Fatalf("the unended line came with note %q", last.Note)
	}
}
