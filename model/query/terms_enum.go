package query

import (
	"fmt"
	"strings"

	"connlog/model"
)

// levelTerm compiles level<op>NAME into a set of levels. Comparisons order
// by severity and, like every comparison on a missing field, never match an
// entry that has no level; level=none finds those.
func levelTerm(t token) (matcher, *Error) {
	all := model.Levels()
	if t.op == opGlob && strings.Contains(t.value, "*") {
		mask := globMask(t.value, len(all), func(i int) string { return all[i].String() })
		if mask == 0 {
			return nil, errHint(t.valuePos, fmt.Sprintf("%q matches no level", t.value), LevelNames())
		}
		return &levelMatcher{mask: mask}, nil
	}
	lv, ok := model.ParseLevel(t.value)
	if !ok {
		return nil, errHint(t.valuePos, fmt.Sprintf("%q is not a level", t.value), LevelNames())
	}
	var mask uint32
	for _, l := range all {
		if levelOp(t.op, l, lv) {
			mask |= 1 << l
		}
	}
	return &levelMatcher{mask: mask}, nil
}

// levelOp reports whether an entry of level l passes level<op>want.
func levelOp(o op, l, want model.Level) bool {
	if o.isOrdering() && (l == model.LevelNone || want == model.LevelNone) {
		return false
	}
	switch o {
	case opGlob, opEq:
		return l == want
	case opNe:
		return l != want
	case opGt:
		return l > want
	case opGe:
		return l >= want
	case opLt:
		return l < want
	}
	return l <= want
}

// kindTerm compiles kind<op>NAME into a set of kinds.
func kindTerm(t token) (matcher, *Error) {
	all := model.Kinds()
	if t.op.isOrdering() {
		return nil, errHint(t.opPos, fmt.Sprintf("kind cannot be compared with %q", t.op.String()),
			"write kind:NAME or kind!=NAME")
	}
	if t.op == opGlob && strings.Contains(t.value, "*") {
		mask := globMask(t.value, len(all), func(i int) string { return all[i].String() })
		if mask == 0 {
			return nil, errHint(t.valuePos, fmt.Sprintf("%q matches no kind", t.value), KindNames())
		}
		return &kindMatcher{mask: mask}, nil
	}
	k, ok := model.ParseKind(t.value)
	if !ok {
		return nil, errHint(t.valuePos, fmt.Sprintf("%q is not a kind", t.value), KindNames())
	}
	mask := uint32(1) << k
	if t.op == opNe {
		mask = allMask(len(all)) &^ mask
	}
	return &kindMatcher{mask: mask}, nil
}

// globMask returns the set of the n names that a glob matches, ignoring case.
func globMask(pat string, n int, name func(int) string) uint32 {
	g := newGlob(strings.ToLower(pat), true)
	var mask uint32
	for i := 0; i < n; i++ {
		if g.match(name(i)) {
			mask |= 1 << i
		}
	}
	return mask
}

// allMask is the set of n members.
func allMask(n int) uint32 { return 1<<n - 1 }

// LevelNames lists the level names for a hint: "levels: none, trace, …".
func LevelNames() string {
	var names []string
	for _, l := range model.Levels() {
		names = append(names, l.String())
	}
	return "levels: " + strings.Join(names, ", ")
}

// KindNames lists the kind names for a hint: "kinds: text, service, …".
func KindNames() string {
	var names []string
	for _, k := range model.Kinds() {
		names = append(names, k.String())
	}
	return "kinds: " + strings.Join(names, ", ")
}
