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

// accepts reports whether a record of the holder's stream continues the
// held line: the same envelope.
func (p *partial) accepts(l *logical) bool {
	return l.kind == p.line.kind
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
		p.line.oneLine = false
		p.line.flags |= l.flags & model.FlagNoNewline // the input may have ended with this piece
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

// maxForeignRecords is how many records of other streams may pass while a
// stream's split line waits for its next piece. A runtime copies each
// stream on its own, so the other stream's lines may come between the
// pieces; past this many, the last piece is taken not to be coming and
// the line is shown as it stands (flagged partial), not held out of sight
// for as long as the other stream writes.
const maxForeignRecords = 1024

// parts holds the split lines of a container's output, one per stream:
// Docker and CRI runtimes interleave stdout and stderr records in one
// file, so a stderr line may lie between two pieces of a stdout line.
type parts struct {
	held    [model.StreamStderr + 1]partial
	started [model.StreamStderr + 1]uint64 // when each held line's first piece came, to flush in input order
	foreign [model.StreamStderr + 1]int    // records of other streams since each held line's last piece
	records uint64
}

// active reports whether any stream holds pieces.
func (ps *parts) active() bool {
	for i := range ps.held {
		if ps.held[i].active() {
			return true
		}
	}
	return false
}

// of returns the holder of l's stream.
func (ps *parts) of(l *logical) *partial {
	return &ps.held[min(int(l.env.Stream), len(ps.held)-1)]
}

// add holds a piece in its stream's holder.
func (ps *parts) add(l *logical) {
	i := min(int(l.env.Stream), len(ps.held)-1)
	if !ps.held[i].active() {
		ps.started[i] = ps.records
	}
	ps.held[i].add(l)
	ps.foreign[i] = 0
}

// pass counts a record of l's stream against the held lines of the other
// streams.
func (ps *parts) pass(l *logical) {
	ps.records++
	own := min(int(l.env.Stream), len(ps.held)-1)
	for i := range ps.held {
		if i != own && ps.held[i].active() {
			ps.foreign[i]++
		}
	}
}

// stale returns the oldest held line that l shows will not go on, or nil:
// one of another envelope (the input is no longer that runtime's output),
// or of another stream that has waited past maxForeignRecords.
func (ps *parts) stale(l *logical) *partial {
	var first *partial
	var at uint64
	own := min(int(l.env.Stream), len(ps.held)-1)
	for i := range ps.held {
		p := &ps.held[i]
		if !p.active() || (i == own || ps.foreign[i] <= maxForeignRecords) && p.accepts(l) {
			continue
		}
		if first == nil || ps.started[i] < at {
			first, at = p, ps.started[i]
		}
	}
	return first
}

// oldest returns the active holder whose line began first, or nil.
func (ps *parts) oldest() *partial {
	var first *partial
	var at uint64
	for i := range ps.held {
		if ps.held[i].active() && (first == nil || ps.started[i] < at) {
			first, at = &ps.held[i], ps.started[i]
		}
	}
	return first
}
