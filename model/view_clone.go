package model

// Clone returns a copy of v that may be extended (Extend, ExtendEnds, Trim)
// on another goroutine while v goes on being read, and then adopted in v's
// place. The copy shares v's Seqs without copying them, which keeps an
// extension O(new entries) on a million-row view; it is safe because an
// extension only writes beyond the lengths v reads (prepended Seqs go to
// the end of the front list), and a trim re-slices, or gives the front
// list its own copy of the chunk a later prepend would write into (see
// seqChunks): the two never touch the same elements.
//
// The contract has two sides. Only one clone of a view may be extended at a
// time (two would append into the same spare capacity), and v itself must
// not be extended while its clone is: the caller keeps one extension in
// flight and, when it ends, keeps either the clone or v, never both.
func (v *View) Clone() View {
	return *v
}
