package envelope

import "time"

// decodeDockerTS reads a `docker logs -t` line:
//
//	2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Online
//
// The timestamp must carry a zone and be followed by one space (or end the
// line, for an empty log line).
func decodeDockerTS(line []byte, c Context) (Envelope, bool) {
	st, ok := c.utcStamp(line)
	if !ok || !st.zoned {
		return Envelope{}, false
	}
	switch {
	case st.n == len(line):
		return Envelope{Payload: line[st.n:], Time: st.t}, true
	case line[st.n] == ' ':
		return Envelope{Payload: line[st.n+1:], Time: st.t}, true
	}
	return Envelope{}, false
}

// looksDockerTS is the stricter test Detect uses: the Docker daemon writes
// `docker logs -t` stamps with exactly nine fractional digits and "Z"
// (RFC3339NanoFixed), which tells them apart from applications that start
// their own lines with an RFC 3339 time.
func looksDockerTS(line []byte) bool {
	st, ok := parseRFC3339(line, time.UTC)
	return ok && st.zulu && st.frac == 9 && (st.n == len(line) || line[st.n] == ' ')
}
