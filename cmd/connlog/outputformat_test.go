package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"testing"
)

// readGzip returns the decompressed content of a gzip file.
func readGzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s is not gzip: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Without --format and --compress, the ending of -o decides them.
func TestExportFormatFromTheName(t *testing.T) {
	name := fixtureCopy(t, earlierDay)
	if _, errs, code := runCLI(t, "export", "-o", "x.csv.gz", name); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	csv := readGzip(t, "x.csv.gz")
	if !bytes.HasPrefix(csv, []byte("kind,time,")) || bytes.Count(csv, []byte("\n")) != 13 {
		t.Errorf("x.csv.gz does not hold a CSV header and 12 rows:\n%s", csv)
	}
	if _, errs, code := runCLI(t, "export", "--format", "bundle", "-o", "b.tar.gz", name); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	tr := tar.NewReader(bytes.NewReader(readGzip(t, "b.tar.gz")))
	if h, err := tr.Next(); err != nil || h.Name == "" {
		t.Errorf("b.tar.gz does not hold a tar: %v", err)
	}
	if _, errs, code := runCLI(t, "export", "-o", "x.log", name); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	raw, _ := os.ReadFile("x.log")
	orig, _ := os.ReadFile(name)
	if !bytes.Equal(raw, orig) {
		t.Errorf("x.log is not the raw lines:\n%s", raw)
	}
}

// A flag that disagrees with the ending of -o is a usage error that says
// so, and nothing is written.
func TestExportFormatDisagreesWithTheName(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "csv", "-o", "x.ndjson"}, "-o x.ndjson is named for the ndjson format but --format is csv"},
		{[]string{"--format", "ndjson", "-o", "x.csv"}, "-o x.csv is named for the csv format but --format is ndjson"},
		{[]string{"--compress", "none", "-o", "x.csv.gz"}, "-o x.csv.gz ends in .gz (gzip) but --compress is none"},
		{[]string{"--compress", "zstd", "-o", "x.csv"}, "-o x.csv ends without .gz or .zst (uncompressed) but --compress is zstd"},
		{[]string{"--format", "bundle", "-o", "b.tar.zst", "--compress", "gzip"}, "ends in .zst (zstd) but --compress is gzip"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			name := fixtureCopy(t, earlierDay)
			_, errs, code := runCLI(t, append(append([]string{"export"}, tt.args...), name)...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.want)
			}
			entries, _ := os.ReadDir(".")
			if len(entries) != 1 {
				t.Errorf("files left: %v", entries)
			}
		})
	}
	// Agreeing flags, aliases included, are fine.
	name := fixtureCopy(t, earlierDay)
	if _, errs, code := runCLI(t, "export", "--format", "json", "--compress", "gz", "-o", "x.jsonl.gz", name); code != 0 {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// .json and .jsonl name ndjson, as .ndjson does, compressed too.
func TestExportJSONNamesAreNDJSON(t *testing.T) {
	name := fixtureCopy(t, earlierDay)
	for _, out := range []string{"x.json", "x.jsonl", "x.json.gz"} {
		if _, errs, code := runCLI(t, "export", "-o", out, name); code != 0 {
			t.Fatalf("-o %s: exit %d: %s", out, code, errs)
		}
		data, _ := os.ReadFile(out)
		if strings.HasSuffix(out, ".gz") {
			data = readGzip(t, out)
		}
		if !bytes.HasPrefix(data, []byte(`{"seq":1,`)) {
			t.Errorf("-o %s does not hold ndjson:\n%.200s", out, data)
		}
	}
}

// A name ending in a compression connlog does not write is refused, with
// what it writes and how to get the other, and nothing is written.
func TestExportRefusesUnwrittenCompression(t *testing.T) {
	tests := []struct {
		out, want string
	}{
		{"x.csv.xz", "-o x.csv.xz ends in .xz, which connlog does not write: it writes gzip (.gz) and zstd (.zst) — " +
			"end the name in .csv.gz or .csv.zst, or compress standard output: connlog export --format csv … -o - | xz > x.csv.xz"},
		{"x.csv.bz2", "| bzip2 > x.csv.bz2"},
		{"x.lz4", "end the name in .gz or .zst, or compress standard output: connlog export --format text … -o - | lz4 > x.lz4"},
		{"x.ndjson.lzma", "--format ndjson … -o - | xz --format=lzma > x.ndjson.lzma"},
		{"x.br", "| brotli > x.br"},
		{"my x.csv.xz", "-o - | xz > 'my x.csv.xz'"},
	}
	for _, tt := range tests {
		t.Run(tt.out, func(t *testing.T) {
			name := fixtureCopy(t, earlierDay)
			_, errs, code := runCLI(t, "export", "-o", tt.out, name)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.want)
			}
			entries, _ := os.ReadDir(".")
			if len(entries) != 1 {
				t.Errorf("files left: %v", entries)
			}
		})
	}
}
