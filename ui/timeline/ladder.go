package timeline

import "connlog/model/triage"

// The strip steps through the bucket widths of the triage's timeline
// (triage.BucketWidth), so that its buckets merge whole when the width
// steps up, and places no time triage.UsableTime refuses.

// widthAt returns the width of ladder step s, in nanoseconds.
func widthAt(s int) int64 { return int64(triage.BucketWidth(s)) }
