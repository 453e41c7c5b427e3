package source

import (
	"errors"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
)

// journalSystemDirs are where journald keeps the system journal: persistent
// storage first, then the volatile one.
var journalSystemDirs = []string{"/var/log/journal", "/run/log/journal"}

// journalReaderGroups may read the whole system journal.
var journalReaderGroups = []string{"systemd-journal", "adm", "wheel"}

// journalAccess is what decides whether the user sees the system journal or
// only their own: sd_journal_open succeeds either way, silently showing less.
type journalAccess struct {
	root           bool
	groups         []string // names of the user's groups
	systemFound    bool     // a system journal file or directory exists
	systemReadable bool     // at least one system journal file could be opened
}

// onlyOwnJournal reports whether the system journal exists but this user
// cannot read it: not root, in none of the reader groups, and no system
// journal file opens.
func (a journalAccess) onlyOwnJournal() bool {
	if a.root || !a.systemFound || a.systemReadable {
		return false
	}
	for _, g := range a.groups {
		for _, r := range journalReaderGroups {
			if g == r {
				return false
			}
		}
	}
	return true
}

// probeJournalAccess gathers journalAccess for the current process.
func probeJournalAccess(dirs []string) journalAccess {
	a := journalAccess{root: os.Geteuid() == 0}
	if a.root {
		return a
	}
	a.groups = journalGroupNames()
	a.systemFound, a.systemReadable = probeSystemJournal(dirs)
	return a
}

// journalGroupNames returns the names of the process's groups; a group whose
// name cannot be looked up is skipped.
func journalGroupNames() []string {
	gids, err := os.Getgroups()
	if err != nil {
		return nil
	}
	gids = append(gids, os.Getegid())
	names := make([]string, 0, len(gids))
	for _, gid := range gids {
		if g, err := user.LookupGroupId(strconv.Itoa(gid)); err == nil {
			names = append(names, g.Name)
		}
	}
	return names
}

// probeSystemJournal looks for system journal files (DIR/MACHINE-ID/system*.journal)
// and tries to open them.
func probeSystemJournal(dirs []string) (found, readable bool) {
	for _, dir := range dirs {
		machines, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrPermission) {
			found = true
			continue
		}
		for _, m := range machines {
			files, _ := filepath.Glob(filepath.Join(dir, m.Name(), "system*.journal"))
			for _, f := range files {
				found = true
				if fh, err := os.Open(f); err == nil {
					fh.Close()
					return true, true
				}
			}
		}
	}
	return found, false
}
