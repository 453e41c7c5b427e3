package envelope

import (
	"bytes"
	"time"
)

// looksTrimmedDockerTS accepts the stamps of `docker logs -t` and `kubectl
// logs --timestamps` as Go's RFC3339Nano writes them, trailing zeros of the
// fraction trimmed (2026-12-04T10:00:01.5Z, or 2026-12-04T10:00:01Z), which
// looksDockerTS's nine digits turn away. A program may start its own lines
// with such a stamp, so one is claimed only where no program's own would
// be:
//   - before a connector's line ([LEVEL], [msg], ANALYTICS), which carries
//     no time of its own;
//   - with a fraction Go could have trimmed: none, or one that does not end
//     in 0 and is not three or six digits long, the fixed widths of the
//     millisecond and microsecond stamps programs write themselves
//     ("2026-12-05T07:53:02.390441Z [INFO] [soak] …").
func looksTrimmedDockerTS(line []byte) bool {
	sp := bytes.IndexByte(line[:min(len(line), dockerStampLen+1)], ' ')
	if sp < 20 || line[sp-1] != 'Z' || !carriesConnectorLine(line[sp+1:]) || !trimmedFraction(line[19:sp-1]) {
		return false
	}
	st, ok := parseRFC3339(line, time.UTC)
	return ok && st.n == sp // a stamp up to the space, so the 'Z' is its zone
}

// trimmedFraction reports whether f, the bytes between the seconds and the
// "Z", may be a fraction RFC3339Nano wrote and no fixed-width writer would
// (see looksTrimmedDockerTS). Its digits are checked by the parse after.
func trimmedFraction(f []byte) bool {
	n := len(f) - 1 // digits after the '.'
	return len(f) == 0 || n != 3 && n != 6 && f[n] != '0'
}

// carriesConnectorLine reports whether p opens as a Twingate connector's
// line: a service line's level ("[ERROR] [libsdwan] …", or the client's
// "[INFO][client]…"), libevent's "[msg] " or an ANALYTICS event.
func carriesConnectorLine(p []byte) bool {
	if bytes.HasPrefix(p, []byte("ANALYTICS ")) || bytes.HasPrefix(p, []byte("[msg] ")) {
		return true
	}
	if len(p) < 2 || p[0] != '[' {
		return false
	}
	end := bytes.IndexByte(p[:min(len(p), 8)], ']')
	if end < 0 || end+1 >= len(p) || (p[end+1] != ' ' && p[end+1] != '[') {
		return false
	}
	switch string(p[1:end]) {
	case "ERROR", "WARN", "INFO", "DEBUG":
		return true
	}
	return false
}
