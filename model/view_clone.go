package model

// Clone returns a copy of v that may be extended (Extend, ExtendEnds, Trim)
// on another goroutine while v goes on being read, and then adopted in v's
// place. The copy shares v's Seqs without copying them, which keeps an
// extension O(new entries) on a million-row view; it is safe because an
// extension only appends beyond the lengths v reads (prepended Seqs go to
// the end of the front list), and trims by re-slicing, the front list
// losing its spare capacity with the Seqs it drops, so that no later
// prepend writes where v still reads: the two never touch the same
// elements.
//
// The contract has two sides. Only one clone of a view may be extended at a
// time (two would append into the same spare capacity), and v itself must
// not be extended while its clone is: the caller keeps one extension in
// flight and, when it ends, keeps either the clone or v, never both.
func (v *View) Clone() View {
	return *v
}
