package main

import (
	"path/filepath"

	"connlog/source"
)

// inputPaths lists the files connlog reads, which an export must never
// replace: the files named (globs expanded, rotated copies attached), the
// journal files given with --file, and those in the directory given with
// -D. The files an input holds open under other names since (a rotated
// generation) are found by the export itself.
func inputPaths(cfg Config, infos []sourceInfo) []string {
	var paths []string
	for _, in := range infos {
		if in.Path != "" && in.Path != source.StdinPath {
			paths = append(paths, in.Path)
		}
	}
	paths = append(paths, cfg.JournalFile...)
	if cfg.Directory != "" {
		// The journal reads the directory and the one below (DIR/MACHINE-ID).
		for _, pattern := range []string{"*.journal*", "*/*.journal*"} {
			m, _ := filepath.Glob(filepath.Join(cfg.Directory, pattern))
			paths = append(paths, m...)
		}
	}
	return paths
}
