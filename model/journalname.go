package model

// MaxJournalFieldName is the longest field name the journal takes.
const MaxJournalFieldName = 64

// IsJournalFieldName reports whether b is a field name of the journal and
// of its export format: upper-case letters, digits and '_', not starting
// with a digit, at most MaxJournalFieldName bytes. The export format can
// carry no other name: one with '=' or a newline would be read back as
// another field.
func IsJournalFieldName(b []byte) bool {
	if len(b) == 0 || len(b) > MaxJournalFieldName || b[0] >= '0' && b[0] <= '9' {
		return false
	}
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
