package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func writeFiles(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("line\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func nothingHeld(Candidate) Verdict { return NewLog }

// notNewIf is the verdict of a judge that knows only whether it read c.
func notNewIf(read bool) Verdict {
	if read {
		return NotNew
	}
	return NewLog
}

func matchedPaths(in []Input) []string {
	var out []string
	for _, i := range in {
		out = append(out, i.Path)
	}
	return out
}

// TestGlobWatchFindsNewMatchesOnce: a container created after the start
// is found, once; the inputs of the start are not; a plain path is no
// pattern and is not watched.
func TestGlobWatchFindsNewMatchesOnce(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "c1", "c1-json.log")
	writeFiles(t, old)
	pattern := filepath.Join(dir, "*", "*-json.log")
	if NewGlobWatch([]string{old}, []string{old}, false) != nil {
		t.Error("a plain path is watched")
	}
	w := NewGlobWatch([]string{pattern}, []string{old}, false)
	if got := w.NewMatches(nothingHeld); len(got) != 0 {
		t.Fatalf("found %v before anything new", got)
	}
	fresh := filepath.Join(dir, "c2", "c2-json.log")
	writeFiles(t, fresh)
	got := w.NewMatches(nothingHeld)
	if want := []Input{{Path: fresh, Follow: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
	if got := w.NewMatches(nothingHeld); len(got) != 0 {
		t.Errorf("found %v again", got)
	}
}

// TestGlobWatchLeavesOutWhatIsNotANewLog: a rotated copy or a compressed
// file is a followed log's rotation; a file an input holds open (a log
// renamed to a name the pattern matches) and a directory are no new logs.
func TestGlobWatchLeavesOutWhatIsNotANewLog(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "app.log")
	writeFiles(t, live)
	w := NewGlobWatch([]string{filepath.Join(dir, "*")}, []string{live}, false)
	renamed := filepath.Join(dir, "app-old")
	writeFiles(t, filepath.Join(dir, "app.log.1"), filepath.Join(dir, "app.log.2.gz"), renamed)
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	held := func(c Candidate) Verdict { return notNewIf(c.Path == renamed) }
	if got := w.NewMatches(held); len(got) != 0 {
		t.Errorf("found %v", matchedPaths(got))
	}
}

// TestGlobWatchLooksAgainAtANameThatNamesAnotherFile: b.log renamed to
// c.log, a name the pattern matches, is the file the b.log input reads:
// no new log. Once c.log is removed and a new file takes the name (another
// inode: the old one is still open), that file is one.
func TestGlobWatchLooksAgainAtANameThatNamesAnotherFile(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log"), filepath.Join(dir, "c.log")
	writeFiles(t, a, b)
	w := NewGlobWatch([]string{filepath.Join(dir, "*.log")}, []string{a, b}, false)
	read, readInfo := openWithInfo(t, b) // open, its inode is given to no other file
	defer read.Close()
	readByB := func(c Candidate) Verdict { return notNewIf(os.SameFile(c.Info, readInfo)) }
	if err := os.Rename(b, c); err != nil {
		t.Fatal(err)
	}
	if got := w.NewMatches(readByB); len(got) != 0 {
		t.Fatalf("found %v: the renamed file is read by the b.log input", matchedPaths(got))
	}
	if err := os.Remove(c); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, c)
	if got, want := w.NewMatches(readByB), []Input{{Path: c, Follow: true}}; !reflect.DeepEqual(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
}

// TestGlobWatchWithRotatedReadsANewLogsCopiesFirst: with --with-rotated, a
// new log's rotated copies come before it, oldest first, as at the start.
func TestGlobWatchWithRotatedReadsANewLogsCopiesFirst(t *testing.T) {
	dir := t.TempDir()
	w := NewGlobWatch([]string{filepath.Join(dir, "*.log")}, nil, true)
	live := filepath.Join(dir, "new.log")
	writeFiles(t, live, live+".1", live+".2")
	got := w.NewMatches(nothingHeld)
	want := []Input{{Path: live + ".2"}, {Path: live + ".1"}, {Path: live, Follow: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("found %v, want %v", got, want)
	}
}

// TestGlobWatchReadsAFileNamedTwiceOnce: two patterns that match one new
// file (through a link) make one input.
func TestGlobWatchReadsAFileNamedTwiceOnce(t *testing.T) {
	dir := t.TempDir()
	w := NewGlobWatch([]string{filepath.Join(dir, "a", "*.log"), filepath.Join(dir, "b", "*.log")}, nil, false)
	real := filepath.Join(dir, "a", "x.log")
	writeFiles(t, real)
	if err := os.MkdirAll(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(dir, "b", "x.log")); err != nil {
		t.Fatal(err)
	}
	if got := matchedPaths(w.NewMatches(nothingHeld)); !reflect.DeepEqual(got, []string{real}) {
		t.Errorf("found %v, want only %s", got, real)
	}
}

// TestExpandFollowedWaitsForAPatternThatMatchesNothing: followed, a
// pattern that matches nothing yet is no error; read once, it is.
func TestExpandFollowedWaitsForAPatternThatMatchesNothing(t *testing.T) {
	pattern := filepath.Join(t.TempDir(), "*.log")
	inputs, unmatched, err := ExpandFollowed([]string{pattern}, false)
	if err != nil || len(inputs) != 0 || !reflect.DeepEqual(unmatched, []string{pattern}) {
		t.Errorf("ExpandFollowed: %v, %v, %v", inputs, unmatched, err)
	}
	if _, err := ExpandInputs([]string{pattern}, false); err == nil {
		t.Error("ExpandInputs takes a pattern that matches nothing")
	}
}

// TestFileHoldsItsFile: a followed file holds the file at its path open;
// not another.
func TestFileHoldsItsFile(t *testing.T) {
	dir := t.TempDir()
	path, other := filepath.Join(dir, "a.log"), filepath.Join(dir, "b.log")
	writeFiles(t, path, other)
	f := NewFile(path, 0, FileOptions{})
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := fh.Stat()
	f.gens.start(fh, fi, 0, 0)
	defer f.Close()
	ofi, _ := os.Stat(other)
	if !f.Holds(fi) || f.Holds(ofi) {
		t.Errorf("holds its file %v, another %v", f.Holds(fi), f.Holds(ofi))
	}
}

// TestFollowedGlobUnderADirectoryNotListed: a followed pattern under a
// directory the user may not list (a container directory only root reads)
// is an error that says so, not a pattern waited for forever.
func TestFollowedGlobUnderADirectoryNotListed(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "containers")
	if err := os.Mkdir(locked, 0o710); err != nil {
		t.Fatal(err)
	}
	saved := listDir
	t.Cleanup(func() { listDir = saved })
	listDir = func(d string) error {
		if d == locked {
			return &fs.PathError{Op: "open", Path: d, Err: syscall.EACCES}
		}
		return saved(d)
	}
	pattern := filepath.Join(locked, "*", "*-json.log")
	_, unmatched, err := ExpandFollowed([]string{pattern}, false)
	if err == nil || len(unmatched) != 0 || !strings.Contains(err.Error(), "the directory "+locked+" may not be listed by your user — run with sudo") {
		t.Errorf("ExpandFollowed = %v, unmatched %v", err, unmatched)
	}
	// A directory that may be listed and holds no match yet is waited for.
	listDir = saved
	if _, unmatched, err := ExpandFollowed([]string{pattern}, false); err != nil || len(unmatched) != 1 {
		t.Errorf("listable: err %v, unmatched %v", err, unmatched)
	}
}
