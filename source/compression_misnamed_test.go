package source

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// junkBytes are n bytes of noise that open no compressed format: a file
// corrupt from its first byte (0xf8 opens none of them).
func junkBytes(n int) []byte {
	r := rand.New(rand.NewChaCha8([32]byte{7}))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	b[0] = 0xf8
	return b
}

// TestJunkUnderACompressedNameIsAnUnreadSibling: a rotated copy whose name
// says it is compressed but whose bytes are neither that format nor text
// is corrupt from its first byte: one gap that says nothing of it was
// read and how to check it, standing in its rotation, and no lines of
// garbage.
func TestJunkUnderACompressedNameIsAnUnreadSibling(t *testing.T) {
	for _, tc := range []struct{ suffix, check string }{
		{".gz", "gzip -t "}, {".Z", "gzip -t "}, {".xz", "xz -t "},
		{".zst", "zstd -t "}, {".bz2", "bzip2 -t "}, {".lzma", "xz -t "},
	} {
		t.Run(tc.suffix, func(t *testing.T) {
			dir := t.TempDir()
			junk := "app.log.2" + tc.suffix
			writeFile(t, filepath.Join(dir, junk), junkBytes(3000))
			writeFile(t, filepath.Join(dir, "app.log.1"), []byte(dayLines(4, 3)))
			writeFile(t, filepath.Join(dir, "app.log"), nil)
			es := ingestChain(t, filepath.Join(dir, "app.log"))
			if len(es) != 4 {
				t.Fatalf("%d entries; want the gap and app.log.1's 3 lines", len(es))
			}
			g := gapAt(t, es)
			reason := es[g].Fields.Value(model.KeyGapReason)
			if !model.InputNotRead(reason) || !strings.Contains(reason, junk) || !strings.Contains(reason, tc.check) {
				t.Errorf("the gap says %q; want %s, that nothing of it was read, and %q to check it", reason, junk, tc.check)
			}
			if g != 0 || !es[g].Time.Equal(dayStart(4)) {
				t.Errorf("the gap is at %d, dated %v; want it first, at %v", g, es[g].Time, dayStart(4))
			}
		})
	}
}

// TestJunkUnderACompressedNameGivenDirectly: a file named on its own is
// judged by the same rule: a gap, not lines of garbage.
func TestJunkUnderACompressedNameGivenDirectly(t *testing.T) {
	_, recs := readOnce(t, "x.log.gz", junkBytes(3000), FileOptions{})
	g := gaps(recs)
	if len(lineTexts(recs)) != 0 || len(g) != 1 || !model.InputNotRead(g[0].Note) || !strings.Contains(g[0].Note, "gzip -t ") {
		t.Fatalf("want one gap saying nothing of it was read, got: %s", describe(recs))
	}
}

// TestTextUnderACompressedNameIsRead: a plain-text log that only bears a
// compressed name (renamed by hand, or rotated with compression off) is
// read as text, UTF-8 and a colour code included.
func TestTextUnderACompressedNameIsRead(t *testing.T) {
	lines := []string{"2026-12-04T08:00:00Z [INFO] [connector] café ✓", "\x1b[31mred\x1b[0m", "\ttabbed"}
	_, recs := readOnce(t, "x.log.2.gz", []byte(joinLines(lines)), FileOptions{})
	if len(gaps(recs)) != 0 {
		t.Fatalf("gaps: %s", describe(gaps(recs)))
	}
	equalLines(t, lineTexts(recs), lines)
}

// TestMostlyText: the rule that tells a misnamed text file from junk.
func TestMostlyText(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		want bool
	}{
		{"empty", nil, true},
		{"ascii log", []byte(dayLines(4, 50)), true},
		{"utf-8 cut at the block's end", []byte("héllo wörld ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓"[:len("héllo wörld ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓")-1]), true},
		{"noise", junkBytes(4096), false},
		{"zeroes", make([]byte, 4096), false},
		{"latin-1 text", []byte(strings.Repeat("caf\xe9 cr\xe8me br\xfbl\xe9e, ordered at 08:00\n", 40)), true},
	} {
		if got := mostlyText(tc.b); got != tc.want {
			t.Errorf("%s: mostlyText = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCorruptFromItsStartIsShortOfAllOfIt: the list of inputs says of a
// file nothing of which was read that it was not read, not that it was
// read until it broke.
func TestCorruptFromItsStartIsShortOfAllOfIt(t *testing.T) {
	for name, data := range map[string][]byte{
		"x.log.gz":   junkBytes(3000),
		"x.log.2.gz": []byte("\x1f\x8b\x08\x00garbage"),
	} {
		path := filepath.Join(t.TempDir(), name)
		writeFile(t, path, data)
		f := NewFile(path, 1, FileOptions{})
		if err := start(t, f).finish(); err != nil {
			t.Fatal(err)
		}
		if got := f.Shortfall(); got != "not read: corrupt gzip" {
			t.Errorf("%s: shortfall %q; want not read: corrupt gzip", name, got)
		}
	}
}
