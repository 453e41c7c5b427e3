package source

import "bytes"

// An ndjson record connlog wrote holds its line twice (raw, and the message
// among its fields), escaped: a line kept whole at maxLine makes a record
// several times as long, which must be read back whole for the round trip
// the README promises. Such a record, known by how connlog begins it, may
// be exportRecordLimit times maxLine; any other line is cut at maxLine.
const exportRecordLimit = 16

// exportRecordStart is how each of connlog's ndjson records begins.
var exportRecordStart = []byte(`{"seq":`)

// limitFor returns the longest line the framer keeps whole when the line
// held so far is pending and b follows it.
func (f *lineFramer) limitFor(b []byte) int {
	start := b
	if len(f.pending) > 0 {
		start = f.pending
		if len(start) < len(exportRecordStart) {
			start = append(start[:len(start):len(start)], b[:min(len(b), len(exportRecordStart))]...)
		}
	}
	if bytes.HasPrefix(start, exportRecordStart) {
		return f.maxLine * exportRecordLimit
	}
	return f.maxLine
}
