package main

import (
	"os"

	"connlog/source"
)

// checkJournalFiles refuses a journal export file given to --file, which
// names binary journal files: opened as one, it would be called corrupted
// (its signature is text), and journalctl --verify would not help. It is
// read as an input file instead, like any log. Only a regular file with
// bytes is looked at: a /proc file, whose size is 0, may never answer.
func checkJournalFiles(files []string) error {
	for _, path := range files {
		fi, err := os.Stat(path)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
			continue // the journal reader says why it cannot be read
		}
		if source.IsJournalExportFile(path) {
			return usageError{"--file " + path + ": " + path + " is a journal export file (the text journalctl -o export " +
				"writes, __CURSOR=… fields), not a journal file: connlog reads it as an input file, without --file: " +
				"connlog export " + path + ", or connlog " + path + " for the interface"}
		}
	}
	return nil
}
