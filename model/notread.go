package model

import (
	"cmp"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// NotRead is an input of which nothing was read (see InputNotRead), as a
// view that finds nothing names it: the file and why, in a few words.
type NotRead struct {
	Name string // the file's base name; "" when the reason does not say
	Why  string // "permission denied", "lzma, a compression connlog does not read"
}

// InputsNotRead are the inputs the ledger counts as not read at all, by
// name, numbers in it compared as numbers: rotated copies come in the
// order of their rotation numbers (app.log.2 before app.log.10).
func (l Ledger) InputsNotRead() []NotRead {
	var out []NotRead
	for r := range l.ByKind {
		if InputNotRead(r) {
			out = append(out, notReadOf(r))
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if c := compareNatural(out[i].Name, out[j].Name); c != 0 {
			return c < 0
		}
		return out[i].Why < out[j].Why
	})
	return out
}

// NotReadFirst returns a copy of srcs with the inputs the ledger counts
// as not read first, in the order InputsNotRead names them, matched by
// base name, and the others after them in their own order: a line that
// has room for a few inputs names first the file the empty view and the
// export dialog name first.
func (l Ledger) NotReadFirst(srcs []SourceStatus) []SourceStatus {
	rest := slices.Clone(srcs)
	out := make([]SourceStatus, 0, len(srcs))
	for _, f := range l.InputsNotRead() {
		i := slices.IndexFunc(rest, func(s SourceStatus) bool { return f.Name != "" && filepath.Base(s.Name) == f.Name })
		if i >= 0 {
			out = append(out, rest[i])
			rest = slices.Delete(rest, i, i+1)
		}
	}
	return append(out, rest...)
}

// compareNatural compares a and b as text, but runs of digits as the
// numbers they write.
func compareNatural(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

// digitRun is the length of the run of digits s begins with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// notReadOf reads the file and the cause back from the reason of a gap
// of an input not read (the notes the file source writes).
func notReadOf(reason string) NotRead {
	if rest, ok := strings.CutPrefix(reason, GapFileNotRead+": "); ok {
		name, cause, _ := strings.Cut(rest, ": "+GapNothingRead+": ")
		if i := strings.LastIndex(cause, ": "); i >= 0 {
			cause = cause[i+2:] // "open /var/log/x.1: permission denied"
		}
		return NotRead{Name: name, Why: cause}
	}
	if rest, ok := strings.CutPrefix(reason, GapUnsupportedCompression+": "); ok {
		if name, format, ok := nameAndFormat(rest, ": decompress it first"); ok {
			return NotRead{Name: name, Why: format + ", a compression connlog does not read"}
		}
	}
	if rest, ok := strings.CutPrefix(reason, GapCorruptCompressed+": "); ok {
		if name, format, ok := nameAndFormat(rest, ": "+GapNothingRead); ok {
			return NotRead{Name: name, Why: "corrupt " + format}
		}
	}
	return NotRead{Why: reason}
}

// nameAndFormat splits "NAME (FORMAT)" + end + … into the name and the format.
func nameAndFormat(s, end string) (name, format string, ok bool) {
	i := strings.Index(s, ")"+end)
	if i < 0 {
		return "", "", false
	}
	j := strings.LastIndex(s[:i], " (")
	if j < 0 {
		return "", "", false
	}
	return s[:j], s[j+2 : i], true
}
