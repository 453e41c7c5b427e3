package source

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// copyCandidates lists the files that may be copytruncate's copy of the
// log at path, the likeliest first: its newest rotated siblings
// (app.log.1, app.log-20261206.gz), then the newest files beside it whose
// names begin with its stem (app-1.log, app-20261206.log, app.1.log for
// app.log), the names applications and logrotate's custom names give
// their copies, and that a pattern such as '*.log' follows. A name only
// makes a candidate: the copy is known by its content (see tryCopy).
func copyCandidates(path string) (rotated, stemmed []string) {
	sibs, err := RotatedSiblings(path)
	if err != nil {
		return nil, nil // the directory cannot be listed: no name is known
	}
	slices.Reverse(sibs)
	return sibs[:min(len(sibs), maxCopyCandidates)], filesSharingStem(path)
}

// filesSharingStem returns the newest files beside path, at most
// maxStemCandidates, whose names begin with its stem and a separator,
// but for path itself and its rotated names (see copyCandidates).
func filesSharingStem(path string) []string {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Join(dir, "."))
	if err != nil {
		return nil
	}
	type named struct {
		path string
		mod  time.Time
	}
	var found []named
	for _, e := range entries {
		if !e.Type().IsRegular() || e.Name() == base || !sharesStem(e.Name(), base) {
			continue
		}
		if rn, ok := parseRotatedName(e.Name()); ok && rn.base == base {
			continue // a rotated sibling: among the rotated candidates
		}
		if fi, err := e.Info(); err == nil {
			found = append(found, named{filepath.Join(dir, e.Name()), fi.ModTime()})
		}
	}
	slices.SortFunc(found, func(a, b named) int { return b.mod.Compare(a.mod) })
	out := make([]string, 0, min(len(found), maxStemCandidates))
	for _, f := range found[:min(len(found), maxStemCandidates)] {
		out = append(out, f.path)
	}
	return out
}

// sharesStem reports whether name begins with the stem of base (base
// without its extension: app for app.log) and a separator after it, as
// app-1.log and app.20261206.log do; application.log does not.
func sharesStem(name, base string) bool {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if stem == "" {
		stem = base // .hidden: its extension is all of it
	}
	rest, ok := strings.CutPrefix(name, stem)
	return ok && rest != "" && strings.ContainsRune("-._", rune(rest[0]))
}
