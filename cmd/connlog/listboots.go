package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"

	"connlog/source"
	"connlog/source/journalfile"
)

// listBoots prints the journal's boots as journalctl --list-boots does:
// the offset -b takes (0 the newest, -1 the one before…), the boot ID and
// the times of its first and last entries.
func listBoots(cfg Config, stdout, stderr io.Writer) error {
	opts, err := journalOptions(cfg, false)
	if err != nil {
		return err
	}
	boots, skipped, err := source.JournalBoots(opts)
	if err != nil {
		return err
	}
	for _, e := range skipped {
		fmt.Fprintf(stderr, "connlog: warning: %v%s\n", e, bootsLossConsequence(e))
	}
	if len(boots) == 0 {
		return fmt.Errorf("the journal holds no boot: no entries could be read%s", journalWhere(cfg))
	}
	loc := cfg.location()
	w := bufio.NewWriter(stdout)
	fmt.Fprintf(w, "%3s %-32s %-27s %s\n", "IDX", "BOOT ID", "FIRST ENTRY", "LAST ENTRY")
	for i, b := range boots {
		fmt.Fprintf(w, "%3d %-32s %-27s %s\n", i-len(boots)+1, b.ID, bootTime(b.First, loc), bootTime(b.Last, loc))
	}
	return w.Flush()
}

// bootsLossConsequence says what a loss met listing the boots means for
// the list: entries skipped or a file cut short still have their readable
// entries' boots listed; a file dropped whole has none.
func bootsLossConsequence(e error) string {
	var loss *journalfile.LossError
	switch {
	case errors.As(e, new(*journalfile.SkipError)):
		return "" // the file is read past them
	case errors.As(e, &loss) && loss.Kept:
		return ": the boots of the entries before that are listed"
	}
	return ": the file is left out"
}

// bootTime is journalctl's way of writing the time of a boot's entry.
func bootTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("Mon 2006-01-02 15:04:05 MST")
}

// journalWhere names the journal read, for a message.
func journalWhere(cfg Config) string {
	switch {
	case cfg.Directory != "":
		return " in " + cfg.Directory
	case len(cfg.JournalFile) > 0:
		return " in " + cfg.JournalFile.String()
	}
	return " in this machine's journal (/var/log/journal, /run/log/journal)"
}
