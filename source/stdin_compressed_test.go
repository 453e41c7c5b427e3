package source

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"connlog/model/export"
)

// Compressed bytes on standard input (`cat app.log.1.gz | connlog -`) are
// known by their first bytes, as a file's are, and read decompressed.
func TestCompressedStandardInput(t *testing.T) {
	lines := numbered("z", 1000)
	text := joinLines(lines)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"gzip", gzipped(t, text)},
		{"zstd", zstded(t, text)},
		{"xz", xzed(t, text)},
		{"bzip2", bzip2ed(t)},
		{"lz4", lz4ed(t, text)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readRecords(t, Input{Path: StdinPath}, bytes.NewReader(tc.data))
			equalLines(t, lineTexts(got), lines)
			if len(gaps(got)) != 0 {
				t.Fatalf("gaps: %s", describe(gaps(got)))
			}
		})
	}
}

// A journal export compressed on standard input is read as the journal it
// came from, as a compressed export file is.
func TestCompressedJournalExportOnStandardInput(t *testing.T) {
	es := exportedEntries()
	data, err := os.ReadFile(writeJournalExport(t, es, export.CompressGzip))
	if err != nil {
		t.Fatal(err)
	}
	checkExportedRecords(t, readRecords(t, Input{Path: StdinPath}, bytes.NewReader(data)), es)
}

// A format connlog recognises but does not read is one gap naming the
// command to put in front, never lines of binary text.
func TestUnsupportedCompressionOnStandardInputIsAGap(t *testing.T) {
	for _, tc := range unsupportedSamples(t) {
		t.Run(tc.name, func(t *testing.T) {
			got := readRecords(t, Input{Path: StdinPath}, bytes.NewReader(tc.data))
			wantUnsupportedGap(t, got, "stdin", "… | "+tc.undo+" | connlog -")
		})
	}
}

// A compressed input cut short keeps what it decoded and ends with a gap
// saying where it broke, as a file does.
func TestCorruptCompressedStandardInput(t *testing.T) {
	lines := numbered("c", 20000)
	gz := gzipped(t, joinLines(lines))
	got := readRecords(t, Input{Path: StdinPath}, bytes.NewReader(gz[:len(gz)/2]))
	texts := lineTexts(got)
	if len(texts) < 1000 || !slicesArePrefix(texts[:len(texts)-1], lines) {
		t.Fatalf("%d lines, want at least 1,000 of the input's first", len(texts))
	}
	g := gaps(got)
	if len(g) != 1 || got[len(got)-1].Note != g[0].Note || !strings.HasPrefix(g[0].Note, NoteCorruptCompressed+": stdin (gzip) broke after") {
		t.Fatalf("want one gap at the end, got %s", describe(g))
	}
}

func slicesArePrefix(got, want []string) bool {
	return len(got) <= len(want) && strings.Join(got, "\n") == strings.Join(want[:len(got)], "\n")
}

// A compressed input written a byte at a time (a slow pipe) is still known
// by its magic: the head waits for the bytes that may complete one.
func TestCompressedStandardInputArrivingSlowly(t *testing.T) {
	lines := numbered("s", 3)
	data := gzipped(t, joinLines(lines))
	pr, pw := io.Pipe()
	go func() {
		for i := range data {
			pw.Write(data[i : i+1])
		}
		pw.Close()
	}()
	got := readRecords(t, Input{Path: StdinPath}, pr)
	equalLines(t, lineTexts(got), lines)
}
