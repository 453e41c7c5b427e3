package decode

import (
	"bytes"
)

// Bounds on a multi-line entry held while its indented lines arrive.
const (
	maxBlockBytes = 256 << 10
	maxBlockLines = 1000
)

// block holds a header line that announces indented lines and the
// indented lines that follow it, as the Twingate client writes its
// environment at start-up:
//
//	[2025-11-01T14:06:15.101763-05:00] [INFO] [client] Environment Information:
//	    OS: Ubuntu 24.04.3 LTS
//	    Kernel: 6.14.0-33-generic
//
// The lines are joined into one entry when a line that is not indented
// comes (or at Flush). Only a client line (it opens with "[<time>]") whose
// message ends with a colon opens a block, so that connector lines and
// ordinary lines are never held.
type block struct {
	document
}

// opensBlock reports whether a line's payload is such a header.
func opensBlock(payload []byte) bool {
	if len(payload) < 4 || payload[0] != '[' || payload[1] < '0' || payload[1] > '9' {
		return false
	}
	end := trimRight(payload)
	return end > 0 && payload[end-1] == ':' && bytes.IndexByte(payload[:end], '\n') < 0
}

// continues reports whether a line belongs to the held block: indented,
// from the same envelope.
func (b *block) continues(l *logical) bool {
	p := l.payload
	return l.kind == b.kind && len(p) > 0 && (p[0] == ' ' || p[0] == '\t')
}

// begin holds the header line.
func (b *block) begin(l *logical) {
	b.document = document{lines: append(b.lines[:0], l.owned()), kind: l.kind, size: len(l.raw), active: true}
}

// extend adds an indented line and reports whether the block is full.
func (b *block) extend(l *logical) bool {
	b.lines = append(b.lines, l.owned())
	b.size += len(l.raw) + 1
	return b.size > maxBlockBytes || len(b.lines) >= maxBlockLines
}

// trimRight returns the length of p without trailing blanks.
func trimRight(p []byte) int {
	end := len(p)
	for end > 0 && (p[end-1] == ' ' || p[end-1] == '\t' || p[end-1] == '\r') {
		end--
	}
	return end
}
