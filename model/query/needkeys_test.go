package query

import (
	"slices"
	"testing"

	"connlog/model"
)

// An entry that matches always carries one of the keys of each group
// NeedKeys names: a view that skips entries without them loses nothing.
func TestNeedKeysNeverExcludesAMatch(t *testing.T) {
	queries := []string{
		"event:closed_connection country:DE rx>1MB", "user:alice* level>=warn", "user:alice* or country:DE",
		"-user:bob*", "user!=bob", "not country:DE", "host:h1", "unit:twingate*", "(user:alice* or level>=error) rx>1",
		"timeout", "module:libsdwan* event:*", "kind:analytics or user:x",
	}
	entries := mixedEntries()
	for _, src := range queries {
		q := mustCompile(t, src)
		need := q.NeedKeys()
		for i := range entries {
			e := &entries[i]
			if q.Match(e) && !showsEveryGroup(e, need) {
				t.Errorf("%q: NeedKeys %v excludes a match: %+v", src, need, e)
			}
		}
	}
}

// showsEveryGroup reports whether e carries a key of every group of need.
func showsEveryGroup(e *model.Entry, need [][]string) bool {
	for _, group := range need {
		if !slices.ContainsFunc(e.Fields, func(f model.Field) bool { return slices.Contains(group, f.Key) }) {
			return false
		}
	}
	return true
}

// The demand is derived where it holds, and only there.
func TestNeedKeysDemands(t *testing.T) {
	cases := []struct {
		src  string
		want [][]string
	}{
		{"country:DE", [][]string{{model.KeyCountry}}},
		{"event:closed_connection country:DE rx>1MB", [][]string{{model.KeyCountry}, {model.KeyEventType, "phase"}, {model.KeyRx, "rxBytes", "bytesRx"}}},
		{"country:DE or city:Berlin", [][]string{{model.KeyCountry, model.KeyCity}}},
		{"(country:DE rx>1) or city:Berlin", [][]string{{model.KeyCity, model.KeyCountry}}},
		{".a:1 .b:2 .c:3 .d:4 .e:5 .f:6 .g:7 .h:8 .i:9", [][]string{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}}},
		{"country:DE or level>=warn", nil},
		{"-country:DE", nil},
		{"country!=DE", nil},
		{"host:h1", nil},
		{"level>=warn timeout", nil},
		{"", nil},
	}
	for _, c := range cases {
		q, err := Compile(c.src, testOpts)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if got := q.NeedKeys(); !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("%q: NeedKeys = %v, want %v", c.src, got, c.want)
		}
	}
}

// mixedEntries are the named test entries and a generated mix of every kind.
func mixedEntries() []model.Entry {
	var entries []model.Entry
	for _, n := range testEntries() {
		entries = append(entries, n.e)
	}
	return append(entries, benchEntries(2000)...)
}

// The store filter asks MayMatch only of queries with a term MayMatch can
// decide, and never changes what matches.
func TestFilterAsksMayMatchOnlyWhenItCanSayNo(t *testing.T) {
	for src, want := range map[string]bool{
		"event:closed_connection country:DE rx>1MB": false, "timeout": false, "user:alice* level>=warn": true,
		"kind:audit or user:x": true, "-(since:15m)": true, "": false,
	} {
		if got := mustCompile(t, src).Filter().Maybe != nil; got != want {
			t.Errorf("%q: Filter asks MayMatch = %v, want %v", src, got, want)
		}
	}
}

// The store filter says its MayMatch reads no time unless the query has a
// time term, wherever it lies: an answer for one level and kind then holds
// for every entry with them.
func TestFilterSaysWhetherMayMatchReadsTheTime(t *testing.T) {
	for src, want := range map[string]bool{
		"user:alice* level>=warn": true, "kind:audit or user:x": true, "-level:debug": true,
		"level>=warn since:15m": false, "-(since:15m)": false, "kind:audit or (user:x until:14:05)": false,
	} {
		f := mustCompile(t, src).Filter()
		if f.Maybe == nil || f.MaybeTimeless != want {
			t.Errorf("%q: Maybe set %v, MaybeTimeless %v, want %v", src, f.Maybe != nil, f.MaybeTimeless, want)
		}
	}
}

// A query of words, phrases and expressions, with terms on the row at
// most, reads no field of a line: its store filter says so.
func TestFilterSaysWhenOnlyRawBytesAreRead(t *testing.T) {
	for src, want := range map[string]bool{
		"timeout": true, `"gone, code 410"`: true, `/code 4\d\d/`: true, "timeout level>=warn -kind:audit": true,
		"timeout since:15m": true, "timeout user:alice*": false, "msg:*timeout*": false, "country:DE": false,
		"level>=warn": false, "timeout or rx>1MB": false,
	} {
		if got := mustCompile(t, src).Filter().RawOnly; got != want {
			t.Errorf("%q: RawOnly %v, want %v", src, got, want)
		}
	}
}

// A nil query (no filter) needs and reads no key.
func TestNilQueryKeys(t *testing.T) {
	var q *Query
	if q.NeedKeys() != nil || q.ReadKeys() == nil || len(q.ReadKeys()) != 0 || q.Filter().Match != nil {
		t.Errorf("nil query: NeedKeys %v, ReadKeys %v", q.NeedKeys(), q.ReadKeys())
	}
}
