package envelope

import (
	"bytes"

	"connlog/model"
)

// decodeCRI reads a Kubernetes CRI log line (containerd, CRI-O):
//
//	2016-10-06T00:17:09.669794202Z stdout F [INFO] [connector] State: Online
//
// The tag is "F" for a full line or "P" for a partial one that continues in
// the next record; the CRI reserves ":"-separated tags after it, which are
// ignored. Older CRI-O files have no tag ("<time> stdout <line>"): the
// stream word is removed and the rest is a full line.
func decodeCRI(line []byte, c Context) (Envelope, bool) {
	st, ok := c.utcStamp(line)
	if !ok || !st.zoned || st.n >= len(line) || line[st.n] != ' ' {
		return Envelope{}, false
	}
	rest := line[st.n+1:]
	var env Envelope
	switch {
	case bytes.HasPrefix(rest, []byte("stdout ")):
		env.Stream = model.StreamStdout
	case bytes.HasPrefix(rest, []byte("stderr ")):
		env.Stream = model.StreamStderr
	default:
		return Envelope{}, false
	}
	rest = rest[len("stdout "):]
	tagEnd := bytes.IndexByte(rest, ' ')
	if tagEnd < 0 {
		tagEnd = len(rest)
	}
	tag := rest[:tagEnd]
	if i := bytes.IndexByte(tag, ':'); i >= 0 {
		tag = tag[:i]
	}
	switch string(tag) {
	case "F":
	case "P":
		env.Partial = true
	default:
		// CRI-O before the tags were added (Kubernetes 1.10) wrote the
		// line right after the stream: every record is a full line.
		env.Payload, env.Time = rest, st.t
		return env, true
	}
	if tagEnd < len(rest) {
		rest = rest[tagEnd+1:]
	} else {
		rest = rest[tagEnd:]
	}
	env.Payload, env.Time = rest, st.t
	return env, true
}
