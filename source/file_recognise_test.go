package source

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// rotateFixedWindow rotates the log at dir/app.log as logback's and
// log4j's FixedWindowRollingPolicy do: app.1.log to app.2.log, app.log to
// app.1.log, and a new app.log holding content.
func rotateFixedWindow(t *testing.T, dir, content string) {
	t.Helper()
	at := func(name string) string { return filepath.Join(dir, name) }
	if _, err := os.Stat(at("app.1.log")); err == nil {
		must(t, os.Rename(at("app.1.log"), at("app.2.log")))
	}
	must(t, os.Rename(at("app.log"), at("app.1.log")))
	placeWhole(t, at("app.log"), content)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// recognises asks src whether the file now at path is one it read.
func recognises(t *testing.T, src *File, path string) bool {
	t.Helper()
	f, fi := openWithInfo(t, path)
	defer f.Close()
	return src.Recognises(f, fi) == NotNew
}

// openWithInfo opens the file at path, and stats it.
func openWithInfo(t *testing.T, path string) (*os.File, fs.FileInfo) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		t.Fatal(err)
	}
	return f, fi
}

// TestFileRecognisesTheFilesItRead: a followed log rotated twice by
// renames to names a pattern may match (app.1.log, app.2.log): the source
// recognises each file it read under any name, also once it has let go of
// it (a headless export closes it at once; the interface copies it aside
// past the eighth), and a copy of one, whole or on its way as far as the
// bytes where it ends can be compared (a headless export keeps only a
// let-go file's first and last bytes); not a file that only begins alike,
// nor one that holds all that was read and more (another log that begins
// the same way), nor another.
func TestFileRecognisesTheFilesItRead(t *testing.T) {
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			at := func(name string) string { return filepath.Join(dir, name) }
			first, second, third := joinLines(numbered("first", 20)), joinLines(numbered("second", 20)), joinLines(numbered("third", 3))
			appendTo(t, at("app.log"), first)
			src := NewFile(at("app.log"), 1, FileOptions{Follow: true, StreamOnly: streamOnly})
			src.grace = 100 * time.Millisecond
			r := start(t, src)
			r.waitLines(20)
			rotateFixedWindow(t, dir, second)
			r.waitLines(40)
			rotateFixedWindow(t, dir, third)
			r.waitLines(43)
			if !streamOnly {
				src.gens.retire(src.gens.list[0]) // as past the eighth rotation
			}
			writeLog(t, at("copy.log"), first)
			writeLog(t, at("copy-under-way.log"), joinLines(numbered("first", 20)[:10]))
			writeLog(t, at("copy-begun.log"), joinLines(numbered("first", 20)[:5])) // within the first bytes kept
			writeLog(t, at("continued.log"), first+joinLines(numbered("later", 3)))
			writeLog(t, at("begins-alike.log"), joinLines(append(numbered("first", 20)[:10], numbered("later", 15)...)))
			writeLog(t, at("other.log"), joinLines(numbered("other", 20)))
			for name, want := range map[string]bool{"app.2.log": true, "app.1.log": true, "app.log": true,
				"copy.log": true, "copy-under-way.log": !streamOnly, "copy-begun.log": true,
				"continued.log": false, "begins-alike.log": false, "other.log": false} {
				if got := recognises(t, src, at(name)); got != want {
					t.Errorf("%s recognised %v, want %v", name, got, want)
				}
			}
		})
	}
}

func writeLog(t *testing.T, path, content string) {
	t.Helper()
	must(t, os.WriteFile(path, []byte(content), 0o644))
}

// TestFileRecognisesTheCopyOfAFileCutInPlace: a followed log copied and
// truncated (copytruncate) to a name its rotated names do not cover, the
// writer having added lines between connlog's last read and the copy: the
// copy holds all that was read and more, and is recognised, before the
// source has seen the cut and after; a file that holds all of a log not
// cut, and more, is not (another log that begins the same way).
func TestFileRecognisesTheCopyOfAFileCutInPlace(t *testing.T) {
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			at := func(name string) string { return filepath.Join(dir, name) }
			first, later := joinLines(numbered("first", 20)), joinLines(numbered("later", 3))
			appendTo(t, at("app.log"), first)
			src := NewFile(at("app.log"), 1, FileOptions{Follow: true, StreamOnly: streamOnly})
			r := start(t, src)
			r.waitLines(20)
			writeLog(t, at("begins-alike.log"), first+later)
			f, fi := openWithInfo(t, at("begins-alike.log"))
			if v := src.Recognises(f, fi); v != NotYet {
				t.Fatalf("a file holding all of a log not cut, and more, judged %v: want NotYet (a copy on its way, or another log)", v)
			}
			f.Close()
			writeLog(t, at("app-1.log"), first+later) // the copy, with what the writer added
			must(t, os.Truncate(at("app.log"), 0))
			if !recognises(t, src, at("app-1.log")) {
				t.Fatal("the copy was not recognised before the cut was seen")
			}
			appendTo(t, at("app.log"), joinLines(numbered("after", 2)))
			r.waitLines(22)
			if !recognises(t, src, at("app-1.log")) {
				t.Fatal("the copy was not recognised after the cut was seen")
			}
		})
	}
}

// TestFileRecognisesACopyTakenBeforeWhatWasRead: copytruncate copies a
// followed log while its writer goes on, and connlog reads past the
// copy's end before the truncation: the copy holds less than was read,
// and a headless export keeps no bytes where it ends. It begins as the cut
// log did, and is recognised (it was read again from its start).
func TestFileRecognisesACopyTakenBeforeWhatWasRead(t *testing.T) {
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			at := func(name string) string { return filepath.Join(dir, name) }
			lines := numbered("first", 40)
			appendTo(t, at("app.log"), joinLines(lines))
			src := NewFile(at("app.log"), 1, FileOptions{Follow: true, StreamOnly: streamOnly})
			r := start(t, src)
			r.waitLines(40)
			writeLog(t, at("app-1.log"), joinLines(lines[:25])) // copied before the last lines were written
			must(t, os.Truncate(at("app.log"), 0))
			appendTo(t, at("app.log"), joinLines(numbered("after", 2)))
			r.waitLines(42)
			if !recognises(t, src, at("app-1.log")) {
				t.Fatal("the copy taken before what was read was not recognised")
			}
		})
	}
}

// TestFileRecognisesTheFilesItHoldsAside: a followed log is renamed away
// (logback's app.log to app-1.log) and, while the renamed one is still
// read, the new one is renamed in turn (app-2.log) before connlog has
// moved to it: the source holds it open to read it next, so it is no new
// log under its new name (it was read again, from its start, as one).
func TestFileRecognisesTheFilesItHoldsAside(t *testing.T) {
	for _, streamOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream only %v", streamOnly), func(t *testing.T) {
			dir := t.TempDir()
			at := func(name string) string { return filepath.Join(dir, name) }
			appendTo(t, at("app.log"), joinLines(numbered("first", 5)))
			src := NewFile(at("app.log"), 1, FileOptions{Follow: true, StreamOnly: streamOnly})
			src.grace = time.Hour
			r := start(t, src)
			r.waitLines(5)
			must(t, os.Rename(at("app.log"), at("app-1.log")))
			placeWhole(t, at("app.log"), joinLines(numbered("second", 5)))
			waitFor(t, "the grace", func() bool { return src.State() == graceState })
			must(t, os.Rename(at("app.log"), at("app-2.log")))
			for _, name := range []string{"app-1.log", "app-2.log"} {
				if !recognises(t, src, at(name)) {
					t.Errorf("%s, held open to be read, was not recognised", name)
				}
			}
		})
	}
}
