package source

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDirWatchWakesForTheFileAndItsSiblings: a write to the followed file
// or a rotation wakes the follow loop at once; a write to another log in
// the same directory does not.
func TestDirWatchWakesForTheFileAndItsSiblings(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	appendTo(t, path, "one\n")
	w := watchDir(path)
	if w == nil {
		t.Fatal("inotify is not available")
	}
	defer w.Close()
	// A wake that should come may take long on a loaded machine; one that
	// should not come is given a moment to show up.
	wokenWithin := func(limit time.Duration) bool {
		select {
		case <-w.C():
			return true
		case <-time.After(limit):
			return false
		}
	}
	appendTo(t, filepath.Join(dir, "other.log"), "noise\n")
	if wokenWithin(300 * time.Millisecond) {
		t.Error("woken by another file")
	}
	appendTo(t, path, "two\n")
	if !wokenWithin(waitLimit) {
		t.Error("not woken by a write to the file")
	}
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	if !wokenWithin(waitLimit) {
		t.Error("not woken by a rotation")
	}
}
