package envelope

import (
	"bytes"
	"time"
)

// syslogParts are the pieces of a syslog line, as byte slices of the line.
type syslogParts struct {
	t      time.Time
	host   []byte
	ident  []byte
	pid    int
	msg    []byte
	tagged bool // an "ident[pid]:" or "ident:" tag was found
}

// decodeSyslog reads classic syslog and journalctl's short formats:
//
//	Nov 20 08:00:01 host ident[pid]: msg            (short, classic syslog)
//	Nov 20 08:00:01.123456 host ident[pid]: msg     (short-precise)
//	2026-11-20T08:00:01+0000 host ident[pid]: msg   (short-iso, rsyslog RFC 3339)
//
// and those lines with a priority before them, or RFC 5424's (syslogpri.go).
//
// "[pid]" is optional. A line whose tag has no colon keeps everything after
// the host as its message, so that nothing after a valid stamp is lost.
func decodeSyslog(line []byte, c Context) (Envelope, bool) {
	p, ok := splitSyslog(line, c)
	if !ok {
		return Envelope{}, false
	}
	env := Envelope{Time: p.t, Host: c.str(p.host), Payload: p.msg}
	if p.tagged {
		env.Ident, env.PID = c.str(p.ident), p.pid
	}
	return env, true
}

// splitSyslog finds the parts of a syslog line without allocating.
func splitSyslog(line []byte, c Context) (syslogParts, bool) {
	if len(line) > 0 && line[0] == '<' {
		return splitPRISyslog(line, c)
	}
	return splitClassicSyslog(line, c)
}

// splitClassicSyslog reads a syslog line that opens with its stamp.
func splitClassicSyslog(line []byte, c Context) (syslogParts, bool) {
	t, n, ok := syslogStamp(line, c)
	if !ok {
		return syslogParts{}, false
	}
	rest := line[n:]
	if len(rest) < 2 || rest[0] != ' ' || rest[1] == ' ' {
		return syslogParts{}, false
	}
	rest = rest[1:]
	sp := bytes.IndexByte(rest, ' ')
	if sp < 0 {
		sp = len(rest)
	}
	if !isHostname(rest[:sp]) || isLevelWord(rest[:sp]) {
		return syslogParts{}, false
	}
	p := syslogParts{t: t, host: rest[:sp]}
	if sp < len(rest) {
		p.msg = rest[sp+1:]
	} else {
		p.msg = rest[sp:]
	}
	if ident, pid, body, ok := syslogTag(p.msg); ok {
		p.ident, p.pid, p.msg, p.tagged = ident, pid, body, true
	}
	return p, true
}

// isHostname reports whether b can be the host column: a non-empty run of
// letters, digits, dots, dashes and underscores. It keeps application lines
// that start with an RFC 3339 time ("... [warn]: msg") from passing for
// syslog.
func isHostname(b []byte) bool {
	if len(b) == 0 || len(b) > 255 {
		return false
	}
	for _, c := range b {
		if !isNameByte(c) {
			return false
		}
	}
	return true
}

// isLevelWord reports whether a would-be host column is a severity written
// in capitals ("INF", "WARN"): "2026-08-18T10:19:03Z INF msg" is a zerolog
// console line, not syslog from a host named INF.
func isLevelWord(b []byte) bool {
	if len(b) < 3 || len(b) > 5 {
		return false
	}
	switch string(b) {
	case "TRC", "DBG", "INF", "WRN", "ERR", "FTL", "PNC", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC":
		return true
	}
	return false
}

// syslogStamp reads either timestamp form at the start of line.
func syslogStamp(line []byte, c Context) (time.Time, int, bool) {
	if len(line) > 0 && isDigit(line[0]) {
		if st, ok := parseRFC3339(line, c.location()); ok {
			return st.t, st.n, true
		}
	}
	return bsdStamp(line, c) // also "3月 24 ..." (a month that opens with a digit)
}

// bsdStamp reads "Mmm DD HH:MM:SS[.frac]" (the day may be padded with a
// space instead of a zero) and places it in a year with inferYear.
func bsdStamp(line []byte, c Context) (time.Time, int, bool) {
	mo, n := monthToken(line)
	if mo == 0 || len(line) < n+11 || line[n] != ' ' {
		return time.Time{}, 0, false
	}
	i := n + 1
	if line[i] == ' ' {
		i++
	}
	d, ok := digits(line, i, 2)
	if ok {
		i += 2
	} else if d, ok = digits(line, i, 1); ok {
		i++
	} else {
		return time.Time{}, 0, false
	}
	if i >= len(line) || line[i] != ' ' {
		return time.Time{}, 0, false
	}
	h, mi, s, ok := clock(line, i+1)
	if !ok {
		return time.Time{}, 0, false
	}
	ns, _, fn := fraction(line, i+9)
	t, ok := inferYear(mo, d, h, mi, s, ns, c.location(), c.reference())
	return t, i + 9 + fn, ok
}

// maxTagPIDLen bounds what a tag's brackets may hold.
const maxTagPIDLen = 32

// syslogTag splits "ident[pid]: body" or "ident: body". It reports false
// when msg does not start with such a tag. The brackets usually hold a
// number; a relay or a forwarder may put "-" or a name there instead
// ("sshd[-]:"), which is still a tag, of a process whose pid is unknown (0).
func syslogTag(msg []byte) (ident []byte, pid int, body []byte, ok bool) {
	end := bytes.IndexAny(msg, "[: ")
	if end <= 0 || bytes.ContainsAny(msg[:end], `"{}=`) {
		// No program is named so: `{"connection":` opens JSON (an
		// ANALYTICS event after a stamp), `level=info:` a logfmt pair.
		return nil, 0, nil, false
	}
	ident = msg[:end]
	i := end
	if msg[i] == '[' {
		var n int
		if pid, n, ok = tagPID(msg[i+1:]); !ok {
			return nil, 0, nil, false
		}
		i += n + 2
	}
	if i >= len(msg) || msg[i] != ':' {
		return nil, 0, nil, false
	}
	i++
	if i < len(msg) && msg[i] == ' ' {
		i++
	}
	return ident, pid, msg[i:], true
}

// tagPID reads what a tag's brackets hold up to the closing "]": a pid, or
// any other run of visible characters (pid 0). n is its length.
func tagPID(b []byte) (pid, n int, ok bool) {
	for n < len(b) && n < maxTagPIDLen && b[n] > ' ' && b[n] < 0x7f && b[n] != ']' && b[n] != '[' {
		n++
	}
	if n == 0 || n >= len(b) || b[n] != ']' {
		return 0, 0, false
	}
	return decimalPID(b[:n]), n, true
}

// decimalPID reads a process id written in decimal; anything else (a name,
// "-", a number past an int32) is an unknown pid, 0.
func decimalPID(b []byte) int {
	pid := 0
	for _, c := range b {
		if !isDigit(c) || pid > 1<<31/10 {
			return 0
		}
		pid = pid*10 + int(c-'0')
	}
	return pid
}
