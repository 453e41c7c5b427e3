package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"connlog/internal/shellquote"
	"connlog/source"
)

// takeJournalInputs reads the inputs named without --file that are binary
// journal files (known by their first bytes, whatever their names) as
// --file reads them: read as lines of text, a journal file gave thousands
// of garbage entries and gaps, and no word of what went wrong. A journal
// and text logs cannot be read in one run, so a journal file named among
// text logs, or beside -D, is a usage error that says what to type; so is
// a journal file compressed whole, which no journal reader reads.
func (c *Config) takeJournalInputs() error {
	journals, others, err := splitJournalInputs(c.Files)
	switch {
	case err != nil:
		return err
	case len(journals) == 0:
		return nil
	case len(others) > 0:
		return journalAmongLogsError(journals, others[0])
	case c.Directory != "":
		return twoJournalsError(c.Directory, shellquote.Arg(journals[0]))
	}
	c.JournalFile = append(c.JournalFile, journals...)
	c.Files = nil
	return nil
}

// splitJournalInputs parts the inputs named into binary journal files and
// the others (text logs, compressed logs, globs, standard input). A
// journal file compressed whole is refused with the command that
// decompresses it.
func splitJournalInputs(files []string) (journals, others []string, err error) {
	for _, path := range files {
		switch {
		case path == source.StdinPath:
			// Not a file: "-" in the working directory is not opened.
			others = append(others, path)
		case source.IsPattern(path):
			if err := checkGlobMatches(path); err != nil {
				return nil, nil, err
			}
			others = append(others, path)
		case source.IsJournalFile(path):
			journals = append(journals, path)
		default:
			if err := checkCompressedJournal(path); err != nil {
				return nil, nil, err
			}
			others = append(others, path)
		}
	}
	return journals, others, nil
}

// checkCompressedJournal refuses path when it is a journal file compressed
// whole, with the command that decompresses it.
func checkCompressedJournal(path string) error {
	if nj, ok := source.CompressedJournalFile(path); ok {
		return usageError{notJournalAdvice(nj, path)}
	}
	return nil
}

// checkGlobMatches refuses a quoted glob that matches a binary journal
// file now: read as a log, each would be lines of garbage. Its files are
// a journal's, for -D (or --file each); its matches may change while it is
// followed, so they are not taken as --file.
func checkGlobMatches(pattern string) error {
	matches, _ := filepath.Glob(pattern) // a bad pattern is said when it is expanded
	for _, m := range matches {
		if source.IsJournalFile(m) {
			return usageError{m + ", which " + shellquote.Arg(pattern) + " matches, is a binary journal file: read its journal with -D " +
				shellquote.Arg(filepath.Dir(m)) + ", or give each journal file to --file, instead of the pattern"}
		}
		if err := checkCompressedJournal(m); err != nil {
			return err
		}
	}
	return nil
}

// journalAmongLogsError says that the first of journals, binary journal
// files, cannot be read in one run with other, a log of another kind, and
// how to read each.
func journalAmongLogsError(journals []string, other string) error {
	what := other
	if other == source.StdinPath {
		what = "standard input (-)"
	}
	return usageError{journals[0] + " is a binary journal file and " + what + " is not: connlog reads a journal or logs " +
		"of other kinds, not both in one run — give the journal to --file (" + fileFlags(journals) +
		") or its directory to -D, and read " + what + " in a run of its own"}
}

// fileFlags is the --file flags that name journals, the first of them
// only, with a word on the others, when they are many.
func fileFlags(journals []string) string {
	const listed = 3
	if len(journals) > listed {
		return fmt.Sprintf("--file %s …, one for each of the %d journal files", shellquote.Arg(journals[0]), len(journals))
	}
	var flags []string
	for _, j := range journals {
		flags = append(flags, "--file "+shellquote.Arg(j))
	}
	return strings.Join(flags, " ")
}

// twoJournalsError refuses -D dir with another journal, file (the words
// that named it), as journalctl does: reading only one of them would drop
// the other's entries without a word.
func twoJournalsError(dir, file string) error {
	d := shellquote.Arg(dir)
	return usageError{"-D " + d + " and " + file + " name two journals: give one of them " +
		"(to read both, name each journal file of " + d + " with a --file of its own)"}
}
