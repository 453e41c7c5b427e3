package decode

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"connlog/model"
)

// TestUnparsedRulesOutLines: a decode whose Unparsed rules out every line
// it is asked of gives, once completed, exactly the entries of an ordinary
// decode, for every fixture. It is asked only of service lines (and, with
// UnparsedAnalytics, analytics events) with their own time and their
// message in their raw bytes, each decoded with no field or, with
// UnparsedFields, the indexed fields its full parse gives.
func TestUnparsedRulesOutLines(t *testing.T) {
	for _, o := range []Options{{}, {UnparsedFields: true}, {UnparsedAnalytics: true}, {UnparsedFields: true, UnparsedAnalytics: true}} {
		t.Run(fmt.Sprintf("fields %v analytics %v", o.UnparsedFields, o.UnparsedAnalytics), func(t *testing.T) {
			var mu sync.Mutex
			asked := map[string]model.Fields{} // raw line → fields it was asked with
			kinds := map[model.Kind]int{}
			o.Unparsed = func(e *model.Entry) bool {
				analytics := e.Kind == model.KindAnalytics && o.UnparsedAnalytics && !o.UnparsedFields
				if (e.Kind != model.KindService && !analytics) || e.Flags.Has(model.FlagTimeInferred) || !MessageInRaw(e) {
					t.Errorf("asked of %q (kind %v, flags %v)", e.Raw, e.Kind, e.Flags)
				}
				mu.Lock()
				asked[string(e.Raw)] = slices.Clone(e.Fields)
				kinds[e.Kind]++
				mu.Unlock()
				return false
			}
			leans := compareFixtures(t, o, func(t *testing.T, got, want []model.Entry) int {
				for i := range want {
					fs, ok := asked[string(want[i].Raw)]
					if wantFs := indexedFields(want[i].Fields); ok && o.UnparsedFields && !slices.Equal(fs, wantFs) {
						t.Fatalf("%q was asked with fields %v; its indexed fields are %v", want[i].Raw, fs, wantFs)
					}
					if ok && !o.UnparsedFields && fs != nil {
						t.Fatalf("%q was asked with fields %v, none asked for", want[i].Raw, fs)
					}
				}
				return checkLean(t, got, want)
			})
			if leans == 0 || kinds[model.KindService] == 0 {
				t.Fatalf("%d entries ruled out, %d service lines asked of: the comparison proved nothing", leans, kinds[model.KindService])
			}
			if analytics := o.UnparsedAnalytics && !o.UnparsedFields; analytics != (kinds[model.KindAnalytics] > 0) {
				t.Fatalf("%d analytics events asked of", kinds[model.KindAnalytics])
			}
		})
	}
}

// TestUnparsedKeepsWhatItDoesNotRuleOut: a line Unparsed does not rule out
// is parsed in full, as an ordinary decode parses it.
func TestUnparsedKeepsWhatItDoesNotRuleOut(t *testing.T) {
	asked := 0
	opts := Options{Unparsed: func(*model.Entry) bool { asked++; return true }}
	if leans := compareFixtures(t, opts, checkLean); leans != 0 {
		t.Fatalf("%d entries left lean by a filter that ruled out none", leans)
	}
	if asked == 0 {
		t.Fatal("Unparsed was never asked")
	}
}

// TestUnparsedLeavesLeanLinesAlone: with LeanService and LeanAnalytics,
// which leave those lines lean anyway, Unparsed is not asked.
func TestUnparsedLeavesLeanLinesAlone(t *testing.T) {
	opts := Options{LeanService: true, LeanAnalytics: true, UnparsedAnalytics: true, Unparsed: func(e *model.Entry) bool {
		t.Fatalf("asked of %q", e.Raw)
		return false
	}}
	if compareFixtures(t, opts, checkLean) == 0 {
		t.Fatal("no fixture entry was decoded lean: the comparison proved nothing")
	}
}

// keepOdd is an Unparsed that keeps the lines of odd length and rules out
// the others: a choice that depends on the line alone, as a filter's does.
func keepOdd(e *model.Entry) bool { return len(e.Raw)%2 == 1 }

// TestUnparsedAsksWhileItPays: a decoder asks Unparsed of every line while
// it rules most of them out, and of few once it rules out none; the
// entries are those of an ordinary decode either way.
func TestUnparsedAsksWhileItPays(t *testing.T) {
	lines := make([]string, 40*oddsWindow)
	for i := range lines {
		lines[i] = fmt.Sprintf("2026-02-10T08:00:%02d.%09dZ [DEBUG] [libsdwan] [dns] dns_cache::lookup: host%d hit", i/1e6%60, i, i)
	}
	recs := lineRecords(lines...)
	want := decodeAll(Options{Reference: readTime}, recs)
	for _, tc := range []struct {
		name     string
		ruleOut  func(i int) bool
		min, max int
	}{
		{"rules out all", func(int) bool { return true }, len(lines), len(lines)},
		{"rules out none", func(int) bool { return false }, oddsWindow, len(lines) / 8},
		{"rules out one in three", func(i int) bool { return i%3 == 0 }, oddsWindow, len(lines) / 8},
		{"rules out two in three", func(i int) bool { return i%3 != 0 }, len(lines), len(lines)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asked := 0
			got := decodeAll(Options{Reference: readTime, Unparsed: func(*model.Entry) bool {
				asked++
				return !tc.ruleOut(asked)
			}}, recs)
			if asked < tc.min || asked > tc.max {
				t.Errorf("asked of %d of %d lines, want %d to %d", asked, len(lines), tc.min, tc.max)
			}
			checkLean(t, got, want)
		})
	}
}
