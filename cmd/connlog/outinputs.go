package main

import (
	"path/filepath"

	"connlog/source"
)

// localJournalDirs is source.LocalJournalDirs; tests point it at a journal
// of their own.
var localJournalDirs = source.LocalJournalDirs

// inputPaths lists the files connlog reads, which an export must never
// replace: the files named (globs expanded, rotated copies attached), the
// journal files given with --file, those in the directory given with -D,
// and, when no input is named, those of this machine's journal. The files
// an input holds open under other names since (a rotated generation) are
// found by the export itself; the journal's are not open yet when a
// headless export opens its output.
func inputPaths(cfg Config, infos []sourceInfo) []string {
	var paths []string
	for _, in := range infos {
		if in.Path != "" && in.Path != source.StdinPath {
			paths = append(paths, in.Path)
		}
	}
	paths = append(paths, cfg.JournalFile...)
	if cfg.Directory != "" {
		paths = append(paths, journalFilesIn(cfg.Directory)...)
	}
	if cfg.readsJournalUnnamed() {
		for _, d := range localJournalDirs() {
			paths = append(paths, journalFilesIn(d)...)
		}
	}
	return paths
}

// journalFilesIn lists the journal files the journal reads in dir: those
// in it and in the directory below (DIR/MACHINE-ID).
func journalFilesIn(dir string) []string {
	var paths []string
	for _, pattern := range []string{"*.journal*", "*/*.journal*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		paths = append(paths, m...)
	}
	return paths
}
