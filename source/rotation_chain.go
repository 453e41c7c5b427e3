package source

import (
	"path/filepath"
	"sync"
	"time"
)

// A rotation chain is a live file and its rotated copies read before it
// (--with-rotated), each an input of its own. Lead settling gives a line
// without a time, or a gap noticed before any line, the time of the first
// dated line after it; at the end of an input that had none, that line is
// in the next newer file of the chain. An unread copy (lzma, corrupt from
// its first byte) is only such a gap: its inputs tell each other when
// their dated lines begin and end, so that it stands where the copy stands
// in the rotation, not at its last write (which, for a file just copied
// onto the host, is now).
type rotationChain struct {
	members []chainMember
}

// chainMember is what one input of a chain tells the others, each told
// once: first and last are the times of its first and last dated lines,
// zero when it has none; the channels close once they are told.
type chainMember struct {
	name                string
	first, last         time.Time
	firstTold, lastTold chan struct{}
	tellFirst, tellLast sync.Once
}

// ChainLink is an input's place in its rotation chain (see Feed.Chain).
type ChainLink struct {
	chain *rotationChain
	at    int // oldest first
}

// RotationLinks links the inputs of each rotation chain among inputs (a
// live file preceded by its rotated copies, see Input.RotationOf); the
// others get nil.
func RotationLinks(inputs []Input) []*ChainLink {
	links := make([]*ChainLink, len(inputs))
	for end, in := range inputs {
		start := end
		for start > 0 && inputs[start-1].RotationOf == in.Path && in.Path != "" {
			start--
		}
		if start == end {
			continue
		}
		c := &rotationChain{members: make([]chainMember, end-start+1)}
		for k := range c.members {
			m := &c.members[k]
			m.name = filepath.Base(inputs[start+k].Path)
			m.firstTold, m.lastTold = make(chan struct{}), make(chan struct{})
			links[start+k] = &ChainLink{chain: c, at: k}
		}
	}
	return links
}

func (l *ChainLink) self() *chainMember { return &l.chain.members[l.at] }

// began tells the chain when the input's dated lines begin (zero: it has
// none). Only the first telling counts.
func (l *ChainLink) began(t time.Time) {
	m := l.self()
	m.tellFirst.Do(func() { m.first = t; close(m.firstTold) })
}

// ended tells the chain when the input's dated lines end (zero: it had
// none). Only the first telling counts.
func (l *ChainLink) ended(t time.Time) {
	m := l.self()
	m.tellLast.Do(func() { m.last = t; close(m.lastTold) })
}

// place returns when the leads an input ends with stand: at the first
// dated line of the next newer file that has one; else, by after, after
// the last dated line of the next older file that has one; else zero.
// It waits for those files to tell. An input tells when it begins before
// it waits on newer ones, and ends only once it has placed its leads, so
// that the waits, newer for a beginning and older for an end, never close
// a circle.
func (l *ChainLink) place() (at time.Time, after string) {
	ms := l.chain.members
	for k := l.at + 1; k < len(ms); k++ {
		<-ms[k].firstTold
		if !ms[k].first.IsZero() {
			return ms[k].first, ""
		}
	}
	for k := l.at - 1; k >= 0; k-- {
		<-ms[k].lastTold
		if !ms[k].last.IsZero() {
			return ms[k].last, ms[k].name
		}
	}
	return time.Time{}, ""
}
