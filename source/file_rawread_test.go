package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"connlog/model"
)

// checkReRead fails unless every line record re-reads to its exact bytes.
func checkReRead(t *testing.T, src *File, rs []model.Record) {
	t.Helper()
	buf := []byte("prefix:")
	for _, r := range rs {
		if r.Mark != model.MarkLine {
			continue
		}
		got, err := src.ReadRaw(r.Offset, len(r.Raw), buf)
		if err != nil || string(got) != "prefix:"+string(r.Raw) {
			t.Fatalf("ReadRaw(%d, %d) = %q, %v; want %q appended", r.Offset, len(r.Raw), got, err, r.Raw)
		}
		got, err = src.ReadSpan(r.Offset, len(r.Raw), buf)
		if err != nil || string(got) != "prefix:"+string(r.Raw) {
			t.Fatalf("ReadSpan(%d, %d) = %q, %v; want %q appended", r.Offset, len(r.Raw), got, err, r.Raw)
		}
	}
	checkSpans(t, src, rs)
}

// checkSpans fails when a span over two neighbouring line records reads
// without an error but not as their bytes. (A span may fail: across a
// rotation, a span is refused.)
func checkSpans(t *testing.T, src *File, rs []model.Record) {
	t.Helper()
	for i := 1; i < len(rs); i++ {
		a, b := rs[i-1], rs[i]
		if a.Mark != model.MarkLine || b.Mark != model.MarkLine || b.Offset < a.Offset+int64(len(a.Raw)) {
			continue
		}
		span, err := src.ReadSpan(a.Offset, int(b.Offset-a.Offset)+len(b.Raw), nil)
		if err != nil {
			continue
		}
		if !strings.HasPrefix(string(span), string(a.Raw)) || !strings.HasSuffix(string(span), string(b.Raw)) {
			t.Fatalf("ReadSpan over the lines at %d and %d = %q; want %q … %q", a.Offset, b.Offset, span, a.Raw, b.Raw)
		}
	}
}

// TestReadSpanReadsNeighbouringLines: one read returns many lines as the
// file holds them, and a span past what was read is refused.
func TestReadSpanReadsNeighbouringLines(t *testing.T) {
	path := logPath(t)
	lines := numbered("line", 30)
	appendTo(t, path, joinLines(lines))
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	got := r.waitLines(len(lines))
	whole := joinLines(lines)
	span, err := src.ReadSpan(0, len(whole), []byte("x"))
	if err != nil || string(span) != "x"+whole {
		t.Fatalf("ReadSpan of the whole file = %q, %v; want %q", span, err, whole)
	}
	if _, err := src.ReadSpan(0, len(whole)+1, nil); err == nil {
		t.Fatal("ReadSpan past what was read succeeded")
	}
	if _, err := src.ReadSpan(-1, 2, nil); err == nil {
		t.Fatal("ReadSpan at a negative offset succeeded")
	}
	checkReRead(t, src, got)
}

func TestReadRawAcrossRenameRotation(t *testing.T) {
	path := logPath(t)
	old := numbered("before", 40)
	appendTo(t, path, joinLines(old))
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(len(old))
	newer := numbered("after", 40)
	rotateByRename(t, path, joinLines(newer))
	got := r.waitLines(80)
	checkReRead(t, src, got)
	// The first line of the new file continues after the old file's end.
	if first := got[40]; first.Offset != int64(len(joinLines(old))) {
		t.Fatalf("first offset after rotation = %d, want %d", first.Offset, len(joinLines(old)))
	}
	// Still exact once the renamed file is deleted: it is held open.
	if err := os.Remove(path + ".1"); err != nil {
		t.Fatal(err)
	}
	checkReRead(t, src, got)
}

// TestReadRawAfterCopyTruncate: the file is truncated in place and no copy
// is found; the lines read before stay exact, kept from the recent bytes.
func TestReadRawAfterCopyTruncate(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "old line one\nold line two\n")
	src := NewFile(path, 1, FileOptions{Follow: true})
	r := start(t, src)
	r.waitLines(2)
	copyTruncate(t, path, "")
	appendTo(t, path, "new\n")
	got := r.waitLines(3)
	checkReRead(t, src, got)
	if g := gaps(got); len(g) != 1 || g[0].Note != NoteTruncated {
		t.Fatalf("gaps %s, want one truncation gap (what was written just before is unknown)", describe(g))
	}
}

func TestReadRawDetectsRewrite(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "alpha\nbeta\n")
	src := NewFile(path, 1, FileOptions{})
	r := start(t, src)
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	// Rewrite the same inode behind connlog's back, with the line
	// boundaries in other places.
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("al\nhabeta\n")
	f.Close()
	for _, rec := range r.got {
		if _, err := src.ReadRaw(rec.Offset, len(rec.Raw), nil); !errors.Is(err, ErrRawChanged) {
			t.Fatalf("ReadRaw(%d) on a rewritten file = %v, want ErrRawChanged", rec.Offset, err)
		}
	}
}

func TestReadRawRejects(t *testing.T) {
	path := logPath(t)
	appendTo(t, path, "abc\n")
	src := NewFile(path, 1, FileOptions{})
	r := start(t, src)
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		offset int64
		n      int
		want   string
	}{
		{"negative offset", -1, 3, "invalid offset"},
		{"beyond what was read", 2, 10, "beyond what was read"},
		{"not at a line", 1, 1, ErrRawChanged.Error()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := src.ReadRaw(tc.offset, tc.n, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ReadRaw = %v, want %q", err, tc.want)
			}
		})
	}
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ReadRaw(0, 3, nil); !errors.Is(err, ErrRawGone) {
		t.Fatalf("ReadRaw after Close = %v, want ErrRawGone", err)
	}
}

func TestFileReadsANamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// Opening a FIFO for reading blocks until a writer opens it; the writer
	// runs beside the source.
	written := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			written <- err
			return
		}
		_, err = w.WriteString("through\na pipe\n")
		w.Close()
		written <- err
	}()
	r := start(t, NewFile(fifo, 1, FileOptions{Follow: true}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	equalLines(t, lineTexts(r.got), []string{"through", "a pipe"})
	if r.got[0].Offset != -1 {
		t.Fatalf("a pipe cannot be re-read: offset %d, want -1", r.got[0].Offset)
	}
}
