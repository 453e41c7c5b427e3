package main

import (
	"os"

	"connlog/internal/shellquote"
	"connlog/source"
)

// checkJournalFiles refuses a file given to --file, which names binary
// journal files, that is plainly something else: a log connlog reads as an
// input (a journal export, a compressed file, lines of text), or a journal
// file compressed whole. Opened as a journal file it would be called
// corrupted, and journalctl --verify would not help. Only a regular file
// with bytes is looked at: a /proc file, whose size is 0, may never answer.
func checkJournalFiles(files []string) error {
	for _, path := range files {
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
			continue // the journal reader says why it cannot be read
		}
		if nj, ok := source.NotAJournalFile(path); ok {
			return usageError{"--file " + path + ": " + notJournalAdvice(nj, path)}
		}
	}
	return nil
}

// notJournalAdvice says what a file given to --file is, and what to do.
func notJournalAdvice(nj source.NonJournal, path string) string {
	if nj.Undo != "" {
		return path + " is " + nj.What + ", which connlog reads only decompressed: " + nj.Undo + ", then give that file to --file"
	}
	q := shellquote.Arg(path)
	return path + " is " + nj.What + ", not a binary journal file: connlog reads it as an input file, without --file: " +
		"connlog export " + q + ", or connlog " + q + " for the interface"
}
