package remote

import (
	"context"
	"time"

	"connlog/model"
)

// Backend is one log store's wire protocol. Implementations translate a
// Selection into the store's query language and hand back rows; they keep
// no state between calls, so the Source may call them again after an error.
type Backend interface {
	// Name says which store this is, for messages: "VictoriaLogs at host:port".
	Name() string
	// Address is the store's host, port and path prefix alone, for the
	// status line, where room is short.
	Address() string
	// Check makes one cheap request, so that an unreachable store is an
	// error before anything starts.
	Check(ctx context.Context) error
	// Query sends the rows sel selects in time order, oldest first, to emit,
	// as they arrive (never the whole result at once). With sel.Newest > 0
	// it sends only the newest that many rows, still oldest first.
	Query(ctx context.Context, sel Selection, emit func(Row) error) error
	// CountStreams counts the rows sel selects in each stream (Row.Stream),
	// without sending them: a cheap way to learn whether a window holds
	// rows a reader has not had.
	CountStreams(ctx context.Context, sel Selection) (map[string]int, error)
	// Tail sends rows as the store receives them, in batches, until ctx ends
	// or the connection drops (an error). It first sends an empty batch once
	// the store has accepted the tail, so that a caller can tell a tail that
	// never opened from a quiet one. Its first rows cover the last
	// startOffset of time, so that a caller can close the window between a
	// query and the tail.
	Tail(ctx context.Context, sel Selection, startOffset time.Duration, emit func([]Row) error) error
}

// Selection is what the Source asks a backend for. Every condition is a
// superset filter: the Source applies the local query on top of it.
type Selection struct {
	Hosts       []string // _HOSTNAME, shell-style globs; empty means every host
	Units       []string // _SYSTEMD_UNIT values, ".service" already added; globs allowed
	Identifiers []string // SYSLOG_IDENTIFIER values, exact
	AllUnits    bool     // no unit or identifier filter
	Since       time.Time
	Until       time.Time // inclusive; zero means unbounded
	Newest      int       // > 0: only the newest this many rows
	Words       []string  // words and phrases every row must contain in its message
}

// Row is one entry as a store returns it.
type Row struct {
	Time    time.Time
	Message []byte
	Fields  model.JournalFields
	// Stream identifies the store's stream (one host and unit): with Time
	// and Message it tells one entry from another when windows overlap.
	Stream string
}
