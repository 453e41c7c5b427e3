package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"connlog/model"
	"connlog/source/synth"
)

// envelope wraps one generated line the way a transport stores it on disk.
type envelope interface {
	// wrap appends the carried form of line, newline(s) included, to b.
	wrap(b, line []byte, at time.Time, meta synth.Meta) []byte
}

// host is what the envelopes know about the machine the lines come from.
type host struct {
	name string
	loc  *time.Location
	gen  *synth.Generator // for boot, machine and invocation ids
	boot time.Time        // for journald's monotonic clock
}

var envelopeNames = []string{"raw", "docker-ts", "docker-json", "cri", "syslog", "journal-export"}

func newEnvelope(name string, h host) (envelope, error) {
	switch name {
	case "raw":
		return rawEnvelope{}, nil
	case "docker-ts":
		return dockerTSEnvelope{}, nil
	case "docker-json":
		return dockerJSONEnvelope{}, nil
	case "cri":
		return criEnvelope{}, nil
	case "syslog":
		return &syslogEnvelope{host: h}, nil
	case "journal-export":
		return &journalEnvelope{host: h}, nil
	}
	return nil, fmt.Errorf("unknown envelope %q: use one of %s", name, strings.Join(envelopeNames, ", "))
}

// splitLimit is where Docker's json-file driver and CRI runtimes cut long
// lines into partial records.
const splitLimit = 16 << 10

// rawEnvelope is the line alone, as a connector writes to a plain file.
type rawEnvelope struct{}

func (rawEnvelope) wrap(b, line []byte, _ time.Time, _ synth.Meta) []byte {
	return append(append(b, line...), '\n')
}

// dockerTSEnvelope is `docker logs -t`: a fixed nine-digit RFC 3339 time.
type dockerTSEnvelope struct{}

func (dockerTSEnvelope) wrap(b, line []byte, at time.Time, _ synth.Meta) []byte {
	b = synth.AppendRFC3339(b, at.UnixNano(), 9, false)
	b = append(b, ' ')
	return append(append(b, line...), '\n')
}

// criEnvelope is the Kubernetes container log format: time, stream, a
// partial/full tag and the text, long lines split into P records.
type criEnvelope struct{}

func (criEnvelope) wrap(b, line []byte, at time.Time, meta synth.Meta) []byte {
	ns := at.UnixNano()
	for {
		chunk, tag := line, byte('F')
		if len(line) > splitLimit {
			chunk, tag = line[:splitLimit], 'P'
		}
		b = synth.AppendRFC3339(b, ns, 9, true)
		b = append(b, ' ')
		b = append(b, streamName(meta.Stream)...)
		b = append(b, ' ', tag, ' ')
		b = append(append(b, chunk...), '\n')
		if tag == 'F' {
			return b
		}
		line = line[splitLimit:]
	}
}

func streamName(s model.Stream) string {
	if s == model.StreamStderr {
		return "stderr"
	}
	return "stdout"
}

// syslogEnvelope is journalctl's short format, "Feb 10 08:00:01 host
// ident[pid]: line", in the host's time zone.
type syslogEnvelope struct {
	host
	lastSec int64
	stamp   []byte
}

func (e *syslogEnvelope) wrap(b, line []byte, at time.Time, meta synth.Meta) []byte {
	if sec := at.Unix(); sec != e.lastSec || e.stamp == nil {
		e.lastSec = sec
		e.stamp = at.In(e.loc).AppendFormat(e.stamp[:0], "Jan 02 15:04:05")
	}
	b = append(b, e.stamp...)
	b = append(b, ' ')
	b = append(b, e.name...)
	b = append(b, ' ')
	b = append(b, meta.Program.Identity().Identifier...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(meta.PID), 10)
	b = append(b, "]: "...)
	return append(append(b, line...), '\n')
}
