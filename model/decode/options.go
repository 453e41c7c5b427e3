package decode

import (
	"fmt"
	"strings"
	"time"

	"connlog/model"
	"connlog/model/envelope"
)

// Options configure a Decoder.
type Options struct {
	// Envelope forces one envelope by name (see envelope.ParseKind); "" or
	// "auto" detects it from the lines. A line that does not fit a forced
	// envelope is kept as a bare line.
	Envelope string
	// Location is used for envelope times written without a zone (newt,
	// syslog); nil means time.Local.
	Location *time.Location
	// Reference places syslog lines that carry no year: the file's
	// modification time, or now. Zero means the moment New is called.
	Reference time.Time
	// LeanService leaves the Fields of Twingate service lines ("[LEVEL] …")
	// unset: their kind, level, time and origin are settled as usual, and
	// Complete parses the fields of the entries that turn out to be wanted.
	// It suits a reader that looks at nothing else before choosing (a level
	// filter), since most lines of a connector log are service lines.
	LeanService bool
	// LeanAnalytics does the same for well-formed Twingate ANALYTICS events:
	// kind, level and time are read, the fields are left to Complete. It
	// suits a reader that reads no field at all before choosing.
	LeanAnalytics bool
	// LeanText does the same for text lines that open with their own time
	// ("2026-08-18T10:19:03Z INF msg"): kind, level and time are read, the
	// logger, the message and the rest are left to Complete. Like
	// LeanAnalytics it suits a reader that reads no field at all before
	// choosing, such as a raw export that follows a program's own log.
	LeanText bool
	// IndexService gives Twingate service lines only the fields a store
	// indexes, module and function, as strings over the line's own bytes:
	// no message field and no allocation per line; and ANALYTICS events
	// their fields without a copy of the line, from shared blocks. It suits
	// a reader that puts the entries straight into a model.Store, which
	// copies what it keeps and rebuilds the message with a full load
	// (Reparse). LeanService and LeanAnalytics take precedence.
	IndexService bool
	// IndexAnalytics decodes ANALYTICS events as IndexService does: their
	// whole parse, with values over the line's own bytes and fields from
	// shared blocks, not a copy of the line and a slice per event. It
	// suits a reader done with each entry before the bytes of its record
	// change, as it must already be with the entry's Raw (an export).
	// LeanAnalytics takes precedence.
	IndexAnalytics bool
	// Templates folds service lines into their templates (Entry.Template)
	// while decoding them, where the payload is in hand and the work is
	// spread over the decoding goroutines: a store keeps the template in
	// its index and the triage views count it without re-reading the line.
	Templates bool
	// Unparsed, when set, is asked of each Twingate service line before
	// its parse, with the line decoded as LeanService decodes it (its row
	// and raw bytes, no fields) or, with UnparsedFields, as IndexService
	// decodes it (its module and function too, no message): false leaves
	// the line lean, as LeanService does, for Complete to parse should it
	// be wanted after all. It is asked only of a line whose message is in
	// its raw bytes (MessageInRaw) and whose time is its own, so that a
	// filter testing message texts on the raw line (query's
	// MayMatchUnparsed) decides it exactly; a line it does not rule out is
	// parsed in full. It runs on the decoding goroutines, so it must be
	// safe for concurrent use. LeanService takes precedence.
	Unparsed func(*model.Entry) bool
	// UnparsedFields gives Unparsed the indexed fields of a service line,
	// for a filter that reads them; finding them costs about what a parse
	// does.
	UnparsedFields bool
	// UnparsedAnalytics asks Unparsed of well-formed ANALYTICS events too,
	// decoded as LeanAnalytics decodes them; not with UnparsedFields, nor
	// for a reader that reads every event's fields (a pair tracker).
	// LeanAnalytics takes precedence.
	UnparsedAnalytics bool
	// Rejects, when set, tells of an entry of which only the kind and
	// level are set that no entry of that kind and level is wanted,
	// whatever its time and fields (query's MayMatch, for a query that
	// reads no time). A well-formed ANALYTICS line it rejects in every
	// form its parse may give (an event of level info, or warn when the
	// line may name a failure (payload.MayBeWarning), or text) is not
	// parsed: its entry has kind analytics, level info, no fields and
	// its envelope's time, unless the time is wanted (see SpanWanted):
	// lines that inherit a time or marks that take one read its timestamp
	// when they come. Only lines whose envelope gives a time, and not one
	// the wall clocks of a repeated hour read, are left so. It suits a
	// reader that reads an entry's time only to take its span, and that
	// reads the entries of one input in the decoder's order (one input,
	// no rotation chain, no pair tracker). It must be safe for concurrent
	// use and give the same answer every time.
	Rejects func(*model.Entry) bool
	// SpanWanted reports whether the reader still reads the time of every
	// entry (an export's span of what it read, which it says when it
	// writes nothing); while it says so, or when it is nil, the time of a
	// line Rejects rules out is read at once. It is asked by the
	// goroutine that decodes the input in order.
	SpanWanted func() bool
	// Input names the input as the status line does (Origin.Input): a
	// file's path, "stdin". Every entry decoded carries it.
	Input string
}

// CheckOptions reports whether opts can be used, with an error a user can
// act on. New itself never fails: it detects the envelope when the name is
// unknown.
func CheckOptions(opts Options) error {
	if isAuto(opts.Envelope) {
		return nil
	}
	if _, ok := envelope.ParseKind(opts.Envelope); !ok {
		return fmt.Errorf("unknown envelope %q: use one of auto, %s", opts.Envelope, envelope.Names())
	}
	return nil
}

// isAuto reports whether name asks for detection.
func isAuto(name string) bool {
	name = strings.TrimSpace(name)
	return name == "" || strings.EqualFold(name, "auto")
}
