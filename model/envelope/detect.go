package envelope

import (
	"bytes"
	"time"
)

// journalKeyWindow is how far into a JSON line Detect looks for the keys
// journalctl writes first.
const journalKeyWindow = 256

// detectContext places syslog stamps during detection, where only the shape
// matters: a fixed reference keeps Detect pure and cheap.
var detectContext = Context{Location: time.UTC, Reference: time.Date(2001, 6, 1, 0, 0, 0, 0, time.UTC)}

// Detect guesses the envelope of one line from its first bytes and returns
// Bare when nothing fits. It is stricter than Decode, so that a line is
// claimed only by an envelope it really looks like: Docker timestamps need
// Docker's nine fractional digits, syslog lines need a host and a tag.
func Detect(line []byte) Kind {
	if len(line) == 0 {
		return Bare
	}
	c := line[0]
	switch {
	case c == '{':
		return detectJSON(line)
	case isDigit(c):
		if k := detectStamped(line); k != Bare {
			return k
		}
	case c >= 'A' && c <= 'Z':
		if looksNewt(line) {
			return Newt
		}
		if monthAbbr(line) != 0 && looksSyslog(line) {
			return Syslog
		}
	}
	if _, _, _, ok := splitCompose(line); ok {
		return Compose
	}
	return Bare
}

// detectJSON tells Docker json-file records and journalctl -o json lines
// from other JSON lines, which are bare payloads. The key test is cheap;
// the full check that follows reads the object once without unescaping.
func detectJSON(line []byte) Kind {
	i := skipSpace(line, 1)
	if bytes.HasPrefix(line[i:], []byte(`"log"`)) {
		if _, _, ok := scanDockerJSON(line); ok {
			return DockerJSON
		}
		return Bare
	}
	head := line[:min(len(line), journalKeyWindow)]
	if bytes.HasPrefix(line[i:], []byte(`"__CURSOR"`)) || bytes.Contains(head, []byte(`"__REALTIME_TIMESTAMP"`)) {
		if looksJournalJSON(line) {
			return JournalJSON
		}
	}
	return Bare
}

// detectStamped sorts the lines that open with an RFC 3339 time.
func detectStamped(line []byte) Kind {
	if len(line) < 20 || line[4] != '-' || line[10] != 'T' {
		return Bare
	}
	if _, ok := decodeCRI(line, detectContext); ok {
		return CRI
	}
	if looksDockerTS(line) {
		return DockerTS
	}
	if looksSyslog(line) {
		return Syslog
	}
	return Bare
}

// looksSyslog reports whether line is syslog with a tag.
func looksSyslog(line []byte) bool {
	p, ok := splitSyslog(line, detectContext)
	return ok && p.tagged
}
