package ui

import (
	"time"

	"connlog/model/export"
)

// Config is what the command line decides about the interface.
type Config struct {
	// Title names what is being watched: "twingate-connector @ host" or the
	// file names. It leads the status line.
	Title string
	// Query is the initial filter, as given with -q.
	Query string
	// UTC starts the clock and the table in UTC; t toggles it.
	UTC bool
	// Mouse enables the mouse wheel (the program must also be started with
	// mouse reporting on).
	Mouse bool
	// NoColor gives a monochrome screen; the NO_COLOR environment variable
	// does the same.
	NoColor bool
	// MaxMemory is the store's byte budget (its share of --max-memory, what
	// it evicts past), which the status line's meter compares its use with.
	MaxMemory int64
	// Location is the local time zone; nil means time.Local.
	Location *time.Location
	// Now returns the current time; nil means time.Now. Tests fix it.
	Now func() time.Time
	// Start is when the program started, for the first-frame time written
	// to the debug log; zero means when New was called.
	Start time.Time
	// FirstScreen, when set, is called once, as the first frame drawn
	// after entries arrived is made: the program holds back work that
	// would take the CPU from that frame until then (reading the head of a
	// big file).
	FirstScreen func()
	// Day is the day of the data as the command line found it (the newest
	// entry of the inputs): a time without a date in Query falls on it
	// while no entry has arrived. Zero means today.
	Day time.Time
	// First and Last are the span of the data as the command line found
	// it (the oldest and the newest entry of the inputs, before reading
	// them), zero when it did not: Query's times without a date fall where
	// export's do, whatever of the inputs has been read when the interface
	// starts (a big file's tail, read first), and a time typed while the
	// head is still being read is placed in the whole data's span.
	First, Last time.Time
	// DayOfFirstLines says that the inputs are read once, as they come
	// (standard input, a named pipe): a time without a date in Query falls
	// on the day of the first lines read (up to streamFirstLines of them),
	// as `connlog export` settles it, not on whatever has arrived when the
	// first screen is drawn.
	DayOfFirstLines bool
	// Version is connlog's version, recorded in the manifest of bundles
	// exported from the dialog.
	Version string
	// Fleet says the entries may come from many hosts (a log store not
	// asked for one host alone): the table shows the HOST column whatever
	// the rows on screen, and exports carry each entry's host (a text and
	// a CSV column, the manifest's counts), as they do once the entries
	// read name several hosts.
	Fleet bool
	// Inputs are the paths of the files being read: the export dialog
	// never writes over one of them.
	Inputs []string
	// Opened describes the inputs as they were opened, by SourceID: their
	// paths and inodes, units, and for a journal what re-reads its entries
	// (a journal export from the dialog writes every field of an entry,
	// not only those the store keeps). The dialog's exports name the inputs
	// with them as connlog export does.
	Opened []export.SourceInfo
	// Dir is the directory the inputs named by a relative path were opened
	// in: file: in a query finds an input's lines however its path is
	// written (see query.Options.Dir). "" compares the names as written.
	Dir string
	// Notice is shown in the footer from the start, until a key is
	// pressed: what connlog noticed about the inputs as it opened them
	// (two names of one file, read once).
	Notice string
	// WindowMiss, when set, says why inputs that ended without sending an
	// entry sent none: a journal read with a time window that misses it
	// ("no entries on 2026-12-02; the input spans 2026-11-20 08:00–09:12").
	// It may read the input again: it is called once, off the interface's
	// goroutine, and returns "" when nothing explains it.
	WindowMiss func() string
}

// location returns the zone times are shown in.
func (c Config) location(utc bool) *time.Location {
	if utc {
		return time.UTC
	}
	if c.Location != nil {
		return c.Location
	}
	return time.Local
}

// now returns the current time from the configured clock.
func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
