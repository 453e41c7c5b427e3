package journalfile

import "strings"

// bootField names the boot an entry was written in. A file holds one
// boot's entries after another's, never interleaved, which is what lets a
// loss be placed in a boot.
const bootField = "_BOOT_ID"

// bootTerms is the part of e that selects boots: its conjuncts whose
// every match is on bootField.
func (e Expr) bootTerms() Expr {
	var out Expr
	for _, conj := range e {
		if len(conj) > 0 && allOnField(conj, bootField) {
			out = append(out, conj)
		}
	}
	return out
}

// allOnField reports whether every match of the alternatives is on field.
func allOnField(alts [][]string, field string) bool {
	for _, alt := range alts {
		for _, m := range alt {
			if name, _, _ := strings.Cut(m, "="); name != field {
				return false
			}
		}
	}
	return true
}

// tailIsRead reports whether the entries m's index lost past its end may
// be this reading's. They come after the file's last readable entry, in
// its boot or a later one: under a boot match they are when that entry is
// of the boot (or when none can be read, so that nobody can tell), not
// when it is of another boot. Other matches (a unit) cannot be told from
// one entry: their reading is told of the loss.
func (j *Journal) tailIsRead(m *member) bool {
	boots := j.expr.bootTerms()
	if len(boots) == 0 {
		return true
	}
	r, err := resolveTerms(m.f, boots)
	if err != nil {
		return true
	}
	for i := m.f.Len() - 1; i >= 0; i-- {
		_, items, err := m.f.Entry(m.f.EntryOffset(i), nil)
		if err == nil {
			return r.matches(items)
		}
	}
	return true
}
