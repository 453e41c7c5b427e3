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
			meta := rowOf(e)
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

// SureMatch must never say yes to an entry that does not match, and must
// say yes where the entry's time, level and kind decide alone.
func TestSureMatchNeverAcceptsAMiss(t *testing.T) {
	decided := map[string]bool{ // whether some entry is sure to match
		"level>=warn": true, "-level:debug": true, "not (kind:service or level<info)": true,
		"kind:analytics or level>=error": true, "level>=warn user:alice*": false, "user:alice* or level>=error": true,
		"-(kind=service level=debug) module:libsdwan*": false, "level>=error or timeout": true,
		"since:30m level>=info": true, "kind:audit -granted=true": false,
	}
	entries := mixedEntries()
	for src, want := range decided {
		q := mustCompile(t, src)
		sure := 0
		for i := range entries {
			e := &entries[i]
			meta := rowOf(e)
			if !q.SureMatch(&meta) {
				continue
			}
			sure++
			if !q.Match(e) {
				t.Errorf("%q: SureMatch accepted an entry that does not match: %+v", src, e)
			}
			if !q.MayMatch(&meta) {
				t.Errorf("%q: SureMatch accepted an entry MayMatch rejects: %+v", src, e)
			}
		}
		if got := sure > 0; got != want {
			t.Errorf("%q: sure of %d entries, want some: %v", src, sure, want)
		}
	}
}

// rowOf returns what a view builder knows of e before loading it: its
// time, level and kind.
func rowOf(e *model.Entry) model.Entry {
	return model.Entry{Time: e.Time, Level: e.Level, Kind: e.Kind}
}
