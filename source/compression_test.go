package source

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"

	"connlog/model"
)

// compressedWith returns s written through the writer newWriter makes.
func compressedWith[W io.WriteCloser](t testing.TB, s string, newWriter func(io.Writer) (W, error)) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := newWriter(&b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func xzed(t testing.TB, s string) []byte { return compressedWith(t, s, xz.NewWriter) }

func lz4ed(t testing.TB, s string, opts ...lz4.Option) []byte {
	return compressedWith(t, s, func(w io.Writer) (*lz4.Writer, error) {
		zw := lz4.NewWriter(w)
		return zw, zw.Apply(opts...)
	})
}

// lzmaed writes s in the lzma_alone format (xz --format=lzma), which
// connlog recognises but does not read.
func lzmaed(t testing.TB, s string) []byte { return compressedWith(t, s, lzma.NewWriter) }

// bzip2Lines is the content of the bzip2 fixture: Go has no bzip2 writer
// (see testdata/compressed/README.md).
func bzip2Lines() []string { return numbered("z", 1000) }

func bzip2ed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "compressed", "z1000-two-streams.bz2"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unsupportedSamples are files in the formats connlog recognises but does
// not read, each with the command its gap names.
func unsupportedSamples(t testing.TB) []struct {
	name, file, undo string
	data             []byte
} {
	text := joinLines(numbered("u", 50))
	return []struct {
		name, file, undo string
		data             []byte
	}{
		{"lzma", "u.log.1.lzma", "xz -dc", lzmaed(t, text)},
		{"compress", "u.log.1.Z", "gzip -dc", append([]byte{0x1f, 0x9d, 0x90}, text[:40]...)},
		{"lzip", "u.log.1.lz", "lzip -dc", append([]byte("LZIP\x01\x0c"), text[:40]...)},
		{"lzop", "u.log.1.lzo", "lzop -dc", append(slices.Clone(lzopMagic), text[:40]...)},
		{"lzma under a plain name", "u.log.1", "xz -dc", lzmaed(t, text)},
	}
}

func TestWithRotatedReadsEveryCompression(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "connector.log")
	want := map[string][]string{
		live + ".5.xz":  numbered("five", 300),
		live + ".4.bz2": bzip2Lines(),
		live + ".3.lz4": numbered("three", 300),
		live + ".1":     numbered("one", 300),
		live:            numbered("live", 300),
	}
	writeFile(t, live+".5.xz", xzed(t, joinLines(want[live+".5.xz"])))
	writeFile(t, live+".4.bz2", bzip2ed(t))
	writeFile(t, live+".3.lz4", lz4ed(t, joinLines(want[live+".3.lz4"])))
	writeFile(t, live+".2.lzma", lzmaed(t, joinLines(numbered("two", 300))))
	writeFile(t, live+".1", []byte(joinLines(want[live+".1"])))
	writeFile(t, live, []byte(joinLines(want[live])))

	inputs, err := ExpandInputs([]string{live}, true)
	if err != nil {
		t.Fatal(err)
	}
	wantIn := []Input{{Path: live + ".5.xz"}, {Path: live + ".4.bz2"}, {Path: live + ".3.lz4"}, {Path: live + ".2.lzma"},
		{Path: live + ".1"}, {Path: live, Follow: true}}
	if !slices.EqualFunc(inputs, wantIn, equalInput) {
		t.Fatalf("ExpandInputs = %+v\nwant %+v", inputs, wantIn)
	}
	for i, in := range inputs {
		r := start(t, NewInput(in, model.SourceID(i), FileOptions{}, nil))
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(in.Path, ".lzma") {
			// Never read as text, never left out without a word.
			wantUnsupportedGap(t, r.got, "connector.log.2.lzma", "xz -dc '"+in.Path+"' | connlog -")
			continue
		}
		equalLines(t, lineTexts(r.got), want[in.Path])
		if len(gaps(r.got)) != 0 {
			t.Fatalf("%s: gaps: %s", in.Path, describe(gaps(r.got)))
		}
	}
}

func TestUnsupportedCompressionIsAGap(t *testing.T) {
	for _, tc := range unsupportedSamples(t) {
		t.Run(tc.name, func(t *testing.T) {
			path, got := readOnce(t, tc.file, tc.data, FileOptions{Follow: true})
			wantUnsupportedGap(t, got, tc.file, tc.undo+" '"+path+"' | connlog -")
		})
	}
}

// wantUnsupportedGap checks that recs are one gap, naming the file and the
// command that reads it, and no line.
func wantUnsupportedGap(t *testing.T, recs []model.Record, file, command string) {
	t.Helper()
	g := gaps(recs)
	if len(recs) != 1 || len(g) != 1 {
		t.Fatalf("want one gap and no line, got %s", describe(recs))
	}
	note := g[0].Note
	if !strings.HasPrefix(note, NoteUnsupportedCompression+": "+file+" (") || !strings.HasSuffix(note, command) {
		t.Fatalf("gap %q: want it to name %s and end with %q", note, file, command)
	}
}

// readOnce writes data to a file named name and reads it with opts until
// its source ends; it returns the file's path and the records read.
func readOnce(t *testing.T, name string, data []byte, opts FileOptions) (string, []model.Record) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, data)
	r := start(t, NewFile(path, 1, opts))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	return path, r.got
}

// TestUnreadableRotationGapIsDatedByItsLastWrite: the gap of a rotated file
// connlog cannot read (an unsupported format, or one corrupt before its
// first line) is dated when the file was last written, where its lines
// ended, not when it was read: a --since window over those days keeps it.
func TestUnreadableRotationGapIsDatedByItsLastWrite(t *testing.T) {
	written := time.Date(2026, 12, 1, 0, 30, 0, 0, time.UTC)
	for name, data := range map[string][]byte{
		"connector.log.2.lzma": lzmaed(t, joinLines(numbered("two", 30))),
		"connector.log.2.gz":   []byte("\x1f\x8b\x08\x00garbage"),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			writeFile(t, path, data)
			if err := os.Chtimes(path, written, written); err != nil {
				t.Fatal(err)
			}
			r := start(t, NewFile(path, 1, FileOptions{}))
			if err := r.finish(); err != nil {
				t.Fatal(err)
			}
			g := gaps(r.got)
			if len(g) != 1 || !g[0].Received.Equal(written) {
				t.Fatalf("want one gap dated %v, got %s", written, describe(r.got))
			}
		})
	}
}
