package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"connlog/model"
)

// TestKernelMadeFileIsReadOnce: a /proc file says its size is 0 whatever
// it holds; it is read to its end as a stream, once, followed or not.
func TestKernelMadeFileIsReadOnce(t *testing.T) {
	for _, follow := range []bool{false, true} {
		src := NewFile("/proc/self/status", 1, FileOptions{Follow: follow, MarkCaughtUp: follow})
		r := start(t, src)
		if err := r.finish(); err != nil {
			t.Fatalf("follow %v: %v", follow, err)
		}
		texts := lineTexts(r.got)
		if len(texts) < 5 || !strings.HasPrefix(texts[0], "Name:\t") {
			t.Errorf("follow %v: lines %q", follow, texts)
		}
		for _, rec := range r.got {
			if rec.Mark == model.MarkLine && rec.Offset != -1 {
				t.Errorf("follow %v: line %q has offset %d, not a stream's", follow, rec.Raw, rec.Offset)
			}
		}
	}
}

// TestKernelMadeFileLastLines: -n reads the last lines of such a file as
// of a compressed one: to its end, keeping the last.
func TestKernelMadeFileLastLines(t *testing.T) {
	r := start(t, NewFile("/proc/self/status", 1, FileOptions{LastLines: 1}))
	if err := r.finish(); err != nil {
		t.Fatal(err)
	}
	if texts := lineTexts(r.got); len(texts) != 1 || !strings.HasPrefix(texts[0], "nonvoluntary_ctxt_switches:") {
		t.Errorf("last line: %q", texts)
	}
}

// TestKernelMadeFileUnreadable: /proc/self/mem fails its first read (EIO):
// Run says so, naming the file and why, rather than reading nothing.
func TestKernelMadeFileUnreadable(t *testing.T) {
	r := start(t, NewFile("/proc/self/mem", 1, FileOptions{}))
	err := r.finish()
	if err == nil || !strings.HasPrefix(err.Error(), "read /proc/self/mem: input/output error — its size says 0") {
		t.Errorf("Run = %v", err)
	}
}

// TestYieldsPastSize: a file on a file system not known to make its files
// when read (a cgroup's) is told by its first byte; an empty log file,
// which gives none, is not one.
func TestYieldsPastSize(t *testing.T) {
	open := func(path string) *os.File {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	if !yieldsPastSize(open("/proc/self/status")) {
		t.Error("/proc/self/status: not told")
	}
	if !yieldsPastSize(open("/proc/self/mem")) {
		t.Error("/proc/self/mem (unreadable): not told")
	}
	empty := filepath.Join(t.TempDir(), "empty.log")
	writeFile(t, empty, nil)
	if yieldsPastSize(open(empty)) {
		t.Error("an empty log file was taken for one made when read")
	}
}
