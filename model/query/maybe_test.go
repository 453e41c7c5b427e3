package query

import (
	"testing"

	"connlog/model"
)

// MayMatch must never say no to an entry that matches: checked against
// Match on full entries, for queries mixing entry terms with field terms.
func TestMayMatchNeverRejectsAMatch(t *testing.T) {
	queries := []string{
		"level>=warn user:alice*", "user:alice* or level>=error", "-level:debug", "not (kind:service or level<info)",
		"kind:analytics country:DE rx>1MB", "since:30m -user:bob*", "(level=warn or kind:audit) granted=false",
		"level>=error or timeout", "-(kind=service level=debug) module:libsdwan*",
	}
	entries := mixedEntries()
	for _, src := range queries {
		q := mustCompile(t, src)
		rejected := 0
		for i := range entries {
			e := &entries[i]
			meta := model.Entry{Time: e.Time, Level: e.Level, Kind: e.Kind}
			may := q.MayMatch(&meta)
			if q.Match(e) && !may {
				t.Errorf("%q: MayMatch rejected an entry that matches: %+v", src, e)
			}
			if !may {
				rejected++
			}
		}
		if src == "level>=warn user:alice*" && rejected == 0 {
			t.Errorf("%q: MayMatch rejected nothing; it should skip entries below warn", src)
		}
	}
}
