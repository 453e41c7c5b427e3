package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// GlobWatch finds the files that the command line's patterns match once
// they are followed and were not there when the patterns were expanded:
// '/var/lib/docker/containers/*/*-json.log' matches the log of a container
// created since, which tail -F of the names expanded at the start would
// never read.
type GlobWatch struct {
	patterns    []string
	withRotated bool
	// inputs holds the cleaned paths of the inputs: never looked at again.
	// A followed input follows its name, and so reads whatever file comes
	// to it.
	inputs map[string]bool
	// judged holds, for a path found to be no new log, the file it named
	// then. The verdict is about that file: the path is looked at again
	// once it names another file, or that file changed.
	judged map[string]fs.FileInfo
	// undecided holds when a path was first found NotYet: it is looked at
	// again at every check, and read as a new log once it has been
	// undecided for undecidedFor.
	undecided    map[string]time.Time
	undecidedFor time.Duration
}

// Verdict is what a look at a candidate found.
type Verdict int

const (
	// NewLog: a log to read, from its start.
	NewLog Verdict = iota
	// NotNew: a file whose lines came by following a log (see Recogniser).
	NotNew
	// NotYet: it holds all a followed log has read, and more, while that
	// log was not cut: copytruncate's copy on its way, whose original is
	// about to be truncated, or another log that begins the same way (a
	// banner). Which one shows within moments: looked at again until then.
	NotYet
)

// Candidate is a file a pattern matches that is no input yet.
type Candidate struct {
	Path string
	Info fs.FileInfo // its stat: that of File, when it is open
	// File is the file, open for reading its bytes; nil when it is no
	// regular file (a pipe's bytes would be taken from its reader) or could
	// not be opened.
	File *os.File
}

// NewGlobWatch returns the watch of the patterns among args (those
// ExpandInputs expanded), whose files now are the inputs at paths; nil
// when args hold no pattern. withRotated is ExpandInputs'.
func NewGlobWatch(args, paths []string, withRotated bool) *GlobWatch {
	w := &GlobWatch{withRotated: withRotated, inputs: map[string]bool{}, judged: map[string]fs.FileInfo{},
		undecided: map[string]time.Time{}, undecidedFor: rotationGrace}
	for _, arg := range args {
		if isPattern(arg) {
			w.patterns = append(w.patterns, arg)
		}
	}
	if len(w.patterns) == 0 {
		return nil
	}
	// The other names of an input's file (AlsoNamed) are recognised by it:
	// see NewMatches.
	for _, p := range paths {
		w.inputs[filepath.Clean(p)] = true
	}
	return w
}

// NewMatches returns an input for each file the patterns match now that
// is not an input yet, in the patterns' order, each to be followed. judge
// says whether a candidate is a new log: not a file an input read (see
// Recogniser), such as a followed log renamed to a name a pattern
// matches, nor one connlog writes itself. Nor is a rotated
// copy or a compressed file: it is a followed log's rotation, whose lines
// came by following it; with withRotated, a new log's rotated copies are
// read before it, as at the start.
func (w *GlobWatch) NewMatches(judge func(Candidate) Verdict) []Input {
	var found []Input
	for _, pattern := range w.patterns {
		matches, _ := filepath.Glob(pattern) // a bad pattern failed when it was expanded
		for _, m := range matches {
			path := filepath.Clean(m)
			if w.inputs[path] || isRotatedOrCompressed(m) || isKernelMessageBuffer(m) {
				continue
			}
			if w.isNewLog(m, judge, found) {
				w.inputs[path] = true
				found = append(found, w.withSiblings(m)...)
			}
		}
	}
	return found
}

// isNewLog reports whether the file at path is a new log, and remembers
// the file it is not (see judged) or may not be (see undecided).
func (w *GlobWatch) isNewLog(path string, judge func(Candidate) Verdict, found []Input) bool {
	key := filepath.Clean(path)
	fi, err := os.Stat(path)
	if err != nil {
		delete(w.undecided, key)
		return false // gone already, or not readable yet: looked at again next time
	}
	if prev, ok := w.judged[key]; ok && unchanged(prev, fi) {
		return false
	}
	c := openCandidate(path, fi)
	if c.File != nil {
		defer c.File.Close()
	}
	verdict := NotNew
	if !c.Info.IsDir() && !sameAsFound(c.Info, found) {
		verdict = judge(c)
	}
	if verdict == NotYet && !w.undecidedTooLong(key) {
		return false
	}
	delete(w.undecided, key)
	if verdict == NotNew {
		w.judged[key] = c.Info
		return false
	}
	delete(w.judged, key)
	return true
}

// undecidedTooLong notes that path is undecided, and reports whether it
// has been for undecidedFor: then it is no copy on its way.
func (w *GlobWatch) undecidedTooLong(path string) bool {
	first, ok := w.undecided[path]
	if !ok {
		w.undecided[path] = time.Now()
		return w.undecidedFor <= 0
	}
	return time.Since(first) >= w.undecidedFor
}

// openCandidate opens the regular file at path, whose stat is fi, for its
// bytes to be compared; the Candidate's Info is then the open file's, as
// another file may have taken the name meanwhile.
func openCandidate(path string, fi fs.FileInfo) Candidate {
	c := Candidate{Path: path, Info: fi}
	if !fi.Mode().IsRegular() {
		return c
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return c
	}
	if ofi, err := f.Stat(); err == nil && ofi.Mode().IsRegular() {
		c.File, c.Info = f, ofi
		return c
	}
	f.Close()
	return c
}

// unchanged reports whether now is the file before was, as it was: the
// same file, neither written nor resized since.
func unchanged(before, now fs.FileInfo) bool {
	return os.SameFile(before, now) && before.Size() == now.Size() && before.ModTime().Equal(now.ModTime())
}

// sameAsFound reports whether fi is the file of one of the inputs found
// already (two patterns, or a link, name it).
func sameAsFound(fi fs.FileInfo, found []Input) bool {
	for _, in := range found {
		if other, err := os.Stat(in.Path); err == nil && os.SameFile(fi, other) {
			return true
		}
	}
	return false
}

// withSiblings returns the input of the new log at path, preceded with
// withRotated by those of its rotated copies not read yet, oldest first.
func (w *GlobWatch) withSiblings(path string) []Input {
	var out []Input
	if w.withRotated {
		sibs, _ := RotatedSiblings(path) // none when its directory cannot be listed
		for _, s := range sibs {
			if !w.inputs[filepath.Clean(s)] {
				w.inputs[filepath.Clean(s)] = true
				out = append(out, Input{Path: s})
			}
		}
	}
	return append(out, Input{Path: path, Follow: true})
}
