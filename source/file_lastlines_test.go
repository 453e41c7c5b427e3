package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"connlog/model"
)

// TestLastLinesStart: where the last n lines begin, counted as tail -n
// counts them, within one block read back and across several.
func TestLastLinesStart(t *testing.T) {
	long := joinLines(numbered("x", 3*lineSearchBytes/40)) // lines of about 40 bytes over three blocks
	longLines := strings.Count(long, "\n")
	for _, c := range []struct {
		name, text string
		n          int
		want       string // the text from where the last n lines begin
	}{
		{"ended lines", "a\nb\nc\n", 1, "c\n"},
		{"two of them", "a\nb\nc\n", 2, "b\nc\n"},
		{"as many as there are", "a\nb\nc\n", 3, "a\nb\nc\n"},
		{"more than there are", "a\nb\nc\n", 9, "a\nb\nc\n"},
		{"a last line without its newline", "a\nb\nc", 1, "c"},
		{"two, the last without its newline", "a\nb\nc", 2, "b\nc"},
		{"empty lines count", "a\n\n\n", 2, "\n\n"},
		{"one line", "a\n", 1, "a\n"},
		{"nothing", "", 1, ""},
		{"across blocks", long, longLines - 1, long[strings.IndexByte(long, '\n')+1:]},
		{"the last of many", long, 1, long[strings.LastIndexByte(long[:len(long)-1], '\n')+1:]},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := lastLinesStart(strings.NewReader(c.text), int64(len(c.text)), c.n)
			if err != nil {
				t.Fatal(err)
			}
			if c.text[got:] != c.want {
				t.Errorf("the last %d lines begin at %d: %q, want %q", c.n, got, trim(c.text[got:], 60), trim(c.want, 60))
			}
		})
	}
}

// TestLastLinesOfAShrunkFile: a file shorter than the size it was stat'ed
// with (cut meanwhile) is an error, not lines made up of zeros.
func TestLastLinesOfAShrunkFile(t *testing.T) {
	if _, err := lastLinesStart(strings.NewReader("a\nb\n"), 10, 1); err == nil {
		t.Error("no error for a file shorter than its size")
	}
}

// TestFileReadsItsLastLines: a file read with LastLines sends its last
// lines, at the offsets a whole read gives them (and re-reads them there),
// then follows what is written after them; FromEnd sends only that.
func TestFileReadsItsLastLines(t *testing.T) {
	lines := numbered("old", 50)
	for _, c := range []struct {
		name string
		opts FileOptions
		want []string
	}{
		{"the last 5", FileOptions{Follow: true, LastLines: 5}, lines[45:]},
		{"more than it holds", FileOptions{Follow: true, LastLines: 500}, lines},
		{"from its end", FileOptions{Follow: true, FromEnd: true}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, joinLines(lines))
			src := NewFile(path, 1, c.opts)
			r := start(t, src)
			waitFor(t, "following", func() bool { return src.State() == "following" })
			appendTo(t, path, "new line\n")
			got := r.waitLines(len(c.want) + 1)
			equalLines(t, lineTexts(got), append(append([]string(nil), c.want...), "new line"))
			whole := joinLines(lines)
			for _, rec := range got {
				want := rec.Raw
				if rec.Offset < int64(len(whole)) && whole[rec.Offset:rec.Offset+int64(len(want))] != string(want) {
					t.Errorf("line %q sent at offset %d, where the file holds %q", want, rec.Offset, trim(whole[rec.Offset:], 40))
				}
				raw, err := src.ReadRaw(rec.Offset, len(want), nil)
				if err != nil || !bytes.Equal(raw, want) {
					t.Errorf("ReadRaw at %d: %q, %v; want %q", rec.Offset, raw, err, want)
				}
			}
		})
	}
}

// TestLastLinesKeepTheirEntryWhole: the last lines asked for begin where
// the entry holding the first of them begins, as the decoder's PartStart
// tells: a stack trace or a JSON document is not cut.
func TestLastLinesKeepTheirEntryWhole(t *testing.T) {
	entryStart := func(prev, line []byte) (entry, timed bool) {
		stamped := bytes.HasPrefix(line, []byte("2026-"))
		return stamped, stamped
	}
	text := "2026-11-20T08:00:00Z first\n2026-11-20T08:00:01Z ERROR panic\n    at a(x.go:1)\n    at b(y.go:2)\n2026-11-20T08:00:02Z ok"
	for _, c := range []struct {
		n     int
		start func(prev, line []byte) (entry, timed bool)
		want  string
	}{
		{1, entryStart, "2026-11-20T08:00:02Z ok"},
		{2, entryStart, "2026-11-20T08:00:01Z ERROR panic"}, // not "at b"
		{4, entryStart, "2026-11-20T08:00:01Z ERROR panic"},
		{5, entryStart, "2026-11-20T08:00:00Z first"},
		{2, nil, "    at b(y.go:2)"}, // no decoder to ask: lines as they are
	} {
		t.Run(fmt.Sprint(c.n, c.start != nil), func(t *testing.T) {
			path := logPath(t)
			appendTo(t, path, text)
			r := start(t, NewFile(path, 1, FileOptions{LastLines: c.n, PartStart: c.start}))
			if err := r.finish(); err != nil {
				t.Fatal(err)
			}
			if got := lineTexts(r.got); len(got) == 0 || got[0] != c.want {
				t.Errorf("the last %d lines read %q, want them from %q", c.n, got, c.want)
			}
		})
	}
}

// TestLastLinesOfUntimedEntries: when the first of the last lines begins
// an entry, though one without a time of its own, the lines are the last
// ones asked for, not moved back to a timed line before them.
func TestLastLinesOfUntimedEntries(t *testing.T) {
	ask := func(prev, line []byte) (entry, timed bool) { return true, bytes.HasPrefix(line, []byte("2026-")) }
	path := logPath(t)
	appendTo(t, path, "2026-11-20T08:00:00Z first\nu1\nu2\nu3\n")
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 2, PartStart: ask}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"u2", "u3"})
}

// TestLastLinesInTheFilesFirstEntry: the entry to keep whole may be the
// file's first.
func TestLastLinesInTheFilesFirstEntry(t *testing.T) {
	entryStart := func(prev, line []byte) (entry, timed bool) { return line[0] != ' ', line[0] != ' ' }
	path := logPath(t)
	appendTo(t, path, "ERROR panic\n    at a(x.go:1)\n    at b(y.go:2)\nok\n")
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 3, PartStart: entryStart}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"ERROR panic", "    at a(x.go:1)", "    at b(y.go:2)", "ok"})
}

// TestLastLinesBeginTimed: cutting an entry without a time of its own (a
// JSON document), the last lines begin at the timed line before it, the
// file's first one included, so that the entry is not given the time it
// is read at.
func TestLastLinesBeginTimed(t *testing.T) {
	ask := func(prev, line []byte) (entry, timed bool) {
		stamped := bytes.HasPrefix(line, []byte("2026-"))
		return stamped || line[0] == '{', stamped
	}
	path := logPath(t)
	appendTo(t, path, "2026-11-20T08:00:00Z first\n{\n  \"msg\": \"multi\"\n}\n2026-11-20T08:00:01Z after\n")
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 2, PartStart: ask}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	if got := lineTexts(r.got); len(got) != 5 {
		t.Errorf("the last 2 lines read %q, want them from the file's first, timed line", got)
	}
}

// TestLastLinesOfACompressedFile: a compressed file, which cannot be
// read from its end, is read to it, and its last lines sent, moved back to
// the start of an entry they cut; with FromEnd, none.
func TestLastLinesOfACompressedFile(t *testing.T) {
	entryStart := func(prev, line []byte) (entry, timed bool) { return line[0] != ' ', line[0] != ' ' }
	lines := append(numbered("old", 3000), "ERROR panic", "    at a(x.go:1)", "    at b(y.go:2)", "ok")
	for _, c := range []struct {
		name string
		opts FileOptions
		want []string
	}{
		{"the last 2", FileOptions{LastLines: 2}, lines[len(lines)-2:]},
		{"cutting an entry", FileOptions{LastLines: 3, PartStart: entryStart}, lines[len(lines)-4:]},
		{"more than it holds", FileOptions{LastLines: 5000, PartStart: entryStart}, lines},
		{"from its end", FileOptions{FromEnd: true}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := logPath(t) + ".gz"
			writeFile(t, path, gzipped(t, joinLines(lines)))
			r := start(t, NewFile(path, 1, c.opts))
			if err := r.finish(); err != nil {
				t.Fatal(err)
			}
			equalLines(t, lineTexts(r.got), c.want)
		})
	}
}

// TestLastLinesOfAPipeFail: a named pipe has no end to count back from;
// its source says so instead of waiting for one.
func TestLastLinesOfAPipeFail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := unix.Mkfifo(path, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 1})) // no writer is waited for
	if err := r.finish(); err == nil || !strings.Contains(err.Error(), "tail -n") {
		t.Errorf("Run: %v; want an error that says to use tail", err)
	}
}

// TestFirstOfLast: where the last lines of a stream begin, moved back to
// their entry's first line within what was kept.
func TestFirstOfLast(t *testing.T) {
	ask := func(prev, line []byte) (entry, timed bool) { return line[0] != ' ', true }
	recs := func(lines ...string) []model.Record {
		var out []model.Record
		for _, l := range lines {
			out = append(out, model.Record{Raw: []byte(l), Mark: model.MarkLine})
		}
		return out
	}
	for _, c := range []struct {
		name  string
		recs  []model.Record
		n     int
		whole bool
		want  int
	}{
		{"an entry's first line", recs("a", "b", "c"), 1, true, 2},
		{"inside an entry", recs("a", "b", " 1", " 2"), 1, true, 1},
		{"an entry begun before what was kept", recs(" 0", " 1", " 2"), 1, false, 2},
		{"an entry that is the stream's first", recs(" 0", " 1", " 2"), 1, true, 0},
		{"a gap before", append(recs("a"), append([]model.Record{{Mark: model.MarkGap}}, recs(" 1", " 2")...)...), 1, true, 2},
		{"no decoder to ask", recs("a", " 1"), 1, true, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := ask
			if c.name == "no decoder to ask" {
				a = nil
			}
			if got := firstOfLast(c.recs, c.n, c.whole, a); got != c.want {
				t.Errorf("got %d, want %d", got, c.want)
			}
		})
	}
}

// FuzzLastLinesStart holds lastLinesStart to tail -n's count, made the
// plain way: split the text into lines and keep the last n.
func FuzzLastLinesStart(f *testing.F) {
	f.Add("a\nb\nc\n", 2)
	f.Add("a\n\nb", 1)
	f.Add("\n\n\n", 5)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n <= 0 || n > 1000 {
			return
		}
		got, err := lastLinesStart(strings.NewReader(text), int64(len(text)), n)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(text, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1] // the text ends with a newline: no line after it
		}
		want := strings.Join(lines[max(len(lines)-n, 0):], "")
		if text[got:] != want {
			t.Errorf("the last %d lines of %q: %q, want %q", n, text, text[got:], want)
		}
	})
}

// TestLastLinesTailFirst: last lines that span more than a tail-first
// read's threshold are read tail first, down to where they begin and no
// further: every one of them once, in order, at its offset.
func TestLastLinesTailFirst(t *testing.T) {
	all := varied(3000)
	for _, c := range []struct {
		name  string
		n     int
		sizes tailFirstSizes
	}{
		{"tiny blocks", 2000, tailFirstSizes{min: 1, tail: 1000, blockBytes: 100}},
		{"blocks of a few lines", 1234, tailFirstSizes{min: 1, tail: 5000, blockBytes: 1000}},
		{"lines longer than a block", 700, tailFirstSizes{min: 1, tail: 300, blockBytes: 10}},
		{"tail longer than the lines", 10, tailFirstSizes{min: 1, tail: 1 << 20, blockBytes: 100}},
		{"under the threshold: read forward", 10, tailFirstSizes{min: 1 << 20, tail: 1000, blockBytes: 100}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := logPath(t)
			content := joinLines(all)
			appendTo(t, path, content)
			f := NewFile(path, 1, FileOptions{Follow: true, TailFirst: true, LastLines: c.n})
			f.tailSizes = c.sizes
			r := start(t, f)
			tl := &timeline{t: t}
			want := all[len(all)-c.n:]
			tl.collect(r, "the last lines", func() bool { return tl.lines() >= len(want) })
			waitFor(t, "the state to leave indexing", func() bool { return f.State() == "following" })
			for len(r.out) > 0 {
				tl.add(<-r.out)
			}
			equalLines(t, lineTexts(tl.recs), want)
			span := int64(len(joinLines(want)))
			if tailFirst := span >= c.sizes.minSize() && span > c.sizes.tailSize(); tailFirst != (tl.backfill > 0) {
				t.Errorf("%d backfill batches; a tail-first read: %v", tl.backfill, tailFirst)
			}
			first := int64(len(content)) - span
			for i, rec := range tl.recs {
				if want := first + int64(len(joinLines(all[len(all)-c.n:len(all)-c.n+i]))); rec.Offset != want {
					t.Fatalf("line %d at offset %d, want %d", i, rec.Offset, want)
				}
			}
		})
	}
}

// TestLastRecordsKeepTheLast: a stream's read keeps its last records,
// whatever the batches, and never many more (what it drops, it lets go).
func TestLastRecordsKeepTheLast(t *testing.T) {
	for _, batch := range []int{1, 3, 7, 50} {
		l := lastRecords{keep: 10}
		var all []string
		for i := 0; i < 200; i += batch {
			var b []model.Record
			for j := i; j < min(i+batch, 200); j++ {
				all = append(all, fmt.Sprint(j))
				b = append(b, model.Record{Raw: []byte(fmt.Sprint(j)), Mark: model.MarkLine})
			}
			l.add(b)
			if len(l.recs) > 2*l.keep+batch {
				t.Fatalf("batches of %d: %d records kept, want at most %d", batch, len(l.recs), 2*l.keep+batch)
			}
		}
		got := lineTexts(l.recs)
		if len(got) < l.keep || !l.dropped {
			t.Fatalf("batches of %d: %d records kept (dropped: %v), want %d at least, some dropped", batch, len(got), l.dropped, l.keep)
		}
		equalLines(t, got, all[len(all)-len(got):])
	}
	l := lastRecords{keep: 10}
	l.add([]model.Record{{Raw: []byte("a"), Mark: model.MarkLine}})
	if l.dropped {
		t.Error("a record was dropped from fewer than were kept")
	}
}
