package envelope

import (
	"time"

	"connlog/model"
)

// Envelope is what one line's envelope says, plus the payload it carried.
type Envelope struct {
	// Payload is the line without its envelope. It aliases the input line,
	// or the buffer given to DecodeAppend when it had to be unescaped.
	Payload []byte
	// Time is the envelope's timestamp, zero when it has none.
	Time time.Time
	// Stream is the output stream a container runtime recorded.
	Stream model.Stream
	// Host, Ident and PID come from syslog text; Ident is also the service
	// name of a docker compose prefix.
	Host, Ident string
	PID         int
	// Level is set by the newt envelope only, whose prefix is the severity.
	Level model.Level
	// Partial is true when the line continues in the next record: a Docker
	// json-file record without a trailing newline, a CRI "P" record.
	Partial bool
	// Journal holds the fields of a journalctl -o json line.
	Journal *model.JournalFields
	// Exported holds what a record of connlog's ndjson export says of its
	// entry; Payload is then the entry's raw line, whose own envelope the
	// caller removes.
	Exported *Exported
}

// Context is what a decoder needs besides the line: the location of times
// written without a zone and the reference moment that supplies the year
// syslog lines leave out.
type Context struct {
	// Location is used for times without a zone; nil means time.Local.
	Location *time.Location
	// Reference is the moment lines without a year are placed before (the
	// file's modification time, or now); zero means now.
	Reference time.Time
	// Intern, when set, turns the host, identifier and journal field bytes
	// into strings. A caller decoding many lines of one source passes a cache
	// so that the few distinct values are allocated once; nil allocates.
	Intern func([]byte) string
	// Stamps, when set, caches the last timestamp read so that lines stamped
	// within the same second parse faster (docker logs -t, CRI). It is
	// written on every use: a Context holding one serves one goroutine.
	Stamps *StampCache
}

// str converts b with the context's interner.
func (c Context) str(b []byte) string {
	if c.Intern != nil {
		return c.Intern(b)
	}
	return string(b)
}

// location returns the context's location, time.Local by default.
func (c Context) location() *time.Location {
	if c.Location == nil {
		return time.Local
	}
	return c.Location
}

// reference returns the context's reference time, now by default.
func (c Context) reference() time.Time {
	if c.Reference.IsZero() {
		return time.Now()
	}
	return c.Reference
}

// Decode removes envelope k from line and reports whether the line fits it.
// The payload aliases line when no unescaping is needed and is newly
// allocated otherwise. A Bare line always fits.
func Decode(k Kind, line []byte, c Context) (Envelope, bool) {
	env, _, ok := DecodeAppend(k, line, c, nil)
	return env, ok
}

// DecodeAppend is Decode for callers that own a buffer: a payload that
// cannot alias line (an escaped json-file "log" string, a journal MESSAGE) is
// appended to buf, and the extended buffer is returned. A payload is never
// longer than its line, so a buffer with len(line) bytes of spare capacity
// is never reallocated.
//
// The container and journal envelopes often carry newt's "LEVEL: date time"
// prefix inside; it is removed too, so that the level is not lost and the
// payload parser sees the message itself. So are the prefixes of Go's
// standard log and klog, in every envelope including Bare (see nestInner).
func DecodeAppend(k Kind, line []byte, c Context, buf []byte) (Envelope, []byte, bool) {
	var env Envelope
	buf, ok := DecodeInto(&env, k, line, c, buf)
	return env, buf, ok
}

// DecodeInto is DecodeAppend writing the envelope to *env, which is left
// zero when the line does not fit: a decoder of every line of a file
// keeps its envelope where it uses it, instead of copying one returned
// by value on every line.
func DecodeInto(env *Envelope, k Kind, line []byte, c Context, buf []byte) ([]byte, bool) {
	*env = Envelope{}
	ok := false
	switch k {
	case Bare:
		env.Payload = line
		if len(line) > 0 && line[0] != '[' { // a Twingate service line has no prefix to remove
			nestInner(env, c)
		}
		return buf, true
	case DockerJSON:
		*env, buf, ok = decodeDockerJSON(line, buf)
	case DockerTS:
		ok = decodeDockerTSInto(env, line, &c)
	case CRI:
		*env, ok = decodeCRI(line, c)
	case Syslog:
		*env, ok = decodeSyslog(line, c)
	case JournalJSON:
		*env, buf, ok = decodeJournalJSON(line, c, buf)
	case Newt:
		*env, ok = decodeNewt(line, c)
	case Compose:
		*env, ok = decodeCompose(line, c)
	case ConnlogNDJSON:
		*env, buf, ok = decodeExported(line, c, buf) // its raw line is decoded as its own
		return buf, ok
	}
	if !ok {
		*env = Envelope{}
		return buf, false
	}
	if k != Newt {
		nestNewt(env, c)
		nestInner(env, c)
	}
	return buf, true
}

// nestNewt removes a newt prefix from env's payload, taking its level, and
// its time when the outer envelope had none.
func nestNewt(env *Envelope, c Context) {
	if !looksNewt(env.Payload) {
		return
	}
	in, ok := decodeNewt(env.Payload, c)
	if !ok {
		return
	}
	env.Payload, env.Level = in.Payload, in.Level
	if env.Ident == "" {
		env.Ident = in.Ident
	}
	if env.Time.IsZero() {
		env.Time = in.Time
	}
}
