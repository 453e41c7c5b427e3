package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
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

// TestLastLinesSkipTheRotatedCopies: the last lines are the file's own;
// the rotated copies that would be read before it are not.
func TestLastLinesSkipTheRotatedCopies(t *testing.T) {
	path := logPath(t)
	appendTo(t, path+".1", "rotated\n")
	appendTo(t, path, "a\nb\nc\n")
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 2, Rotated: []string{path + ".1"}}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"b", "c"})
}

// TestLastLinesOfAStreamFail: a compressed file cannot be read from its
// end; its source says so instead of sending it whole.
func TestLastLinesOfAStreamFail(t *testing.T) {
	path := logPath(t) + ".gz"
	writeFile(t, path, gzipped(t, "a\nb\n"))
	r := start(t, NewFile(path, 1, FileOptions{LastLines: 1}))
	if err := r.finish(); err == nil || !strings.Contains(err.Error(), "tail -n") || len(r.got) > 0 {
		t.Errorf("Run: %v, %d records; want an error that says to use tail, and nothing sent", err, len(r.got))
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
