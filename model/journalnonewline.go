package model

// JournalFieldNoNewline is the field of connlog's journal export that
// carries FlagNoNewline, which the journal cannot say: the MESSAGE is the
// last line of an input that ended without a newline. Its value is "1".
// Read back (from the export, or from the journal systemd-journal-remote
// makes of it), the line is the last line without newline again, and a
// raw export of it ends as the input did.
const JournalFieldNoNewline = "CONNLOG_NO_NEWLINE"

// IsNoNewlineValue reports whether v, a JournalFieldNoNewline value, sets
// the flag.
func IsNoNewlineValue(v []byte) bool { return string(v) == "1" }
