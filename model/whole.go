package model

// wholeKinds tracks, per kind, what the index of every entry of that kind
// stored so far holds of what a full parse of its line yields.
//
// A kind is whole while every entry of it came whole from the decoder
// (StoreOptions.FieldsWhole) and none of its fields is one the index
// leaves out, carries a key the index keeps its own data under, or lies
// past the most it keeps: a view build then matches such an entry on its
// index where its filter asks for a full load (a message term), without
// re-parsing the line. An ANALYTICS event, whose parse is the costliest,
// holds no message as the connector writes it.
//
// A kind is exact while none of its entries' fields carries a key the
// index keeps its own data under or lies past the most it keeps: the
// index then holds each indexed key's values as a parse yields them (the
// decoder gives the store a line's indexed fields as its parse has them),
// and a line can be tested on its index before it is parsed (see
// Filter.MaybeUnparsed).
//
// A kind once broken stays so.
type wholeKinds struct {
	broken  uint16 // not whole: a bit by Kind
	inexact uint16 // not exact: a bit by Kind
}

// note accounts for e, which the store is putting.
func (w *wholeKinds) note(e *Entry, whole func(*Entry) bool) {
	bit := uint16(1) << (e.Kind & 0xf)
	if w.inexact&bit != 0 {
		return // nor whole
	}
	h := indexHolds(e.Fields)
	if h == holdsNotAll {
		w.inexact |= bit
		w.broken |= bit
		return
	}
	// Once broken the kind stays so: whole need not be asked again.
	if w.broken&bit == 0 && (h == holdsSome || whole == nil || !whole(e)) {
		w.broken |= bit
	}
}

// settled reports whether note would change nothing for e, an entry whose
// indexed fields are those of an entry noted before (a cached set: the
// same keys, which note read then, besides keys the index leaves out): its
// kind is no longer whole, and it has no more fields than the index keeps.
func (w wholeKinds) settled(e *Entry) bool {
	return !w.holds(e.Kind) && len(e.Fields) <= maxIndexedFields
}

// holds reports whether the entries of kind k are whole in the index.
func (w wholeKinds) holds(k Kind) bool { return w.broken&(1<<(k&0xf)) == 0 }

// exact reports whether the entries of kind k have their indexed fields in
// the index as a parse yields them.
func (w wholeKinds) exact(k Kind) bool { return w.inexact&(1<<(k&0xf)) == 0 }

// What the index holds of an entry's fields.
const (
	holdsAll    = iota // each, as it is
	holdsSome          // the others as they are, but not the keys it leaves out (a message)
	holdsNotAll        // not some field it would index: a pseudo-key's name, or one past the most it keeps
)

// indexHolds says what the index keeps of fs.
func indexHolds(fs Fields) int {
	if len(fs) > maxIndexedFields {
		return holdsNotAll
	}
	out := holdsAll
	for i := range fs {
		k := fs[i].Key
		switch {
		case len(k) > 1 && k[0] == '_' && k[1] == '_': // the pseudo-keys (originKeys) start so
			return holdsNotAll
		case notIndexed(k):
			out = holdsSome
		}
	}
	return out
}
