package model

// GapFields are the fields of a gap entry: its reason, its count when the
// size of what is missing is known, and its words. A gap of unknown size
// (count 0) has no gap.count, which would read as "nothing missing" in the
// detail pane and an ndjson export; its words say the amount is unknown.
func GapFields(reason string, count int64) Fields {
	fields := Fields{Str(KeyGapReason, reason)}
	if count > 0 {
		fields = append(fields, Int(KeyGapCount, count))
	}
	return append(fields, Str(KeyMessage, GapMessage(reason, count)))
}
