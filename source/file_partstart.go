package source

import "bytes"

// A tail-first read decodes its tail, each block of its head and each
// batch of a block apart, so an entry whose lines straddle the edge between
// two parts (a long line a container runtime split into pieces, a JSON
// document, an indented block) would be cut in two, and a line without a
// time of its own at the start of a part would inherit one from another
// part. Each part therefore begins at a line that begins an entry
// (FileOptions.PartStart), and at one with a time of its own when such a
// line comes within timedLookahead more lines.

// timedLookahead bounds how many lines past the first that begins an entry
// are asked whether they also have a time: a file whose lines have none
// (a plain text log) costs that many questions a part, not a whole part's.
const timedLookahead = 32

// partChooser picks where a part begins among candidate lines, in order:
// the first that begins an entry, or the first after it, within
// timedLookahead lines, that has a time of its own too.
type partChooser struct {
	ask   func(prev, line []byte) (entry, timed bool)
	first int // the first candidate that begins an entry, -1 for none yet
	after int // candidates asked since
}

func newPartChooser(ask func(prev, line []byte) (entry, timed bool)) partChooser {
	return partChooser{ask: ask, first: -1}
}

// offer asks about the candidate at, whose line and the line before it
// are given, and reports whether the choice is made.
func (c *partChooser) offer(at int, prev, line []byte) bool {
	entry, timed := c.ask(prev, line)
	switch {
	case entry && timed:
		c.first = at
		return true
	case c.first >= 0:
		c.after++
		return c.after >= timedLookahead
	case entry:
		c.first = at
	}
	return false
}

// partStartIn returns the offset in buf of the line where a part may begin
// (see partChooser), among the line starts after the whole line at
// buf[from:] whose lines are whole in buf, or -1 when none begins an entry.
// chosen is false when buf ended before the choice was made: more lines
// might have held a better one.
func partStartIn(buf []byte, from int, ask func(prev, line []byte) (entry, timed bool)) (start int, chosen bool) {
	c := newPartChooser(ask)
	all := eachLinePair(buf, from, func(at int, prev, line []byte) bool { return !c.offer(at, prev, line) })
	return c.first, !all
}

// lastEntryStartIn returns the offset in buf of the last line that begins
// an entry, among the line starts after buf's first newline whose lines
// are whole in buf (the last line must end with one), or -1 when none does.
// When that line has no time of its own, the nearest line before it that
// begins an entry with one is chosen instead, if it is within
// timedLookahead lines.
func lastEntryStartIn(buf []byte, ask func(prev, line []byte) (entry, timed bool)) int {
	last, lastTimed := -1, -1
	n, lastN, timedN := 0, 0, 0 // lines seen; the line numbers of last and lastTimed
	eachLinePair(buf, 0, func(at int, prev, line []byte) bool {
		n++
		if entry, timed := ask(prev, line); entry {
			last, lastN = at, n
			if timed {
				lastTimed, timedN = at, n
			}
		}
		return true
	})
	if last != lastTimed && lastTimed >= 0 && lastN-timedN <= timedLookahead {
		return lastTimed
	}
	return last
}

// eachLinePair calls yield with each line start in buf after the line at
// buf[from:], whose line is whole in buf (ended by a newline), that line
// and the one before it, until yield returns false. It reports whether it
// came to buf's end.
func eachLinePair(buf []byte, from int, yield func(at int, prev, line []byte) bool) bool {
	for prev := from; ; {
		nl := bytes.IndexByte(buf[prev:], '\n')
		if nl < 0 {
			return true
		}
		at := prev + nl + 1
		end := bytes.IndexByte(buf[at:], '\n')
		if end < 0 {
			return true
		}
		if !yield(at, buf[prev:prev+nl], buf[at:at+end]) {
			return false
		}
		prev = at
	}
}
