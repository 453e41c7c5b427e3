package model

import (
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
// name: a rotated copy's number then says which came first.
func (l Ledger) InputsNotRead() []NotRead {
	var out []NotRead
	for r := range l.ByKind {
		if InputNotRead(r) {
			out = append(out, notReadOf(r))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name+"\x00"+out[i].Why < out[j].Name+"\x00"+out[j].Why })
	return out
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
