package envelope

import "time"

// decodeDockerTS reads a `docker logs -t` line:
//
//	2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Online
//
// The timestamp must carry a zone and be followed by one space (or end the
// line, for an empty log line).
func decodeDockerTS(line []byte, c Context) (Envelope, bool) {
	var env Envelope
	ok := decodeDockerTSInto(&env, line, &c)
	return env, ok
}

// decodeDockerTSInto is decodeDockerTS setting the payload and time of
// env, which it leaves as they were when the line does not fit. It writes
// in place, and tries the stamp Docker writes within the cached second
// first: the whole envelope returned by value through the general stamp
// reader cost more than reading the stamp.
func decodeDockerTSInto(env *Envelope, line []byte, c *Context) bool {
	n := dockerStampLen
	t, ok := c.Stamps.sameSecondDocker(line)
	if !ok {
		st, ok := c.utcStamp(line)
		if !ok || !st.zoned {
			return false
		}
		t, n = st.t, st.n
	}
	switch {
	case n == len(line):
	case line[n] == ' ':
		n++
	default:
		return false
	}
	env.Payload, env.Time = line[n:], t
	return true
}

// looksDockerTS is the stricter test Detect uses: the Docker daemon writes
// `docker logs -t` stamps with exactly nine fractional digits and "Z"
// (RFC3339NanoFixed), which tells them apart from applications that start
// their own lines with an RFC 3339 time.
func looksDockerTS(line []byte) bool {
	st, ok := parseRFC3339(line, time.UTC)
	return ok && st.zulu && st.frac == 9 && (st.n == len(line) || line[st.n] == ' ')
}
