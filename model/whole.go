package model

// wholeKinds tracks, per kind, whether the index of every entry of that
// kind stored so far holds every field a full parse of its line yields:
// the decoder said the entry came whole (StoreOptions.FieldsWhole), and
// none of its fields is one the index leaves out, carries a key the index
// keeps its own data under, or lies past the most it keeps. A view build
// then matches such an entry on its index where its filter asks for a full
// load (a message term), without re-parsing the line: an ANALYTICS event,
// whose parse is the costliest, holds no message. A kind once broken stays
// so.
type wholeKinds struct {
	broken uint16 // a bit by Kind
}

// note accounts for e, which the store is putting.
func (w *wholeKinds) note(e *Entry, whole func(*Entry) bool) {
	bit := uint16(1) << (e.Kind & 0xf)
	if w.broken&bit == 0 && (whole == nil || !whole(e) || !indexHoldsAll(e.Fields)) {
		w.broken |= bit
	}
}

// holds reports whether the entries of kind k are whole in the index.
func (w wholeKinds) holds(k Kind) bool { return w.broken&(1<<(k&0xf)) == 0 }

// indexHoldsAll reports whether the index keeps each of fs as it is.
func indexHoldsAll(fs Fields) bool {
	if len(fs) > maxIndexedFields {
		return false
	}
	for i := range fs {
		k := fs[i].Key
		if notIndexed(k) || len(k) > 1 && k[0] == '_' && k[1] == '_' { // the pseudo-keys (originKeys) start so
			return false
		}
	}
	return true
}
