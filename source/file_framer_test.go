package source

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// framed is what a framer produced: records plus the offsets it marked as
// unterminated.
type framed struct {
	recs         []model.Record
	unterminated []int64
}

// frame runs a framer with the given maximum over chunks, then flushes.
func frame(maxLine int, chunks [][]byte) framed {
	var out framed
	fr := newLineFramer(1, maxLine, func(r model.Record) error { out.recs = append(out.recs, r); return nil })
	fr.unterminated = func(off int64) { out.unterminated = append(out.unterminated, off) }
	now := time.Unix(1, 0)
	var off int64
	for _, c := range chunks {
		fr.feed(slices.Clone(c), off, now)
		off += int64(len(c))
	}
	fr.flush(now, "")
	return out
}

// frameReference is the framer's specification, written the simple way:
// split on newlines, cut each line at max (connlog's ndjson records at
// exportRecordLimit times it) and count the rest; a run of NULs
// (and the newlines among them) where a line starts is a gap.
func frameReference(maxLine int, data []byte) framed {
	var out framed
	var off int64
	for len(data) > 0 {
		if data[0] == 0 {
			n := len(data) - len(bytes.TrimLeft(data, "\x00\n"))
			nuls := bytes.Count(data[:n], []byte{0})
			out.recs = append(out.recs, model.Record{Source: 1, Offset: -1, Mark: model.MarkGap, Note: NoteNULBytes, Count: int64(nuls)})
			off += int64(n)
			data = data[n:]
			continue
		}
		line, rest, found := bytes.Cut(data, []byte{'\n'})
		limit := maxLine
		if bytes.HasPrefix(line, []byte(`{"seq":`)) {
			limit *= exportRecordLimit // connlog's own ndjson record
		}
		keep := line[:min(len(line), limit)]
		rec := model.Record{Raw: keep, Source: 1, Offset: off, OneLine: true}
		if len(line) > limit {
			rec.Note = model.NoteCutLine // its entry is flagged truncated
		}
		out.recs = append(out.recs, rec)
		if len(line) > limit || !found {
			out.unterminated = append(out.unterminated, off)
		}
		if len(line) > limit {
			out.recs = append(out.recs, model.Record{Source: 1, Offset: -1, Mark: model.MarkGap, Note: NoteLineTooLong, Count: int64(len(line) - limit)})
		}
		off += int64(len(line)) + 1
		data = rest
	}
	return out
}

func sameFramed(t *testing.T, got, want framed) {
	t.Helper()
	if len(got.recs) != len(want.recs) {
		t.Fatalf("got %d records, want %d:\n got %s\nwant %s", len(got.recs), len(want.recs), describe(got.recs), describe(want.recs))
	}
	for i := range got.recs {
		g, w := got.recs[i], want.recs[i]
		if !bytes.Equal(g.Raw, w.Raw) || g.Offset != w.Offset || g.Mark != w.Mark || g.Note != w.Note || g.Count != w.Count || g.Source != w.Source || g.OneLine != w.OneLine {
			t.Fatalf("record %d = %q@%d mark %d %q %d one line %v, want %q@%d mark %d %q %d one line %v", i,
				trim(string(g.Raw), 30), g.Offset, g.Mark, g.Note, g.Count, g.OneLine, trim(string(w.Raw), 30), w.Offset, w.Mark, w.Note, w.Count, w.OneLine)
		}
	}
	if !slices.Equal(got.unterminated, want.unterminated) {
		t.Fatalf("unterminated offsets %v, want %v", got.unterminated, want.unterminated)
	}
}

// chunked splits s into pieces of n bytes.
func chunked(s string, n int) [][]byte {
	var out [][]byte
	for len(s) > n {
		out = append(out, []byte(s[:n]))
		s = s[n:]
	}
	return append(out, []byte(s))
}

func TestFramerMaxLineLength(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		chunk   int
		maxLine int
	}{
		{"exactly the maximum", "12345\nab\n", 64, 5},
		{"one byte over", "123456\nab\n", 64, 5},
		{"far over, in one chunk", strings.Repeat("x", 100) + "\nab\n", 1000, 10},
		{"far over, across many chunks", strings.Repeat("y", 100) + "\nab\n", 7, 10},
		{"held start pushes it over", "abcdefgh" + "ijklmnop\nq\n", 8, 10},
		{"over at the end of input", "ok\n" + strings.Repeat("z", 30), 4, 10},
		{"empty lines", "\n\n\n", 1, 1},
		{"NULs in a cut line's dropped rest", "123456\x00\x00\nab\n", 6, 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sameFramed(t, frame(tc.maxLine, chunked(tc.input, tc.chunk)), frameReference(tc.maxLine, []byte(tc.input)))
		})
	}
}

func TestFramerQuietFlushWhileCutting(t *testing.T) {
	var recs []model.Record
	fr := newLineFramer(1, 4, func(r model.Record) error { recs = append(recs, r); return nil })
	now := time.Unix(1, 0)
	fr.feed([]byte("abcdefg"), 0, now) // cut at 4, dropping the rest
	fr.flush(now, NotePartialLine)     // a quiet file: the gap is sent with what was dropped so far
	fr.feed([]byte("hi\nj\n"), 7, now) // the rest of the line is a record of its own
	want := []string{`"abcd"@0`, `[gap "line too long" 3]`, `"hi"@7`, `"j"@10`}
	if got := strings.Fields(describe(recs)); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("records %v, want %v", got, want)
	}
}

func TestFileMaxLineDefault(t *testing.T) {
	path := logPath(t)
	long := strings.Repeat("L", 3*DefaultMaxLineBytes+17)
	writeFile(t, path, []byte("before\n"+long+"\nafter\n"))
	src := NewFile(path, 1, FileOptions{})
	r := start(t, src)
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"before", long[:DefaultMaxLineBytes], "after"})
	g := gaps(r.got)
	if len(g) != 1 || g[0].Note != NoteLineTooLong || g[0].Count != int64(len(long)-DefaultMaxLineBytes) {
		t.Fatalf("gaps %s", describe(g))
	}
	// The cut line re-reads as what was kept.
	cut := r.got[1]
	raw, err := src.ReadRaw(cut.Offset, len(cut.Raw), nil)
	if err != nil || !bytes.Equal(raw, cut.Raw) {
		t.Fatalf("ReadRaw of the cut line: %d bytes, %v", len(raw), err)
	}
}

func TestFramerStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := newBatcher(make(chan []model.Record)) // nobody receives
	fr := newLineFramer(1, 0, b.emitter(ctx))
	err := fr.feed([]byte(strings.Repeat("x\n", batchMaxRecords+1)), 0, time.Now())
	if err != context.Canceled {
		t.Fatalf("feed = %v, want context.Canceled", err)
	}
}

// FuzzLineFramer checks the framer against its reference on arbitrary
// input, arbitrary chunking and small line limits: the records must not
// depend on how the bytes were split into reads.
func FuzzLineFramer(f *testing.F) {
	f.Add([]byte("a\nbb\nccc\n"), uint16(3), uint8(2))
	f.Add([]byte("no newline at all"), uint16(1), uint8(4))
	f.Add([]byte("\r\n\x00\xff\n\n"), uint16(7), uint8(1))
	f.Add([]byte(strings.Repeat("long line ", 30)+"\nshort\n"), uint16(11), uint8(16))
	f.Add([]byte("a\n\x00\x00\x00\n\x00b\x00\n\n\x00"), uint16(5), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, seed uint16, maxLine uint8) {
		max := int(maxLine%64) + 1
		var chunks [][]byte
		state := uint32(seed) | 1
		for rest := data; len(rest) > 0; {
			state = state*1103515245 + 12345
			n := min(len(rest), int(state>>16)%17+1)
			chunks = append(chunks, rest[:n])
			rest = rest[n:]
		}
		sameFramed(t, frame(max, chunks), frameReference(max, data))
	})
}

func BenchmarkLineFramer(b *testing.B) {
	data := []byte(joinLines(numbered("bench", 4096)))
	fr := newLineFramer(1, 0, func(model.Record) error { return nil })
	now := time.Now()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if err := fr.feed(data, 0, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFileRead reads a 64 MiB log of ~120-byte lines to its end, the
// way `connlog export` without --follow does.
func BenchmarkFileRead(b *testing.B) {
	path := b.TempDir() + "/big.log"
	var buf bytes.Buffer
	for i := 0; buf.Len() < 64<<20; i++ {
		fmt.Fprintf(&buf, "2024-01-15T10:00:00.%06dZ [INFO] [connector] Connection %d from 10.0.%d.%d to resource.internal:443 accepted\n", i%1000000, i, i%256, i%200)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		out := make(chan []model.Record, 16)
		done := make(chan error, 1)
		go func() { done <- NewFile(path, 1, FileOptions{}).Run(context.Background(), out); close(out) }()
		n := 0
		for batch := range out {
			n += len(batch)
		}
		if err := <-done; err != nil || n == 0 {
			b.Fatalf("Run = %v after %d records", err, n)
		}
	}
}

// An ndjson record connlog wrote holds its line twice, escaped: it is kept
// whole up to exportRecordLimit times the longest line, in whatever
// chunks it comes, so that a line kept whole is read back whole; any other
// line is cut at the longest line, and so is a record past its limit.
func TestFramerKeepsAnExportRecordWhole(t *testing.T) {
	const maxLine = 16
	record := []byte(`{"seq":1,"raw":"` + strings.Repeat("y", 40) + `","fields":{"message":"` + strings.Repeat("y", 40) + `"}}`)
	other := append([]byte(`{"sequence":1,`), bytes.Repeat([]byte("z"), 60)...)
	tooLong := append([]byte(`{"seq":2,"raw":"`), bytes.Repeat([]byte("x"), maxLine*exportRecordLimit)...)
	data := slices.Concat(record, []byte("\n"), other, []byte("\n"), tooLong, []byte("\n"))
	for _, size := range []int{1, 3, 7, 16, 50, len(data)} {
		var chunks [][]byte
		for rest := data; len(rest) > 0; rest = rest[min(size, len(rest)):] {
			chunks = append(chunks, rest[:min(size, len(rest))])
		}
		got := frame(maxLine, chunks)
		sameFramed(t, got, frameReference(maxLine, data))
		if !bytes.Equal(got.recs[0].Raw, record) || len(got.recs[1].Raw) != maxLine || len(got.recs[3].Raw) != maxLine*exportRecordLimit {
			t.Fatalf("chunks of %d: %s", size, describe(got.recs))
		}
	}
}
