package source

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"

	"connlog/model"
)

func gzipped(t testing.TB, s string) []byte {
	return compressedWith(t, s, func(w io.Writer) (*gzip.Writer, error) { return gzip.NewWriter(w), nil })
}

func zstded(t testing.TB, s string) []byte {
	t.Helper()
	w, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	return w.EncodeAll([]byte(s), nil)
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWithRotatedReadsOldestFirst(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "connector.log")
	gen := func(p string) []string { return numbered(p, 300) }
	writeFile(t, live+".3.gz", gzipped(t, joinLines(gen("three"))))
	writeFile(t, live+".2.zst", zstded(t, joinLines(gen("two"))))
	writeFile(t, live+".1", []byte(joinLines(gen("one"))))
	writeFile(t, live, []byte(joinLines(gen("live"))))
	writeFile(t, filepath.Join(dir, "connector.log.old"), []byte("not a rotation\n"))
	writeFile(t, filepath.Join(dir, "other.log.1"), []byte("someone else's\n"))

	inputs, err := ExpandInputs([]string{live}, true)
	if err != nil {
		t.Fatal(err)
	}
	wantIn := []Input{{Path: live + ".3.gz"}, {Path: live + ".2.zst"}, {Path: live + ".1"}, {Path: live, Follow: true}}
	if !slices.EqualFunc(inputs, wantIn, equalInput) {
		t.Fatalf("ExpandInputs = %+v\nwant %+v", inputs, wantIn)
	}
	// Each is a source of its own: a compressed one's records have Offset
	// -1 (their bytes are kept), the others real offsets.
	for i, name := range []string{"three", "two", "one", "live"} {
		r := start(t, NewInput(inputs[i], model.SourceID(i), FileOptions{}, nil))
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		equalLines(t, lineTexts(r.got), gen(name))
		compressed := i < 2
		for _, rec := range r.got {
			if compressed != (rec.Offset == -1) || rec.Source != model.SourceID(i) {
				t.Fatalf("%s: record %q: offset %d source %d", inputs[i].Path, rec.Raw, rec.Offset, rec.Source)
			}
		}
	}
}

func equalInput(a, b Input) bool {
	return a.Path == b.Path && a.Follow == b.Follow
}

func TestCompressedFileGivenDirectly(t *testing.T) {
	lines := numbered("z", 1000)
	text := joinLines(lines)
	tests := []struct {
		name string
		file string
		data []byte
	}{
		{"gzip", "a.log.gz", gzipped(t, text)},
		{"zstd", "a.log.zst", zstded(t, text)},
		{"gzip under a plain name", "a.log.1", gzipped(t, text)},
		{"two gzip members", "b.gz", append(gzipped(t, joinLines(lines[:400])), gzipped(t, joinLines(lines[400:]))...)},
		{"xz", "a.log.xz", xzed(t, text)},
		{"two xz streams", "a.log.1.xz", append(xzed(t, joinLines(lines[:300])), xzed(t, joinLines(lines[300:]))...)},
		{"bzip2 of two streams", "a.log.bz2", bzip2ed(t)},
		{"lz4", "a.log.lz4", lz4ed(t, text)},
		{"lz4 legacy frame", "a.log.2.lz4", lz4ed(t, text, lz4.LegacyOption(true))},
		{"xz under a plain name", "a.log.1", xzed(t, text)},
		{"bzip2 under a plain name", "a.log", bzip2ed(t)},
		{"lz4 under a plain name", "a.log.3", lz4ed(t, text)},
	}
	if !slices.Equal(bzip2Lines(), lines) {
		t.Fatal("the bzip2 fixture holds other lines")
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Follow is asked for, but a compressed file cannot grow: it is
			// read once and the run ends.
			_, got := readOnce(t, tc.file, tc.data, FileOptions{Follow: true})
			equalLines(t, lineTexts(got), lines)
			if len(gaps(got)) != 0 {
				t.Fatalf("gaps: %s", describe(gaps(got)))
			}
			// Their bytes are kept with the records, as they cannot be
			// read again by offset: raw export and the detail pane show
			// them exactly.
			for i, rec := range got {
				if rec.Offset != -1 || string(rec.Raw) != lines[i] {
					t.Fatalf("record %d: %q at offset %d", i, rec.Raw, rec.Offset)
				}
			}
		})
	}
}

func TestCorruptCompressedKeepsReadablePart(t *testing.T) {
	lines := numbered("c", 20000)
	text := joinLines(lines)
	gz := gzipped(t, text)
	zs := zstded(t, text)
	flipped := slices.Clone(gz)
	flipped[len(flipped)/2] ^= 0xff
	xzTwo := append(xzed(t, joinLines(lines[:5000])), xzed(t, joinLines(lines[5000:]))...)
	lz := lz4ed(t, text, lz4.BlockSizeOption(lz4.Block64Kb))
	bz := bzip2ed(t)
	tests := []struct {
		name     string
		data     []byte
		minLines int // a lower bound on what a decoder must recover
		// garbled: a damaged byte can decode to wrong bytes before the
		// decoder notices; only the first minLines are sure to be exact.
		garbled bool
		want    []string // nil: lines
	}{
		{"truncated gzip", gz[:len(gz)/2], 1000, false, nil},
		{"gzip with a damaged byte", flipped, 1000, true, nil},
		{"truncated zstd", zs[:len(zs)*3/4], 1, false, nil},
		{"gzip header only", gz[:5], 0, false, nil},
		{"xz cut in its second stream", xzTwo[:len(xzTwo)-200], 5000, false, nil},
		{"xz cut in its header", xzTwo[:8], 0, false, nil},
		{"lz4 cut", lz[:len(lz)*3/4], 1000, false, nil},
		{"lz4 without its end mark", lz[:len(lz)-4], 1000, false, nil},
		{"bzip2 cut in its second stream", bz[:len(bz)-100], 500, false, bzip2Lines()},
		{"bzip2 cut in its magic", bz[:7], 0, false, bzip2Lines()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, recs := readOnce(t, "x.log.1.gz", tc.data, FileOptions{})
			want := tc.want
			if want == nil {
				want = lines
			}
			got := lineTexts(recs)
			if len(got) < tc.minLines {
				t.Fatalf("got %d lines, want at least %d", len(got), tc.minLines)
			}
			// Everything before the break is an exact prefix of the input;
			// the last decoded line may be cut by the break.
			kept := got
			if tc.garbled {
				kept = kept[:tc.minLines]
			}
			for i, l := range kept {
				if l != want[i] && (i != len(kept)-1 || !strings.HasPrefix(want[i], l)) {
					t.Fatalf("line %d = %q, want %q", i, l, want[i])
				}
			}
			g := gaps(recs)
			// A file cut in its header (no lines to recover) is one nothing
			// of which was read; any other broke after what it gave.
			says := "broke after"
			if tc.minLines == 0 {
				says = model.GapNothingRead
			}
			if len(g) != 1 || !strings.HasPrefix(g[0].Note, NoteCorruptCompressed+": x.log.1.gz") || !strings.Contains(g[0].Note, says) {
				t.Fatalf("gaps: %s", describe(g))
			}
			if idx := slices.IndexFunc(recs, func(r model.Record) bool { return r.Mark == model.MarkGap }); idx != len(recs)-1 {
				t.Fatalf("the gap must sit where the file broke: %s", describe(recs))
			}
		})
	}
}

func TestParseRotatedName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		want rotatedName
	}{
		{"app.log.1", true, rotatedName{base: "app.log", num: 1}},
		{"app.log.12.gz", true, rotatedName{base: "app.log", num: 12}},
		{"app.log.2.zst", true, rotatedName{base: "app.log", num: 2}},
		{"app.log.gz", true, rotatedName{base: "app.log"}},
		{"app.log-20240115", true, rotatedName{base: "app.log", dated: true, date: "20240115"}},
		{"app.log-2024011507.gz", true, rotatedName{base: "app.log", dated: true, date: "2024011507"}},
		{"app.log.2024-01-15.zst", true, rotatedName{base: "app.log", dated: true, date: "20240115"}},
		{"app.log.3.xz", true, rotatedName{base: "app.log", num: 3}},
		{"app.log.bz2", true, rotatedName{base: "app.log"}},
		{"app.log-20240115.lz4", true, rotatedName{base: "app.log", dated: true, date: "20240115"}},
		{"app.log.1.lzma", true, rotatedName{base: "app.log", num: 1}},
		{"app.log.2.Z", true, rotatedName{base: "app.log", num: 2}},
		{"app.log.2.lz", true, rotatedName{base: "app.log", num: 2}},
		{"app.log.2.lzo", true, rotatedName{base: "app.log", num: 2}},
		{"app.log.2.z", false, rotatedName{}},
		{"app.log_20240115", true, rotatedName{base: "app.log", dated: true, date: "20240115"}},
		{"app.log", false, rotatedName{}},
		{"app-2024.log", false, rotatedName{}},
		{"app.log.old", false, rotatedName{}},
		{"app.log-1", false, rotatedName{}},
		{".1", false, rotatedName{}},
		{".gz", false, rotatedName{}},
		{"app.log.1234567", false, rotatedName{}},
		{"app.log.30000101", false, rotatedName{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := parseRotatedName(tc.name)
			if ok != tc.ok || got != tc.want {
				t.Fatalf("parseRotatedName(%q) = %+v, %v; want %+v, %v", tc.name, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestRotatedSiblingsOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"s.log", "s.log.1", "s.log.10.gz", "s.log.2.gz", "s.log.gz", "s.log-20231231.gz", "s.log-20240101",
		"s.logger.1", "t.log.1", "s.log.1.tmp"}
	for _, n := range names {
		writeFile(t, filepath.Join(dir, n), nil)
	}
	if err := os.Mkdir(filepath.Join(dir, "s.log.3"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := RotatedSiblings(filepath.Join(dir, "s.log"))
	if err != nil {
		t.Fatal(err)
	}
	var base []string
	for _, p := range got {
		base = append(base, filepath.Base(p))
	}
	want := []string{"s.log-20231231.gz", "s.log-20240101", "s.log.10.gz", "s.log.2.gz", "s.log.1", "s.log.gz"}
	if !slices.Equal(base, want) {
		t.Fatalf("RotatedSiblings = %q\nwant %q", base, want)
	}
}

func FuzzParseRotatedName(f *testing.F) {
	for _, s := range []string{"app.log.1", "a.log-20240115.gz", "x.2024-01-15.zst", ".gz", "-", "a.-", "\xff.1", "a..1.gz",
		"a.log.1.xz", "a.log.bz2", ".lz4", "a.Z", "a.log.2.lzo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		rn, ok := parseRotatedName(name)
		if !ok {
			return
		}
		// A rotated name always extends the live name it belongs to, and
		// that name is never empty.
		if rn.base == "" || !strings.HasPrefix(name, rn.base) || len(rn.base) >= len(name) {
			t.Fatalf("parseRotatedName(%q) = %+v", name, rn)
		}
	})
}

// fuzzMagics are put before the fuzzer's bytes by FuzzReadCompressed's
// prefix (modulo their number; nil: the bytes as they are).
var fuzzMagics = [][]byte{nil, gzipMagic, zstdMagic, xzMagic, append([]byte("BZh9"), bzip2BlockMagic...),
	lz4Magic, lz4LegacyMagic, lzmaMagic, compressMagic}

// FuzzReadCompressed feeds arbitrary bytes, as they are and behind the
// magic numbers of every compression connlog knows, to the reader of
// rotated files: it must not panic, every record must be a line (no
// newline inside), and a decoding failure must end in one gap record.
func FuzzReadCompressed(f *testing.F) {
	f.Add([]byte("plain\nlines\n"), uint8(0))
	f.Add(gzipped(f, "a\nb\n"), uint8(0))
	f.Add(zstded(f, "a\nb\n"), uint8(0))
	f.Add(xzed(f, "a\nb\n"), uint8(0))
	f.Add(xzed(f, "a\nb\n")[:30], uint8(0))
	f.Add(bzip2ed(f), uint8(0))
	f.Add(bzip2ed(f)[:600], uint8(0))
	f.Add(lz4ed(f, "a\nb\n"), uint8(0))
	f.Add(lz4ed(f, "a\nb\n", lz4.LegacyOption(true)), uint8(0))
	f.Add(lzmaed(f, "a\nb\n"), uint8(0))
	f.Add([]byte{0x08, 0x00, 0xff}, uint8(1))
	f.Add([]byte{0x00, 0x00, 0x00}, uint8(2))
	for i := 3; i < len(fuzzMagics); i++ {
		f.Add([]byte{0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46, 0x02, 0x00, 0x21}, uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, prefix uint8) {
		magic := fuzzMagics[int(prefix)%len(fuzzMagics)]
		data = append(slices.Clone(magic), data...)
		path := filepath.Join(t.TempDir(), "f.gz")
		writeFile(t, path, data)
		r := start(t, NewFile(path, 1, FileOptions{MaxLineBytes: 64}))
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		for _, rec := range r.got {
			if bytes.IndexByte(rec.Raw, '\n') >= 0 || len(rec.Raw) > 64 || (magic != nil && rec.Offset != -1) {
				t.Fatalf("bad record %q offset %d", rec.Raw, rec.Offset)
			}
		}
		if g := gaps(r.got); len(g) > 0 && !expectedReadGap(g[len(g)-1].Note) {
			t.Fatalf("unexpected gap %q", g[len(g)-1].Note)
		}
	})
}

// expectedReadGap reports whether note is a gap that reading a file once
// may end with: a cut line, NUL bytes where a plain file was never written,
// or a compressed file that could not be read (to its end).
func expectedReadGap(note string) bool {
	return note == NoteLineTooLong || note == NoteNULBytes ||
		strings.HasPrefix(note, NoteCorruptCompressed) || strings.HasPrefix(note, NoteUnsupportedCompression)
}
