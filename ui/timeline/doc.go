// Package timeline is the strip drawn above the table: the current view's
// entries counted per time bucket, one column (or a few) per bucket, as
// block characters whose height is the count and whose colour and letter
// say the worst level and the marks in the bucket (failed or denied
// connections, restarts, gaps). The bucket width steps from a second to
// hours so that the view's span fills the width; keys move over the
// buckets, zoom in and out, and select a span that the root turns into
// since:… time<… terms of the filter.
//
// Counting is separate from drawing: Count tallies rows of a view off the
// Update loop (the root runs it in a tea.Cmd), and the Counts it returns
// are merged into the strip's (AddCounts), so that rows appended while
// following are added without a recount. Nothing a log line holds reaches
// the strip: it draws times, numbers and its own letters only.
package timeline
