// Package model is connlog's domain: records as read from a source, parsed
// entries, the store that holds them, the views a query selects from it and
// the connections that pair analytics events. It knows nothing about the
// terminal, journald or files: sources feed it records and the UI reads it.
//
// Sub-packages do one job each: envelope (how a line was carried), payload
// (what the line says), decode (both, per source), query (the filter
// language) and export (writing a range of entries out).
package model
