package query

import (
	"maps"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// pathForms gives file: and source: the other names of an input's path:
// absolute, and relative to the directory the inputs were opened in, so
// that a term finds the file however the command line and the query wrote
// its path (logs/a.log, ./logs/a.log, /srv/logs/a.log). Only the text is
// compared, never the file system: a symbolic link is another name.
type pathForms struct {
	dir string // absolute and clean
	// path is the term's value as an absolute, clean path when it is a
	// path rather than a pattern, "" otherwise: ../logs/a.log is
	// /srv/logs/a.log whatever the input was called.
	path string
	// abs maps input names to their absolute paths. Entries come from a
	// few inputs, so a map replaced on each new name keeps Match free of
	// allocation while several goroutines share the query.
	abs atomic.Pointer[map[string]string]
}

// maxPathForms bounds the names remembered; past it they are worked out
// on each match.
const maxPathForms = 64

// newPathForms returns the forms for inputs opened in dir, nil when dir is
// not an absolute path (the names are then compared as written). value is
// the term's, a pattern unless exact.
func newPathForms(dir, value string, exact bool) *pathForms {
	if !filepath.IsAbs(dir) {
		return nil
	}
	p := &pathForms{dir: filepath.Clean(dir)}
	if exact || !strings.Contains(value, "*") {
		p.path = p.join(value)
	}
	return p
}

// join is name as an absolute, clean path, read in the directory.
func (p *pathForms) join(name string) string {
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(p.dir, name)
}

// passes reports whether test passes the absolute path of name, or its
// path relative to the directory, when they are not name itself.
func (p *pathForms) passes(name string, test func(string) bool) bool {
	abs := p.absolute(name)
	if abs == p.path || abs != name && test(abs) {
		return true
	}
	rel, ok := strings.CutPrefix(abs, p.dir)
	if !ok || !strings.HasPrefix(rel, "/") {
		return false
	}
	rel = strings.TrimLeft(rel, "/")
	return rel != "" && rel != name && test(rel)
}

// absolute is name as an absolute, clean path.
func (p *pathForms) absolute(name string) string {
	known := p.abs.Load()
	if known != nil {
		if abs, ok := (*known)[name]; ok {
			return abs
		}
	}
	abs := p.join(name)
	if known == nil || len(*known) < maxPathForms {
		more := map[string]string{name: abs}
		if known != nil {
			maps.Copy(more, *known)
		}
		p.abs.Store(&more) // a name another goroutine added meanwhile is worked out again
	}
	return abs
}
