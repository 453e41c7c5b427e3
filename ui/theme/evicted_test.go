package theme

import (
	"testing"
	"time"

	"connlog/model"
)

// The words for what the budget evicted: counted with separators, dated
// with the oldest line held, one line said in the singular.
func TestEvictedWords(t *testing.T) {
	at := time.Date(2026, 2, 9, 8, 34, 38, 0, time.UTC)
	ev := model.Eviction{Lines: 1828846, Before: at, Held: 1507674, GapSeq: 7}
	if got, want := EvictedClause(ev, time.UTC), "1,828,846 older lines (before 2026-02-09 08:34:38) were evicted by --max-memory"; got != want {
		t.Errorf("clause %q, want %q", got, want)
	}
	if got, want := EvictedHeading(ev), "of the last 1,507,674 entries; 1,828,846 older evicted by --max-memory"; got != want {
		t.Errorf("heading %q, want %q", got, want)
	}
	one := model.Eviction{Lines: 1, Before: at, Held: 2}
	if got, want := EvictedClause(one, time.FixedZone("", 3600)), "1 older line (before 2026-02-09 09:34:38) was evicted by --max-memory"; got != want {
		t.Errorf("clause %q, want %q", got, want)
	}
	if got, want := NoMatchHeld(" of x", ev, time.UTC), "no matches of x in the lines held; "+EvictedClause(ev, time.UTC); got != want {
		t.Errorf("no match %q, want %q", got, want)
	}
}
