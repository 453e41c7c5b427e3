package model

import "math"

// seqChunks is a list of ascending Seqs in fixed chunks of seqChunkLen, for
// a view's matching rows.
//
// A slice grown by append doubles: a view of millions kept up to twice its
// Seqs in capacity, and both arrays while one was copied into the other
// (the TUI started with -q kind:service on a 1 GiB file peaked with 128 MB
// of heap for a view of 44 MB). Chunks grow one at a time and are never
// copied. A chunk keeps its first Seq and each Seq's distance from it in 4
// bytes: a view is ordered, and 8,192 of its rows lie within 2^32 positions
// of one another unless the store has seen billions of entries meanwhile;
// a list whose Seqs would not fit goes on in chunks of whole Seqs.
//
// A copy of a list (View.Clone) stays valid while the list goes on: push
// writes only past the Seqs a copy reads, dropFirst only re-slices,
// keepFirst gives the list a chunk of its own where the next push would
// write into a copy's, and a list that turns wide makes new chunks.
type seqChunks struct {
	chunks []*seqChunk           // while every Seq fits its chunk's distances
	wide   []*[seqChunkLen]int64 // once one did not: then chunks is nil
	skip   int                   // Seqs dropped from the start of the first chunk
	n      int                   // Seqs held, from skip on
}

// seqChunk is seqChunkLen Seqs as distances from its first.
type seqChunk struct {
	first int64
	dist  [seqChunkLen]uint32
}

const seqChunkLen = 1 << 13

// len returns how many Seqs the list holds.
func (l *seqChunks) len() int { return l.n }

// at returns the i-th Seq.
func (l *seqChunks) at(i int) int64 {
	j := l.skip + i
	if l.wide != nil {
		return l.wide[j/seqChunkLen][j%seqChunkLen]
	}
	c := l.chunks[j/seqChunkLen]
	return c.first + int64(c.dist[j%seqChunkLen])
}

// push appends seq, not below the list's last Seq.
func (l *seqChunks) push(seq int64) {
	j := l.skip + l.n
	k, at := j/seqChunkLen, j%seqChunkLen
	if l.wide != nil {
		if k == len(l.wide) {
			l.wide = append(l.wide, new([seqChunkLen]int64))
		}
		l.wide[k][at] = seq
		l.n++
		return
	}
	if k == len(l.chunks) {
		l.chunks = append(l.chunks, &seqChunk{first: seq})
	}
	c := l.chunks[k]
	if d := seq - c.first; d < 0 || d > math.MaxUint32 {
		l.widen()
		l.push(seq)
		return
	}
	c.dist[at] = uint32(seq - c.first)
	l.n++
}

// widen turns the list into chunks of whole Seqs, new ones.
func (l *seqChunks) widen() {
	wide := make([]*[seqChunkLen]int64, len(l.chunks))
	for k := range wide {
		wide[k] = new([seqChunkLen]int64)
	}
	for i := range l.n {
		j := l.skip + i
		wide[j/seqChunkLen][j%seqChunkLen] = l.at(i)
	}
	l.wide, l.chunks = wide, nil
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
	l.skip -= gone * seqChunkLen
	if l.wide != nil {
		l.wide = l.wide[gone:]
	} else {
		l.chunks = l.chunks[gone:]
	}
}

// keepFirst drops all but the first k Seqs. The chunk the next push would
// write into is copied, and the list of chunks too, so that no later push
// writes where a copy of the list taken before still reads.
func (l *seqChunks) keepFirst(k int) {
	l.n = k
	j := l.skip + k
	last, partial := j/seqChunkLen, j%seqChunkLen != 0
	if l.wide != nil {
		l.wide = keepChunks(l.wide, last, partial)
	} else {
		l.chunks = keepChunks(l.chunks, last, partial)
	}
}

// keepChunks returns a new list of the chunks before last, and a copy of
// chunk last when partial.
func keepChunks[C any](chunks []*C, last int, partial bool) []*C {
	if last >= len(chunks) {
		return chunks
	}
	kept := make([]*C, last, last+1)
	copy(kept, chunks)
	if partial {
		own := *chunks[last]
		kept = append(kept, &own)
	}
	return kept
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
