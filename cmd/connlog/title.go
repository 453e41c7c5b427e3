package main

import (
	"path/filepath"
	"strconv"
	"strings"
)

// title names what connlog is showing: the unit and the host its entries
// come from, or the files. Several files are counted, with the directory
// they share ("7 files in /var/log/connector/"): a list of their paths
// would be cut by the status line after the first two or three, and the
// status line names each one after the title anyway.
func title(infos []sourceInfo, host string) string {
	if len(infos) > 1 && allFiles(infos) {
		return filesTitle(infos)
	}
	names := make([]string, 0, len(infos))
	for _, in := range infos {
		names = append(names, in.Name)
	}
	t := strings.Join(names, ", ")
	if len(infos) == 1 && (infos[0].Unit != "" || infos[0].Journal) && host != "" {
		t += " @ " + host
	}
	return t
}

// allFiles reports whether every input is a file (not stdin, the journal
// or a remote store).
func allFiles(infos []sourceInfo) bool {
	for _, in := range infos {
		if in.Path == "" || in.Journal {
			return false
		}
	}
	return true
}

// filesTitle counts several files and names the directory they share, as
// the user named them; none when they share only the root or the working
// directory, which says nothing.
func filesTitle(infos []sourceInfo) string {
	t := strconv.Itoa(len(infos)) + " files"
	dir := filepath.Dir(infos[0].Name)
	for _, in := range infos[1:] {
		dir = commonDir(dir, filepath.Dir(in.Name))
	}
	if dir == "" || dir == "." || dir == string(filepath.Separator) {
		return t
	}
	return t + " in " + strings.TrimSuffix(dir, string(filepath.Separator)) + string(filepath.Separator)
}

// commonDir is the longest directory that holds both a and b (both
// cleaned, as filepath.Dir returns them); "" when they share none.
func commonDir(a, b string) string {
	for a != b {
		if len(a) < len(b) {
			a, b = b, a
		}
		up := filepath.Dir(a)
		if up == a {
			return ""
		}
		a = up
	}
	return a
}
