package model

import (
	"bytes"
	"time"
)

// Flags are facts about an entry that the UI and exports surface.
type Flags uint8

// Entry flags.
const (
	FlagTimeInferred      Flags = 1 << iota // no time of its own: inherited from the previous entry of its source
	FlagParseError                          // a parser recognised the shape but failed; Err says why
	FlagTruncated                           // the line was longer than the maximum and was cut
	FlagPartial                             // a partial line sent without its newline (truncated, or reading stopped)
	FlagNoNewline                           // the last line of an input that ended without a newline (NoteLastLine)
	FlagMessageUnreadable                   // a journal entry whose MESSAGE could not be read (NoteMessageUnreadable): Raw is empty
	FlagSharedLine                          // one of several entries of one line (a Tailscale API response's flows): Others is set
)

// MessageUnreadable says why an entry flagged FlagMessageUnreadable shows
// no message, wherever its message or its problem is written.
const MessageUnreadable = "message unreadable: its data in the journal file is damaged"

// Problem is what is wrong with the entry, "" when nothing is: its parse
// error, and that its message could not be read.
func (e *Entry) Problem() string {
	if !e.Flags.Has(FlagMessageUnreadable) {
		return e.Err
	}
	if e.Err == "" {
		return MessageUnreadable
	}
	return MessageUnreadable + "; " + e.Err
}

// Has reports whether every flag in f2 is set.
func (f Flags) Has(f2 Flags) bool { return f&f2 == f2 }

// Entry is one parsed event: what the parsers produce, what the query
// evaluates and what exports write. The store keeps a compact form and
// rebuilds Entries on demand.
type Entry struct {
	// Seq is the entry's position in the store: ordered, never reused and
	// never 0, which means "no entry" (it is 0 until the store assigns it).
	// Appended entries count up from 1; entries prepended before them (a
	// file opened tail first) count down from -1. It never changes, even
	// when older entries are evicted.
	Seq int64
	// Time is the event time: from the payload when it has one, otherwise
	// from the envelope, otherwise inherited (FlagTimeInferred).
	Time  time.Time
	Level Level
	Kind  Kind
	Flags Flags
	// OneLine says Raw is the one line its source framed, newline-free
	// (Record.OneLine), as the decoder knew without looking; false says
	// nothing. The store keeps such an entry's bytes in the file without
	// scanning them for a newline on the goroutine that stores every entry.
	OneLine bool
	Source  SourceID
	Origin  Origin
	// Fields are the parsed fields; see keys.go for the names each kind uses.
	Fields Fields
	// Raw is the record's bytes as read (see Record.Raw). Exports write it
	// unchanged; the UI shows it escaped.
	Raw []byte
	// Payload is the part of Raw the payload parser read, after the envelope
	// (a docker json-file record's "log" string, a syslog line's message).
	// It may alias Raw.
	Payload []byte
	// Err is the parse error, if a parser recognised the shape but failed.
	Err string
	// Item is the entry's index among the entries its record produced (a
	// Tailscale flow message yields one per traffic item); 0 for most.
	Item int
	// Others are the parts of Raw that hold the other entries' records
	// when its line yields several (FlagSharedLine): the flows of a
	// Tailscale API response beside this one, the other rows of a Pangolin
	// response, a message's other traffic items. Bare words and regular
	// expressions search Raw without them (OwnText), so that a search
	// finds the entry whose record holds the word, not all its line's
	// entries; what the line wraps them in (an envelope, the response's
	// keys, the traffic items' message) is everyone's. In order, apart.
	Others []Span
	// Template is a service line's template (its message with what varies
	// masked, see package mask) when the decoder folded the line while
	// reading it (decode.Options.Templates), "" otherwise. The store keeps
	// it in the index, apart from the fields: it is never shown, exported
	// or queried, only counted by the triage views without a re-read.
	Template string
}

// Origin is where an entry came from: the envelope and the source's metadata.
type Origin struct {
	Received time.Time // envelope or transport time
	Offset   int64     // byte offset in the source file, -1 if none
	Stream   Stream
	Host     string
	Unit     string
	Ident    string // syslog identifier / container name
	PID      int
	Journal  *JournalFields // nil unless read from journald
	Envelope string         // the envelope's name ("docker-json", "syslog", "bare"...)
	// Input names the input the entry was read from as the status line
	// does (a file's path, "stdin", the journal's units), for file: terms;
	// "" when the decoder was not told (decode.Options.Input).
	Input string
}

// HostName returns the host the entry was logged on: the envelope's, or the
// journal's; "" when neither names one.
func (o *Origin) HostName() string {
	if o.Host != "" || o.Journal == nil {
		return o.Host
	}
	return o.Journal.Hostname
}

// Message returns the entry's human message: the "message" field when the
// parser set one, otherwise the payload text.
func (e *Entry) Message() string {
	if m := e.Fields.Value(KeyMessage); m != "" {
		return m
	}
	return string(e.Payload)
}

// IsMark reports a gap or boundary entry that carries no line of its own:
// its message is all there is to show, search and keep.
func (e *Entry) IsMark() bool {
	return (e.Kind == KindGap || e.Kind == KindBoundary) && len(e.Raw) == 0
}

// SameRecord reports whether e is a further entry of the record prev came
// from (a flow message's next traffic item, a Pangolin response's next
// row): formats that hold records, not entries, write that record once,
// and a copy of both rows holds its line once.
func (e *Entry) SameRecord(prev *Entry) bool {
	return e.Item > 0 && e.Source == prev.Source && e.Origin.Offset == prev.Origin.Offset && bytes.Equal(e.Raw, prev.Raw)
}
