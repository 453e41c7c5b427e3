package exportdialog

import "connlog/ui/theme"

// notReadLine says, with the count and with the result, that inputs were
// not read at all, so that neither reads as all of the input (as
// evictedLine says what the memory budget cost): "app.log.1 was not read
// (permission denied): its lines are not in it". "" when every input was
// read. The store is asked once, as the dialog opens: such a gap comes as
// an input is opened, long before an export.
func notReadLine(src *Source) string {
	if src == nil || src.Store == nil {
		return ""
	}
	words, n := theme.NotReadFiles(src.Store.Stats().Loss)
	switch n {
	case 0:
		return ""
	case 1:
		return words + ": its lines are not in it"
	}
	return words + ": their lines are not in it"
}
