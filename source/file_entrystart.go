package source

import "bytes"

// A tail-first read decodes its tail, each block of its head and each
// batch of a block apart, so an entry whose lines straddle the edge between
// two parts (a long line a container runtime split into pieces, a JSON
// document, an indented block) would be cut in two, and a line without a
// time of its own at the start of a part would inherit one from another
// part. Each part therefore begins where FileOptions.BeginsPart says a
// part may.

// partStartIn returns the offset in buf of the first line start after the
// whole line at buf[from:] where a part may begin (begins, given the line
// before it, both whole in buf). It returns -1 when there is none.
func partStartIn(buf []byte, from int, begins func(prev, line []byte) bool) int {
	prev := from
	for {
		nl := bytes.IndexByte(buf[prev:], '\n')
		if nl < 0 {
			return -1
		}
		start := prev + nl + 1
		end := bytes.IndexByte(buf[start:], '\n')
		if end < 0 {
			return -1
		}
		if begins(buf[prev:prev+nl], buf[start:start+end]) {
			return start
		}
		prev = start
	}
}
