package theme

import (
	"strconv"

	"connlog/model"
)

// The words every place that finds nothing, or less than the input holds
// (an empty view, the export dialog), uses to say that inputs were not
// read at all (see model.InputNotRead), as EvictedClause says what the
// memory budget cost.

// NotReadFiles says which inputs were not read: "app.log.1 was not read
// (permission denied)", "2 input files were not read, app.log.1 first
// (permission denied)"; n is how many, 0 (and "") when every input was
// read. The words are made safe to show.
func NotReadFiles(l model.Ledger) (words string, n int) {
	files := l.InputsNotRead()
	if len(files) == 0 {
		return "", 0
	}
	name := Clean(files[0].Name)
	if name == "" {
		name = "an input"
	}
	why := " (" + Clean(files[0].Why) + ")"
	if len(files) == 1 {
		return name + " was not read" + why, 1
	}
	return strconv.Itoa(len(files)) + " input files were not read, " + name + " first" + why, len(files)
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
