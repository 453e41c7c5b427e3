package source

import (
	"io/fs"
	"os"
	"path/filepath"
)

// GlobWatch finds the files that the command line's patterns match once
// they are followed and were not there when the patterns were expanded:
// '/var/lib/docker/containers/*/*-json.log' matches the log of a container
// created since, which tail -F of the names expanded at the start would
// never read.
type GlobWatch struct {
	patterns    []string
	withRotated bool
	// seen holds the cleaned paths that are inputs already, or were found
	// not to be new: they are never looked at again. A followed input
	// follows its name, and so reads whatever file comes to it.
	seen map[string]bool
}

// NewGlobWatch returns the watch of the patterns among args (those
// ExpandInputs expanded), whose files now are the inputs at paths; nil
// when args hold no pattern. withRotated is ExpandInputs'.
func NewGlobWatch(args, paths []string, withRotated bool) *GlobWatch {
	w := &GlobWatch{withRotated: withRotated, seen: map[string]bool{}}
	for _, arg := range args {
		if isPattern(arg) {
			w.patterns = append(w.patterns, arg)
		}
	}
	if len(w.patterns) == 0 {
		return nil
	}
	// The other names of an input's file (AlsoNamed) are held by it: see
	// NewMatches.
	for _, p := range paths {
		w.seen[filepath.Clean(p)] = true
	}
	return w
}

// NewMatches returns an input for each file the patterns match now that
// is not an input yet, in the patterns' order, each to be followed. skip
// reports whether the file at path is no new input: one an input has open
// (see Holder), such as a followed log renamed to a name a pattern
// matches, or one connlog writes itself. Nor is a rotated
// copy or a compressed file: it is a followed log's rotation, whose lines
// came by following it; with withRotated, a new log's rotated copies are
// read before it, as at the start.
func (w *GlobWatch) NewMatches(skip func(path string, fi fs.FileInfo) bool) []Input {
	var found []Input
	for _, pattern := range w.patterns {
		matches, _ := filepath.Glob(pattern) // a bad pattern failed when it was expanded
		for _, m := range matches {
			if w.seen[filepath.Clean(m)] {
				continue
			}
			fi, err := os.Stat(m)
			if err != nil {
				continue // gone already, or not readable yet: looked at again next time
			}
			w.seen[filepath.Clean(m)] = true
			if fi.IsDir() || isRotatedOrCompressed(m) || isKernelMessageBuffer(m) || skip(m, fi) || sameAsFound(fi, found) {
				continue
			}
			found = append(found, w.withSiblings(m)...)
		}
	}
	return found
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
			if !w.seen[filepath.Clean(s)] {
				w.seen[filepath.Clean(s)] = true
				out = append(out, Input{Path: s})
			}
		}
	}
	return append(out, Input{Path: path, Follow: true})
}
