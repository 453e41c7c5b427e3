package envelope

import (
	"bytes"
	"time"
)

// journalKeyWindow is how far from either end of a JSON line Detect first
// looks for the keys journalctl writes first (and `jq -S` last).
const journalKeyWindow = 256

// detectContext places syslog stamps during detection, where only the shape
// matters: a fixed reference keeps Detect pure and cheap.
var detectContext = Context{Location: time.UTC, Reference: time.Date(2001, 6, 1, 0, 0, 0, 0, time.UTC)}

// Detect guesses the envelope of one line from its first bytes and returns
// Bare when nothing fits. It is stricter than Decode, so that a line is
// claimed only by an envelope it really looks like: Docker timestamps need
// Docker's nine fractional digits (or, trimmed, a connector's line after
// them: looksTrimmedDockerTS), syslog lines need a host and a tag.
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
		if looksLocalSyslog(line) {
			return Syslog
		}
	case c >= 'A' && c <= 'Z':
		if looksNewt(line) {
			return Newt
		}
		if looksLocalSyslog(line) {
			return Syslog
		}
	case c >= 'a' && c <= 'z' || c >= 0x80:
		if looksLocalSyslog(line) {
			return Syslog
		}
	case c == '<':
		if looksSyslog(line) { // "<PRI>" before a stamp, or RFC 5424
			return Syslog
		}
	}
	if _, _, _, ok := splitCompose(line); ok {
		return Compose
	}
	return Bare
}

// detectJSON tells Docker json-file records, journalctl -o json lines and
// connlog's own ndjson export from other JSON lines, which are bare
// payloads. The key test is cheap; the full check that follows reads the
// object once without unescaping.
func detectJSON(line []byte) Kind {
	i := skipSpace(line, 1)
	if bytes.HasPrefix(line[i:], []byte(`"log"`)) {
		if _, _, ok := scanDockerJSON(line); ok {
			return DockerJSON
		}
		return Bare
	}
	if mayBeExported(line) && looksExported(line) {
		return ConnlogNDJSON
	}
	if hasJournalKey(line, i) && looksJournalJSON(line) {
		return JournalJSON
	}
	return Bare
}

// hasJournalKey is the cheap test before looksJournalJSON: one of the keys
// journalctl always writes. journalctl puts them first; `jq -S` sorts them
// last ("_" sorts after the upper-case field names), and other tools put
// them anywhere, so the ends are looked at first and then the whole line.
func hasJournalKey(line []byte, i int) bool {
	cursor, realtime := []byte(`"__CURSOR"`), []byte(`"__REALTIME_TIMESTAMP"`)
	if bytes.HasPrefix(line[i:], cursor) {
		return true
	}
	head := line[:min(len(line), journalKeyWindow)]
	tail := line[max(0, len(line)-journalKeyWindow):]
	if bytes.Contains(head, realtime) || bytes.Contains(tail, realtime) || bytes.Contains(tail, cursor) {
		return true
	}
	return len(line) > 2*journalKeyWindow && (bytes.Contains(line, realtime) || bytes.Contains(line, cursor))
}

// detectStamped sorts the lines that open with an RFC 3339 time.
func detectStamped(line []byte) Kind {
	if len(line) < 20 || line[4] != '-' || line[10] != 'T' {
		return Bare
	}
	if mayBeCRI(line) {
		if _, ok := decodeCRI(line, detectContext); ok {
			return CRI
		}
	}
	if mayBeDockerTS(line) && looksDockerTS(line) || looksTrimmedDockerTS(line) {
		return DockerTS
	}
	if looksISOSyslog(line) {
		return Syslog
	}
	return Bare
}

// looksISOSyslog reports whether a line opening with an RFC 3339 stamp is
// syslog with a tag: journalctl -o short-iso(-precise), rsyslog's RFC 3339
// template ("2026-02-10T14:22:08.006196+0000 dente newt[408]: …").
func looksISOSyslog(line []byte) bool {
	return mayBeISOSyslog(line) && looksSyslog(line)
}

// mayBeISOSyslog is what splitSyslog needs of a line opening with an RFC
// 3339 stamp before it reads the stamp: a host column after the first
// space (a stamp has none), which is no level word. Most stamped lines are
// a program's own ("2026-12-05T07:53:02.390441Z [INFO] …", "… INF msg") and
// are told so without their stamp being read (FuzzDetectShapes holds it to
// looksSyslog).
func mayBeISOSyslog(line []byte) bool {
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 || sp+1 >= len(line) {
		return false
	}
	host := line[sp+1:]
	if end := bytes.IndexByte(host, ' '); end >= 0 {
		host = host[:end]
	}
	return isHostname(host) && !isLevelWord(host)
}

// mayBeCRI is what decodeCRI needs before it reads a stamp: the stream
// word after the first space (a stamp has none). Most stamped lines are not
// CRI's, and are told so without their stamp being read (FuzzDetectShapes
// holds it to decodeCRI).
func mayBeCRI(line []byte) bool {
	sp := bytes.IndexByte(line, ' ')
	if sp < 0 {
		return false
	}
	return opensWithStream(line[sp+1:])
}

// mayBeDockerTS is what looksDockerTS needs before it reads a stamp: 30
// bytes, the last a 'Z', the line's end or a space after them (a stamp of
// nine fractional digits in UTC).
func mayBeDockerTS(line []byte) bool {
	return len(line) >= dockerStampLen && line[dockerStampLen-1] == 'Z' &&
		(len(line) == dockerStampLen || line[dockerStampLen] == ' ')
}

// dockerStampLen is the length of `docker logs -t`'s stamp:
// 2023-09-15T12:03:47.692712516Z.
const dockerStampLen = 30

// looksSyslog reports whether line is syslog with a tag.
func looksSyslog(line []byte) bool {
	p, ok := splitSyslog(line, detectContext)
	return ok && p.tagged
}

// looksLocalSyslog reports whether line is syslog with a tag whose stamp
// opens with a month name, in English or a localized spelling ("3月 24").
func looksLocalSyslog(line []byte) bool {
	m, _ := monthToken(line)
	return m != 0 && looksSyslog(line)
}

// Doubtful reports whether a line that decoded as k may really be another
// envelope that k happens to accept, so that a caller that stuck to k for
// a source should ask Detect again. A mixed stream (several containers'
// logs piped together) changes envelope from line to line: a CRI line
// decodes as syslog with host "stdout", or as docker logs -t with a payload
// opening with "stdout F", and a zerolog line ("2026-08-18T10:19:03Z INF
// msg") as docker logs -t. The tests are cheap so that a source that does
// not mix pays nothing.
func Doubtful(k Kind, line []byte, env *Envelope) bool {
	switch k {
	case Syslog:
		// A host "stdout" is CRI's stream; Docker's own stamp opens a
		// `docker logs -t` line whose message has a word and a colon
		// ("… Response was: {…}"), which Detect reads as Docker's.
		return env.Host == "stdout" || env.Host == "stderr" || mayBeDockerTS(line)
	case DockerTS:
		p := env.Payload
		stampLen := len(line) - len(p)
		if len(p) > 0 {
			stampLen-- // the space after the stamp
		}
		if !isDockerStamp(line[:stampLen]) && (startsWithLevelWord(p) || looksISOSyslog(line)) {
			// Not Docker's stamp, and a zerolog level after it, or a
			// host and a tag: journalctl -o short-iso's numeric offset.
			return true
		}
		return opensWithStream(p)
	}
	return false
}

// opensWithStream reports whether p opens with CRI's "stdout " or
// "stderr ". Its first byte rules out nearly every line: this runs on
// every line of a `docker logs -t` file.
func opensWithStream(p []byte) bool {
	return len(p) >= 7 && p[0] == 's' && (string(p[:7]) == "stdout " || string(p[:7]) == "stderr ")
}

// isDockerStamp reports whether stamp, which decoded as RFC 3339, has the
// shape Docker writes: nine fractional digits and "Z". Only a stamp of
// another shape pays for the tests of Doubtful.
func isDockerStamp(stamp []byte) bool {
	return len(stamp) == len(dockerStamp) && stamp[len(stamp)-1] == 'Z'
}

// startsWithLevelWord reports whether p opens with a capitalised level word
// and a space ("INF ", "WARN ").
func startsWithLevelWord(p []byte) bool {
	sp := bytes.IndexByte(p[:min(len(p), 6)], ' ')
	return sp > 0 && isLevelWord(p[:sp])
}

// dockerStamp has the length of the stamps Docker writes (RFC3339NanoFixed).
const dockerStamp = "2006-01-02T15:04:05.000000000Z"
