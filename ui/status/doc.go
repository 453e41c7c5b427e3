// Package status is the top line of connlog's screen: what is watched and
// the state of each source, follow or paused (with the count of new
// entries), rows shown of entries held, the loss counter, muted templates,
// error and warning counts, ingest rate, memory against its budget, and the
// clock. It always fits its width, dropping the least important parts
// first; source names and errors are log-influenced and drawn inert.
package status
