package envelope

import (
	"bytes"
	"time"

	"connlog/model"
)

// decodeNewt reads a line of Pangolin's newt site connector:
//
//	INFO: 2026/02/10 14:21:37 Websocket connected
//
// newt writes local time (or $LOGGER_TIMEZONE) without a zone, so the time is
// read in the context's location. Under journald older newt versions print
// no date ("INFO: SendMessageInterval timed out..."): then only the level is
// taken.
func decodeNewt(line []byte, c Context) (Envelope, bool) {
	lvl, n := newtLevel(line)
	if n == 0 {
		return Envelope{}, false
	}
	env := Envelope{Level: lvl, Payload: line[n:]}
	if t, ok := newtStamp(line[n:], c.location()); ok {
		env.Time = t
		env.Payload = afterStamp(line[n:])
	} else if sub, rest, ok := subsystemStamp(line[n:]); ok {
		if t, ok := newtStamp(rest, c.location()); ok {
			env.Time, env.Ident = t, c.str(sub)
			env.Payload = afterStamp(rest)
		}
	}
	return env, true
}

// maxSubsystem bounds the name newt puts before an embedded logger's own
// stamp ("wireguard").
const maxSubsystem = 24

// subsystemStamp splits "wireguard: 2025/04/29 17:43:59 Routine: ...", the
// lines newt relays from wireguard-go's logger, into the subsystem's name
// and what follows its colon. The name becomes Ident, the stamp the time,
// and the message is what follows the stamp.
func subsystemStamp(b []byte) (name, rest []byte, ok bool) {
	i := 0
	for i < len(b) && i < maxSubsystem && (b[i] >= 'a' && b[i] <= 'z' || b[i] == '-' || b[i] == '_') {
		i++
	}
	if i == 0 || i+2 >= len(b) || b[i] != ':' || b[i+1] != ' ' || !isDigit(b[i+2]) {
		return nil, nil, false
	}
	return b[:i], b[i+2:], true
}

// afterStamp returns b without its leading "YYYY/MM/DD HH:MM:SS " stamp.
func afterStamp(b []byte) []byte {
	b = b[len("2006/01/02 15:04:05"):]
	if len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	return b
}

// looksNewt is a cheap first test for a newt prefix.
func looksNewt(line []byte) bool {
	_, n := newtLevel(line)
	return n > 0
}

// newtLevel reads "LEVEL: " and returns the level and the bytes consumed,
// or 0 when the line does not start with one of newt's levels.
func newtLevel(line []byte) (model.Level, int) {
	if len(line) < 6 || line[0] < 'D' || line[0] > 'W' {
		return model.LevelNone, 0
	}
	colon := bytes.IndexByte(line[:min(len(line), 7)], ':')
	if colon < 0 || colon+1 >= len(line) || line[colon+1] != ' ' {
		return model.LevelNone, 0
	}
	var lvl model.Level
	switch string(line[:colon]) {
	case "DEBUG":
		lvl = model.LevelDebug
	case "INFO":
		lvl = model.LevelInfo
	case "WARN":
		lvl = model.LevelWarn
	case "ERROR":
		lvl = model.LevelError
	case "FATAL":
		lvl = model.LevelCritical
	default:
		return model.LevelNone, 0
	}
	return lvl, colon + 2
}

// newtStamp reads "YYYY/MM/DD HH:MM:SS" followed by a space or the end.
func newtStamp(b []byte, loc *time.Location) (time.Time, bool) {
	if len(b) < 19 || b[4] != '/' || b[7] != '/' || b[10] != ' ' || (len(b) > 19 && b[19] != ' ') {
		return time.Time{}, false
	}
	y, ok1 := digits(b, 0, 4)
	mo, ok2 := digits(b, 5, 2)
	d, ok3 := digits(b, 8, 2)
	h, mi, s, ok4 := clock(b, 11)
	if !ok1 || !ok2 || !ok3 || !ok4 || !validDate(y, time.Month(mo), d) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, 0, loc), true
}
