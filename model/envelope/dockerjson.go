package envelope

import (
	"time"

	"connlog/model"
)

// decodeDockerJSON reads a Docker json-file record:
//
//	{"log":"[INFO] [connector] State: Online\n","stream":"stderr","time":"2023-09-15T12:03:47.692712516Z"}
//
// The payload is the unescaped "log" string without its trailing newline; a
// record whose "log" lacks one is a partial (Docker splits lines longer than
// 16 KiB). Broken JSON, or a record without "log", does not fit.
func decodeDockerJSON(line []byte, buf []byte) (Envelope, []byte, bool) {
	env, logStr, ok := scanDockerJSON(line)
	if !ok {
		return Envelope{}, buf, false
	}
	env.Payload, buf = logPayload(line, logStr, buf)
	env.Partial = !logStr.nlEnd
	return env, buf, true
}

// scanDockerJSON checks a json-file record and finds its parts without
// unescaping anything: Detect uses it alone, Decode before the payload.
func scanDockerJSON(line []byte) (Envelope, jstr, bool) {
	it, ok := newObjIter(line)
	if !ok {
		return Envelope{}, jstr{}, false
	}
	var env Envelope
	var logStr jstr
	haveLog := false
	for {
		key, val, ok := it.next()
		if !ok {
			break
		}
		switch string(key) {
		case "log":
			s, end, ok := scanString(line, val)
			if !ok {
				return Envelope{}, jstr{}, false
			}
			logStr, haveLog, it.i = s, true, end
		case "stream":
			env.Stream = streamOf(line, val, &it)
		case "time":
			env.Time = timeOf(line, val, &it)
		default:
			if !it.skip(val) {
				return Envelope{}, jstr{}, false
			}
		}
	}
	if !haveLog || !it.done() {
		return Envelope{}, jstr{}, false
	}
	return env, logStr, true
}

// logPayload returns the "log" string's content without its trailing
// newline, aliasing line when the newline is the only escape.
func logPayload(line []byte, s jstr, buf []byte) ([]byte, []byte) {
	raw := line[s.start:s.end]
	if !s.escapes {
		return raw, buf
	}
	if s.onlyNLEnd {
		return raw[:len(raw)-2], buf
	}
	if s.nlEnd {
		raw = raw[:len(raw)-2]
	}
	start := len(buf)
	buf = appendUnescaped(buf, raw)
	return buf[start:len(buf):len(buf)], buf
}

// streamOf reads a "stream" value; anything but stdout or stderr is unknown.
func streamOf(line []byte, val int, it *objIter) model.Stream {
	s, end, ok := scanString(line, val)
	if !ok {
		it.skip(val)
		return model.StreamUnknown
	}
	it.i = end
	switch string(line[s.start:s.end]) {
	case "stdout":
		return model.StreamStdout
	case "stderr":
		return model.StreamStderr
	}
	return model.StreamUnknown
}

// timeOf reads a "time" value; an unreadable time is left zero rather than
// costing the line its payload.
func timeOf(line []byte, val int, it *objIter) time.Time {
	s, end, ok := scanString(line, val)
	if !ok {
		it.skip(val)
		return time.Time{}
	}
	it.i = end
	st, ok := parseRFC3339(line[s.start:s.end], time.UTC)
	if !ok || st.n != s.end-s.start {
		return time.Time{}
	}
	return st.t
}
