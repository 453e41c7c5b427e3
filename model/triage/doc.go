// Package triage computes, from a stream of entries (the entries of a view,
// so that a query narrows it), the answers an on-call engineer wants at a
// glance: a timeline of counts per time bucket and level, the lines folded
// into templates, the top users, resources, client addresses, countries,
// failure reasons, denied accesses and noisy modules, one row per
// connection, and what changed between two time windows.
//
// Everything is incremental: Add takes a batch of entries and updates each
// part in place, so a follow at tens of thousands of lines a second never
// recomputes from scratch. Memory is bounded: each table caps the distinct
// values it keeps and counts the rest, honestly, as "other".
//
// A view that shows one table keeps only that one (Options.Parts): a
// timeline alone is New(Options{Parts: PartTimeline}), fed with Add and
// read with Report's Histogram. Parts also say how much of each entry they
// read (ReadsFields, Load), so that a caller re-reading entries from a
// store loads no more than that.
//
// A Triage is not safe for concurrent use: the caller serialises Add and
// Report (a TUI runs both in one goroutine, off its Update loop).
package triage
