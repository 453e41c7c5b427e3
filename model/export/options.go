package export

import (
	"time"

	"connlog/model"
)

// Options configures an export. The zero value writes raw lines, uncompressed,
// with times in UTC.
type Options struct {
	// Format is the output format.
	Format Format
	// Compress compresses the whole output stream (for a bundle, the tar).
	Compress Compression
	// Force lets Export replace an existing file; without it Export refuses.
	Force bool
	// Inputs are the paths of the files the entries are read from: Export
	// never writes over one of them, Force or not (see ErrIsInput).
	Inputs []string
	// Location is the time zone of the text format's times; nil means UTC.
	// The other formats always write UTC.
	Location *time.Location
	// Sources describes the inputs by SourceID: their names appear in the
	// ndjson "source" object, the journal's CONNLOG_SOURCE and the CSV
	// "source" column, and the bundle's manifest lists them.
	Sources []SourceInfo
	// Pairs, when set, gives the ndjson "pair" object and the analytics CSV's
	// start and end times: the store, or for a stream that has no store a
	// model.PairTracker, which the export shows each entry (Observe) before
	// writing it.
	Pairs model.PairFinder
	// Kinds chooses the CSV columns: one kind gives that kind's columns and
	// leaves out entries of other kinds (counted in Stats.Skipped); none or
	// several give the union of their columns after a leading "kind" column.
	Kinds []model.Kind
	// Redact, when set, replaces emails, client IPs, device ids and user ids
	// with pseudonyms (see the package documentation). Use one Redactor for
	// the preview and the export so that both show the same pseudonyms.
	Redact *Redactor
	// RedactWorkers is how many goroutines redact the records, 0 for
	// GOMAXPROCS. With 1 each record is redacted as it ends, on the
	// goroutine that writes; with more, records are redacted in batches
	// and written in the same order, to the same bytes.
	RedactWorkers int
	// Number, when set, is the number an entry's Seq is written as (the
	// ndjson "seq" and a pair's "partner", a bundle's gaps): its place in
	// the input, counted from 1, which a store's Seqs are not once the head
	// of a file opened tail first is prepended (see model.Snapshot.
	// Ordinal). Nil writes Seqs as they are.
	Number func(seq int64) int64
	// Progress, when set, is updated as the export runs so that another
	// goroutine can poll it.
	Progress *Progress
	// TempDir is where a bundle keeps its members while they are written.
	// Export defaults it to the target file's directory (see StageBeside);
	// otherwise it defaults to the system temp directory ($TMPDIR), whose
	// errors say to set TMPDIR.
	TempDir string
	// target is the bundle's file when TempDir is its directory: a full
	// disk there is the target's (see StageBeside).
	target string
	// Bundle is what the bundle's manifest records beyond the entries.
	Bundle BundleInfo
	// Hosts says the entries come from many hosts (a fleet read from a log
	// store): the CSV gets a trailing "host" column and the bundle's manifest
	// counts entries per host.
	Hosts bool

	// words follows the addresses of a redacted bundle's query words
	// through the export, for its manifest (see wordAddrs).
	words *wordAddrs
	// terms follows the terms of a redacted bundle's query that hold no
	// personal data through the export, for its manifest (see queryTerms).
	terms *queryTerms
}

// SourceInfo describes one input, as the caller opened it.
type SourceInfo struct {
	ID    model.SourceID
	Name  string // what the status line shows: the unit, the path, "stdin"
	Path  string // the file path, for file sources
	Inode uint64 // the file's inode when it was opened, 0 if unknown
	Unit  string // the systemd units read, for journal sources; "" when every unit was
	// Journal marks the journal: its entries name the host they come from.
	Journal bool
	// Entries, when set, re-reads the journal's entries: the journal format
	// writes every field of an entry from it, not only those connlog keeps.
	Entries JournalEntries
}

// JournalEntries re-reads a journal entry by its cursor from the journal
// files, or from a journal export file, so that no entry need keep the
// fields connlog does not use.
type JournalEntries interface {
	// JournalEntry calls fn with each of the entry's fields ("NAME=value",
	// valid during the call only); found is false when the journal no
	// longer holds the entry. realtime is the entry's time, which a
	// cursor that does not name one entry alone (a hand-written export's)
	// is checked against. A journal's fields are those its files hold,
	// after which the export writes the cursor and times; an export
	// file's are its record's, those among them: the first field's name
	// begins with "__".
	JournalEntry(cursor string, realtime time.Time, fn func(field []byte)) (found bool, err error)
}

// BundleInfo is what a bundle's manifest says about the export as a whole.
type BundleInfo struct {
	Host    string    // the host the logs came from
	Query   string    // the query that selected the entries, as typed
	Version string    // the connlog version writing the bundle
	From    time.Time // the requested range; zero means "as observed"
	To      time.Time
	// Muted are the templates whose lines the view left out besides the
	// query (muted in the interface's templates view): the reader of a
	// bundle must know the query alone does not give its entries.
	Muted []string
}

// sourceNames maps SourceIDs to names for the writers.
type sourceNames map[model.SourceID]string

func newSourceNames(infos []SourceInfo) sourceNames {
	m := make(sourceNames, len(infos))
	for _, s := range infos {
		m[s.ID] = s.Name
	}
	return m
}

func (m sourceNames) name(id model.SourceID) string { return m[id] }

// add names inputs that joined the export as it ran.
func (m sourceNames) add(infos []SourceInfo) {
	for _, s := range infos {
		m[s.ID] = s.Name
	}
}

// sourceAdder is a format that names the inputs: it is told of those that
// join the export as it runs (a followed pattern's new files).
type sourceAdder interface {
	addSources(infos []SourceInfo)
}

// number is the number seq is written as (see Options.Number).
func (o *Options) number(seq int64) int64 {
	if o.Number == nil {
		return seq
	}
	return o.Number(seq)
}
