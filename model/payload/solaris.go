package payload

import (
	"bytes"

	"connlog/model"
)

// Solaris and illumos syslogd put a message ID and the priority in front of
// a message: "sshd[21698]: [ID 800047 auth.info] Failed none for invalid
// user ...". The priority's severity is the line's level; the message is
// what follows the brackets.

// maxSolarisID bounds the "[ID … facility.severity]" group.
const maxSolarisID = 48

// prefixSolarisID opens the group.
var prefixSolarisID = []byte("[ID ")

// parseSolarisID reads a message that opens with such a group.
func parseSolarisID(p []byte, out []Result) ([]Result, bool) {
	if !bytes.HasPrefix(p, prefixSolarisID) {
		return out, false
	}
	end := bytes.IndexByte(p[:min(len(p), maxSolarisID)], ']')
	if end < 0 {
		return out, false
	}
	parts := bytes.Fields(p[len(prefixSolarisID):end])
	if len(parts) != 2 || !allDigits(parts[0]) {
		return out, false
	}
	dot := bytes.LastIndexByte(parts[1], '.')
	if dot <= 0 {
		return out, false
	}
	lvl, ok := model.ParseLevel(string(parts[1][dot+1:]))
	if !ok || lvl == model.LevelNone {
		return out, false
	}
	msg := p[skipBlanks(p, end+1):]
	return append(out, Result{Kind: model.KindText, Level: lvl,
		Fields: model.Fields{{Key: model.KeyMessage, Value: string(msg[:trimRightBlanks(msg, 0)])}}}), true
}

// allDigits reports whether b is a non-empty run of digits.
func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
