package journalfile

import (
	"fmt"
	"strings"
)

// Expr is a match expression in sd-journal's shape: the entry must satisfy
// every conjunct; a conjunct is satisfied by any of its alternatives; an
// alternative holds "FIELD=value" matches that are ORed for one field and
// ANDed across fields. An empty Expr matches every entry.
type Expr [][][]string

// resolved is an Expr for one file: each match replaced by the offset of the
// DATA object holding it (0 when the file has none).
type resolved struct {
	conj  [][][]fieldOffsets
	none  bool // some conjunct can never hold in this file
	cands candidates
}

// fieldOffsets is one field's ORed matches.
type fieldOffsets []uint64

// resolve looks every match of e up in f's data hash table and lists the
// entries that can match.
func resolve(f *File, e Expr) (resolved, error) {
	r, err := resolveTerms(f, e)
	if err != nil || r.none || len(r.conj) == 0 {
		return r, err
	}
	r.cands, err = makeCandidates(f, &r)
	return r, err
}

// resolveTerms looks every match of e up in f's data hash table.
func resolveTerms(f *File, e Expr) (resolved, error) {
	var r resolved
	for _, conj := range e {
		var alts [][]fieldOffsets
		for _, alt := range conj {
			fields, ok, err := resolveAlternative(f, alt)
			if err != nil {
				return r, err
			}
			if ok {
				alts = append(alts, fields)
			}
		}
		if len(conj) > 0 && len(alts) == 0 {
			r.none = true
		}
		r.conj = append(r.conj, alts)
	}
	return r, nil
}

// resolveAlternative groups an alternative's matches by field; ok is false
// when some field has no matching value in the file.
func resolveAlternative(f *File, alt []string) ([]fieldOffsets, bool, error) {
	byField := map[string]int{}
	var fields []fieldOffsets
	for _, m := range alt {
		name, _, found := strings.Cut(m, "=")
		if !found {
			return nil, false, fmt.Errorf("match %q is not FIELD=value", m)
		}
		off, err := f.FindData([]byte(m))
		if err != nil {
			return nil, false, err
		}
		i, seen := byField[name]
		if !seen {
			i = len(fields)
			byField[name] = i
			fields = append(fields, nil)
		}
		if off != 0 {
			fields[i] = append(fields[i], off)
		}
	}
	for _, f := range fields {
		if len(f) == 0 {
			return nil, false, nil
		}
	}
	return fields, true, nil
}

// matches reports whether an entry with these DATA offsets satisfies r.
func (r *resolved) matches(items []uint64) bool {
	if r.none {
		return false
	}
	for _, alts := range r.conj {
		if !anyAlternative(alts, items) {
			return false
		}
	}
	return true
}

func anyAlternative(alts [][]fieldOffsets, items []uint64) bool {
	for _, fields := range alts {
		all := true
		for _, offs := range fields {
			if !containsAny(items, offs) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func containsAny(items, offs []uint64) bool {
	for _, it := range items {
		for _, o := range offs {
			if it == o {
				return true
			}
		}
	}
	return false
}
