package query

import (
	"time"

	"connlog/model"
)

// levelMatcher matches a set of levels, held as a bit mask so that any
// combination (level>=warn, level!=debug, level:w*) is one AND.
type levelMatcher struct{ mask uint32 }

func (m *levelMatcher) match(e *model.Entry) bool { return m.mask&(1<<e.Level) != 0 }

func (m *levelMatcher) cost() int { return costAttr }

// kindMatcher matches a set of kinds, as a bit mask.
type kindMatcher struct{ mask uint32 }

func (m *kindMatcher) match(e *model.Entry) bool { return m.mask&(1<<e.Kind) != 0 }

func (m *kindMatcher) cost() int { return costAttr }

// timeMatcher compares the entry's time with a fixed instant. An entry
// without a time never matches.
type timeMatcher struct {
	op op
	t  time.Time
}

func (m *timeMatcher) match(e *model.Entry) bool {
	if e.Time.IsZero() {
		return false
	}
	c := e.Time.Compare(m.t)
	switch m.op {
	case opEq:
		return c == 0
	case opGt:
		return c > 0
	case opGe:
		return c >= 0
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	}
	return false
}

func (m *timeMatcher) cost() int { return costAttr }
