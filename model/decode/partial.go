package decode

import (
	"connlog/model"
)

// MaxJoinedBytes bounds a line being joined from partial records. Docker
// splits at 16 KiB and CRI runtimes at similar sizes, so this allows lines of
// hundreds of pieces; past it the line is cut (FlagTruncated) and the rest
// starts a new entry, so nothing is lost. The journal source joins the
// pieces Docker's journald driver writes to the same bound.
const MaxJoinedBytes = 4 << 20

// partial holds the pieces of a line that a container runtime split across
// records (Docker json-file without a trailing newline, CRI "P").
type partial struct {
	line    logical
	pieces  int
	payload []byte
	raw     []byte
}

// active reports whether pieces are being held.
func (p *partial) active() bool { return p.pieces > 0 }

// accepts reports whether a record continues the held line: the same
// envelope and stream. Docker interleaves stdout and stderr records in one
// file, so a piece on the other stream is not a continuation.
func (p *partial) accepts(l *logical) bool {
	return l.kind == p.line.kind && l.env.Stream == p.line.env.Stream
}

// add appends a piece, copying its bytes.
func (p *partial) add(l *logical) {
	if p.pieces == 0 {
		p.line = *l
		p.raw = append(p.raw[:0], l.raw...)
		p.payload = append(p.payload[:0], l.payload...)
	} else {
		p.raw = append(append(p.raw, '\n'), l.raw...)
		p.payload = append(p.payload, l.payload...)
	}
	p.pieces++
}

// full reports whether the held line reached the bound.
func (p *partial) full() bool { return len(p.raw) >= MaxJoinedBytes }

// take returns the joined line with the extra flags and empties the holder.
// The line keeps the holder's buffers, so new ones are started.
func (p *partial) take(flags model.Flags) logical {
	l := p.line
	l.raw, l.payload = p.raw, p.payload
	l.flags |= flags
	l.env.Partial = false
	*p = partial{}
	return l
}
