package model

import "time"

// SourceID names the input a record came from (an index into the source list
// the program was started with). It is small so that entries stay compact.
type SourceID uint16

// Stream is the output stream a container runtime or journald saw the line on.
type Stream uint8

// Streams a line can come from.
const (
	StreamUnknown Stream = iota
	StreamStdout
	StreamStderr
)

// String returns "stdout", "stderr" or "".
func (s Stream) String() string {
	switch s {
	case StreamStdout:
		return "stdout"
	case StreamStderr:
		return "stderr"
	}
	return ""
}

// Mark says what a record is, apart from an ordinary line.
type Mark uint8

// Marks a source may put on a record. A marked record carries no line of its
// own: it tells the store about a loss or a boundary in the stream.
const (
	MarkLine     Mark = iota // an ordinary line
	MarkGap                  // data known to be lost: Note says why, Count how much
	MarkBoundary             // the service restarted or the host rebooted: Note says which
)

// NotePartialLine is the Note of an ordinary record holding a line whose
// newline never came: the file was truncated, or reading it stopped, while
// its writer was in the middle of the line (a file that goes quiet
// mid-line holds the line until its newline comes).
const NotePartialLine = "partial line"

// NoteLastLine is the Note of an ordinary record holding the last line of
// an input that has ended, a file read to its end without following or a
// stream that closed, when no newline ended it: the line is complete, it
// never had one. Its entry is flagged FlagNoNewline, so that a raw export
// ending with it ends as the input did.
const NoteLastLine = "last line without newline"

// NoteCutLine is the Note of an ordinary record holding the first part of
// a line longer than the source's maximum: its entry is flagged
// FlagTruncated. A file source drops the rest, and a gap record after it
// counts the bytes dropped; the journal source, joining a line's pieces,
// sends the rest as the next record of the line's container.
const NoteCutLine = "cut line"

// NoteMessageUnreadable is the Note of an ordinary record of a journal
// entry that was read but for its MESSAGE, whose data is damaged: Raw is
// empty, the record's other fields are the entry's, as journalctl shows
// such an entry. Its entry is flagged FlagMessageUnreadable.
const NoteMessageUnreadable = "message unreadable"

// Record is one line exactly as a source read it, plus what the source knows
// about where it came from. A batch of records sent by Source.Run belongs to
// its receiver: the source never touches Raw again, so decoders may keep
// slices of it.
type Record struct {
	// Raw holds the bytes as read, without the line terminator: for files the
	// whole line on disk (envelope included), for journald the MESSAGE field.
	Raw []byte
	// Source identifies the input; the store uses it to re-read raw bytes.
	Source SourceID
	// Offset is the byte offset of Raw in its file, or -1 when the bytes
	// cannot be re-read (stdin, journald, compressed files, demo).
	Offset int64
	// Received is when the transport stamped the line (journald's realtime
	// timestamp) or, failing that, when the source read it.
	Received time.Time
	// Journal holds the journald fields when the record came from the journal.
	Journal *JournalFields
	// Mark is MarkLine for ordinary lines.
	Mark Mark
	// Note explains a gap or boundary ("rotation", "suppressed by journald").
	Note string
	// Count is how many lines or bytes a gap lost (Note says which), 0 if unknown.
	Count int64
	// Backfill marks a record that belongs before every record its source
	// has sent so far: a big file opened tail first sends its tail at once,
	// then its head in blocks, each block ending where the previous one began.
	// A batch is all backfill or none; the ingest loop prepends it.
	Backfill bool
	// Reused marks every record of a backfill block read into memory its
	// source takes back (see Release). The sink of its entries copies what
	// it keeps, so the decoder may carve what they hold from memory it
	// reuses too.
	Reused bool
	// OneLine says Raw holds no newline: a line its source framed at one.
	// A decoder then need not look for the lines of a record that joins
	// several (a journal entry's MESSAGE may), on every line it reads.
	OneLine bool
	// Release, when set, tells the source that a backfill block is stored,
	// and gives it back the memory the block's records lie in, for the
	// blocks it reads next, when its sink copies what it keeps (FileOptions.
	// ReuseBlocks). A source sets it on a block's first record, which comes
	// in the block's last batch: the ingest loop calls it once that batch's
	// entries have been handed to the sink and it has returned.
	Release func()
}

// JournalFields are the journald fields connlog keeps for each entry.
type JournalFields struct {
	Cursor string
	// EndCursor is the cursor of the last entry of a line joined from
	// several (Docker's split lines), "" for a line of one entry: Cursor
	// names where the line begins, EndCursor where reading it ended, which
	// is where reading on must resume (a bundle's last_cursor).
	EndCursor    string
	Hostname     string
	Unit         string // _SYSTEMD_UNIT
	Identifier   string // SYSLOG_IDENTIFIER
	PID          int
	Priority     int // -1 when absent; never used as the level of Twingate lines
	BootID       string
	InvocationID string // _SYSTEMD_INVOCATION_ID
	Transport    string // _TRANSPORT
	// AuditStamp is the audit(…) stamp auditd would write for a record of
	// the journal's audit transport ("1796378400.123:456", see
	// SetAuditStamp), "" for any other. Like the cursors it is per record:
	// an origin is never told apart by it.
	AuditStamp string
}

// RawReader re-reads a record's raw bytes by the offset its source gave
// (Record.Offset), so that the store need not keep file contents in memory.
// It appends to buf and returns it. File sources implement it.
type RawReader interface {
	ReadRaw(offset int64, n int, buf []byte) ([]byte, error)
}
