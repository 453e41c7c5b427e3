package model

// seqChunks is a list of Seqs in fixed arrays of seqChunkLen, for a view's
// matching rows. A slice grown by append doubles: a view of millions kept
// up to twice its Seqs in capacity, and both arrays while one was copied
// into the other (the TUI started with -q kind:service on a 1 GiB file
// peaked with 128 MB of heap for a view of 44 MB). Chunks grow by one
// array at a time and are never copied.
//
// A copy of a list (View.Clone) stays valid while the list goes on: push
// writes only past the values a copy reads, dropFirst only re-slices, and
// keepFirst gives the list chunks of its own where the next push would
// write into a copy's.
type seqChunks struct {
	chunks []*[seqChunkLen]int64
	skip   int // values dropped from the start of chunks[0]
	n      int // values held, from skip on
}

const seqChunkLen = 1 << 13

// len returns how many Seqs the list holds.
func (l *seqChunks) len() int { return l.n }

// at returns the i-th Seq.
func (l *seqChunks) at(i int) int64 {
	j := l.skip + i
	return l.chunks[j/seqChunkLen][j%seqChunkLen]
}

// push appends seq.
func (l *seqChunks) push(seq int64) {
	j := l.skip + l.n
	if j/seqChunkLen == len(l.chunks) {
		l.chunks = append(l.chunks, new([seqChunkLen]int64))
	}
	l.chunks[j/seqChunkLen][j%seqChunkLen] = seq
	l.n++
}

// pushAll appends seqs.
func (l *seqChunks) pushAll(seqs []int64) {
	for _, seq := range seqs {
		l.push(seq)
	}
}

// dropFirst drops the first k Seqs.
func (l *seqChunks) dropFirst(k int) {
	l.skip += k
	l.n -= k
	gone := l.skip / seqChunkLen
	l.chunks, l.skip = l.chunks[gone:], l.skip-gone*seqChunkLen
}

// keepFirst drops all but the first k Seqs. The chunk the next push would
// write into is copied, and the list of chunks too, so that no later push
// writes where a copy of the list taken before still reads.
func (l *seqChunks) keepFirst(k int) {
	l.n = k
	j := l.skip + k
	last := j / seqChunkLen
	if last >= len(l.chunks) {
		return
	}
	chunks := make([]*[seqChunkLen]int64, last, last+1)
	copy(chunks, l.chunks)
	if j%seqChunkLen != 0 {
		own := *l.chunks[last]
		chunks = append(chunks, &own)
	}
	l.chunks = chunks
}

// search returns the index of the first Seq for which above is true, the
// Seqs being ordered so that it is false and then true.
func (l *seqChunks) search(above func(seq int64) bool) int {
	lo, hi := 0, l.n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if above(l.at(mid)) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
