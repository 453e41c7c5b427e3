package query

import (
	"fmt"
	"strings"
)

// dump renders a compiled tree canonically, so that parser tests can state
// the structure they expect.
func dump(m matcher) string {
	switch n := m.(type) {
	case nil:
		return "all"
	case *andNode:
		return "and(" + dumpAll(n.kids) + ")"
	case *orNode:
		return "or(" + dumpAll(n.kids) + ")"
	case *notNode:
		return "not(" + dump(n.kid) + ")"
	case *textMatcher:
		return fmt.Sprintf("text(%s)", n.word)
	case *regexMatcher:
		return fmt.Sprintf("re(%s)", n.re)
	case *levelMatcher:
		return fmt.Sprintf("level(%b)", n.mask)
	case *kindMatcher:
		return fmt.Sprintf("kind(%b)", n.mask)
	case *timeMatcher:
		return fmt.Sprintf("time%s%s", n.op, n.t.UTC().Format("2006-01-02T15:04:05"))
	case *fieldMatcher:
		return "field(" + strings.Join(n.keys, ",") + dumpAttr(n.attr) + dumpTest(n.test) + ")"
	}
	return fmt.Sprintf("?%T", m)
}

func dumpAll(ms []matcher) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, dump(m))
	}
	return strings.Join(parts, " ")
}

func dumpAttr(a Attr) string {
	if a == AttrNone {
		return ""
	}
	return "+" + a.String()
}

func dumpTest(t valueTest) string {
	switch v := t.(type) {
	case *globTest:
		var parts []string
		for _, p := range v.g.parts {
			parts = append(parts, p.text)
		}
		return ":" + strings.Join(parts, "*")
	case *exactTest:
		if v.isNum {
			return fmt.Sprintf("=%s#%g", v.value, v.num)
		}
		return "=" + v.value
	case *compareTest:
		return fmt.Sprintf("%s%g", v.op, v.n)
	}
	return "?"
}
