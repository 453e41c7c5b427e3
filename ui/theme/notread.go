package theme

import (
	"strconv"
	"strings"

	"connlog/model"
)

// The words every place that finds nothing, or less than the input holds
// (an empty view, the export dialog), uses to say that inputs were not
// read at all (see model.InputNotRead), as EvictedClause says what the
// memory budget cost.

// NotReadFiles says which inputs were not read: "app.log.1 was not read
// (permission denied)", "app.log.2.gz (corrupt gzip) and app.log.3.lzma
// (lzma, …) were not read", and beyond maxNotReadNamed files "5 input files
// were not read: a (…), b (…), c (…) and 2 more"; n is how many, 0 (and "")
// when every input was read. The words are made safe to show.
func NotReadFiles(l model.Ledger) (words string, n int) {
	files := l.InputsNotRead()
	switch len(files) {
	case 0:
		return "", 0
	case 1:
		return notReadName(files[0]) + " was not read (" + Clean(files[0].Why) + ")", 1
	}
	named := make([]string, 0, maxNotReadNamed+1)
	for _, f := range files[:min(len(files), maxNotReadNamed)] {
		named = append(named, notReadName(f)+" ("+Clean(f.Why)+")")
	}
	if len(files) <= maxNotReadNamed {
		return andList(named) + " were not read", len(files)
	}
	named = append(named, strconv.Itoa(len(files)-maxNotReadNamed)+" more")
	return strconv.Itoa(len(files)) + " input files were not read: " + andList(named), len(files)
}

// maxNotReadNamed is how many of the inputs not read are named: more would
// crowd out the rest of an empty view's words.
const maxNotReadNamed = 3

// notReadName is how an input not read is named.
func notReadName(f model.NotRead) string {
	if name := Clean(f.Name); name != "" {
		return name
	}
	return "an input"
}

// andList joins words as a sentence lists them: "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// NotReadClause is NotReadFiles for a view that finds nothing: where the
// gaps that stand for those files are, which a time window leaves out,
// for their lines' time is unknown. "" when every input was read.
func NotReadClause(l model.Ledger) string {
	words, n := NotReadFiles(l)
	switch n {
	case 0:
		return ""
	case 1:
		return words + ": its lines' time is unknown — the filter kind:gap alone shows its gap"
	}
	return words + ": their lines' time is unknown — the filter kind:gap alone shows their gaps"
}
