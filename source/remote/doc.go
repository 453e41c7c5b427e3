// Package remote reads a log store that holds the journals of many hosts —
// a fleet of connectors shipping with systemd-journal-upload — as one
// source. What the store can answer (time range, hosts, units, identifiers,
// words) is pushed down to it; the rest of a query is evaluated locally on
// the entries it returns, so a query gives the same entries remote or local.
//
// A store is reached through a Backend: VictoriaLogs is the one built. A
// second store (Loki, Elasticsearch) is one more file implementing Backend;
// the Source, with its backfill, live follow, reconnects, de-duplication and
// reordering, serves any of them unchanged.
package remote
