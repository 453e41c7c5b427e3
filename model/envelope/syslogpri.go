package envelope

import "bytes"

// Syslog lines as they travel on the wire, or as rsyslog writes them with
// the priority kept (RSYSLOG_SyslogProtocol23Format, a remote's raw
// messages), open with the priority:
//
//	<30>Dec  4 10:00:05 host ident[pid]: msg                       (RFC 3164)
//	<34>1 2026-12-04T10:00:06.000Z host ident pid msgid [sd] msg   (RFC 5424)
//
// The priority is left out: the severity of a line is its payload's (a
// connector logs every line at the same priority).

// maxPRI is the highest priority: facility 23, severity 7.
const maxPRI = 191

// splitPRISyslog reads a syslog line opening with "<PRI>".
func splitPRISyslog(line []byte, c Context) (syslogParts, bool) {
	n := priLen(line)
	if n == 0 {
		return syslogParts{}, false
	}
	if bytes.HasPrefix(line[n:], []byte("1 ")) {
		return split5424(line[n+2:], c)
	}
	return splitClassicSyslog(line[n:], c)
}

// priLen returns the length of the "<PRI>" opening line: one to three
// digits up to 191, without a leading zero but for "<0>"; 0 when there is
// none.
func priLen(line []byte) int {
	if len(line) < 3 || line[0] != '<' {
		return 0
	}
	pri, i := 0, 1
	for i < len(line) && i <= 3 && isDigit(line[i]) {
		pri = pri*10 + int(line[i]-'0')
		i++
	}
	if i == 1 || i >= len(line) || line[i] != '>' || pri > maxPRI || (line[1] == '0' && i > 2) {
		return 0
	}
	return i + 1
}

// split5424 reads what follows an RFC 5424 line's "<PRI>1 ":
//
//	TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]
//
// Any header field may be "-", nothing. The structured data is left out of
// the payload (the raw line keeps it), and so is the byte order mark a
// UTF-8 MSG may open with, so that the payload parsers see the message.
func split5424(rest []byte, c Context) (syslogParts, bool) {
	var f [5][]byte // timestamp, host, app, procid, msgid
	for i := range f {
		var ok bool
		if f[i], rest, ok = headerField(rest); !ok {
			return syslogParts{}, false
		}
	}
	p := syslogParts{tagged: true} // the header stands for a tag: an app, or "-"
	if !nil5424(f[0]) {
		st, ok := parseRFC3339(f[0], c.location())
		if !ok || st.n != len(f[0]) {
			return syslogParts{}, false
		}
		p.t = st.t
	}
	if !nil5424(f[1]) {
		p.host = f[1]
	}
	if !nil5424(f[2]) {
		p.ident = f[2]
	}
	p.pid = decimalPID(f[3])
	n, ok := structuredDataLen(rest)
	if !ok {
		return syslogParts{}, false
	}
	p.msg = bytes.TrimPrefix(bytes.TrimPrefix(rest[n:], []byte(" ")), []byte("\xef\xbb\xbf"))
	return p, true
}

// headerField splits an RFC 5424 header field, a run of printable ASCII,
// and the space after it, from b.
func headerField(b []byte) (field, rest []byte, ok bool) {
	sp := bytes.IndexByte(b, ' ')
	if sp <= 0 {
		return nil, nil, false
	}
	for _, c := range b[:sp] {
		if c < '!' || c > '~' {
			return nil, nil, false
		}
	}
	return b[:sp], b[sp+1:], true
}

// nil5424 reports whether a header field is RFC 5424's NILVALUE.
func nil5424(f []byte) bool { return len(f) == 1 && f[0] == '-' }

// structuredDataLen returns the length of the STRUCTURED-DATA opening b:
// "-", or one or more "[id name="value" …]" elements, whose values may hold
// '\"', '\]' and '\\' escapes. It must end the line or be followed by a
// space.
func structuredDataLen(b []byte) (int, bool) {
	n := 0
	switch {
	case len(b) > 0 && b[0] == '-':
		n = 1
	default:
		for n < len(b) && b[n] == '[' {
			end := sdElementEnd(b[n:])
			if end < 0 {
				return 0, false
			}
			n += end
		}
		if n == 0 {
			return 0, false
		}
	}
	return n, n == len(b) || b[n] == ' '
}

// sdElementEnd returns the length of the SD-ELEMENT opening b (which opens
// with '['), up to its closing ']' outside a quoted value, or -1.
func sdElementEnd(b []byte) int {
	quoted := false
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case c == ']' && !quoted:
			return i + 1
		}
	}
	return -1
}
