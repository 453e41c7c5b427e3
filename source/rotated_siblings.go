package source

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// rotatedName is a rotated copy of a log file, as named by logrotate or a
// similar tool: base.N, base.N.gz, base.gz, base-YYYYMMDD[.gz], base.YYYY-MM-DD[.zst] …
type rotatedName struct {
	base  string // the live file's name
	dated bool
	date  string // the date's digits, for dated names: they sort as text
	num   int    // the rotation number (higher is older); 0 for base.gz
}

// parseRotatedName splits a file name (no directory) into the live name it
// rotates and its place among the rotations; ok is false for a name that
// is not a rotated copy.
func parseRotatedName(name string) (rn rotatedName, ok bool) {
	rest, compressed := name, false
	for _, ext := range compressedSuffixes {
		if s, found := strings.CutSuffix(name, ext); found && s != "" {
			rest, compressed = s, true
			break
		}
	}
	// The rotation suffix is a run of digits (and dashes, in dates) at the
	// end, after a separator.
	i := len(rest)
	for i > 0 && (isDigit(rest[i-1]) || rest[i-1] == '-') {
		i--
	}
	run := strings.TrimLeft(rest[i:], "-")
	sep := len(rest) - len(run) - 1 // index of the separator before run
	switch {
	case run != "" && sep > 0 && isDate(run) && strings.ContainsRune("-._", rune(rest[sep])):
		return rotatedName{base: rest[:sep], dated: true, date: strings.ReplaceAll(run, "-", "")}, true
	case run != "" && sep > 0 && rest[sep] == '.' && len(run) <= 6 && !strings.Contains(run, "-"):
		n, err := strconv.Atoi(run)
		return rotatedName{base: rest[:sep], num: n}, err == nil
	case compressed:
		return rotatedName{base: rest}, true
	}
	return rotatedName{}, false
}

// isDate reports whether s looks like a date stamp: at least eight digits
// (dashes allowed between them) starting with a plausible century.
func isDate(s string) bool {
	digits := strings.ReplaceAll(s, "-", "")
	return len(digits) >= 8 && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")) &&
		strings.Trim(digits, "0123456789") == ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isRotatedOrCompressed reports whether path names a rotated copy or a
// compressed file: something read once, never followed.
func isRotatedOrCompressed(path string) bool {
	_, ok := parseRotatedName(filepath.Base(path))
	return ok
}

// RotatedSiblings lists the rotated copies of the log file at path that sit
// beside it, oldest first: dated names by date, then numbered names from the
// highest number down (FILE.3.gz, FILE.2.gz, FILE.1), FILE.gz last.
func RotatedSiblings(path string) ([]string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list the rotated copies of %s: %w", path, err)
	}
	type sibling struct {
		name string
		rn   rotatedName
	}
	var found []sibling
	for _, e := range entries {
		rn, ok := parseRotatedName(e.Name())
		if ok && rn.base == base && !e.IsDir() {
			found = append(found, sibling{e.Name(), rn})
		}
	}
	slices.SortFunc(found, func(a, b sibling) int {
		switch {
		case a.rn.dated != b.rn.dated:
			if a.rn.dated {
				return -1
			}
			return 1
		case a.rn.dated:
			return cmp.Or(cmp.Compare(a.rn.date, b.rn.date), cmp.Compare(a.name, b.name))
		}
		return cmp.Or(cmp.Compare(b.rn.num, a.rn.num), cmp.Compare(a.name, b.name))
	})
	out := make([]string, len(found))
	for i, s := range found {
		out[i] = filepath.Join(filepath.Dir(path), s.name)
	}
	return out, nil
}
