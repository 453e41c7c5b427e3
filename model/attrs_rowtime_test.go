package model

import (
	"fmt"
	"math"
	"testing"
	"time"
)

// timedEvent is an ANALYTICS event as a docker-ts log gives it: its time
// from its own timestamp (ms), received at the envelope's time, late by
// late.
func timedEvent(i int, ms int64, stamp Field, late time.Duration) Entry {
	e := analytics(fmt.Sprintf("%016x-%d", i*7919, i%40), EventEstablished, time.UnixMilli(ms).UTC())
	e.Fields = append(e.Fields, stamp)
	e.Origin.Received = e.Time.Add(late)
	return e
}

// An event's timestamp, its own time in milliseconds, and its receive
// time, near its time, are kept relative to its row's time; each reads back
// exactly, whatever the row, as does every other number and time beside
// them.
func TestRowRelativeWordsReadBackExactly(t *testing.T) {
	base := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC).UnixMilli()
	stamp := func(ms int64) Field { return Int(KeyTimestamp, ms) }
	var es []Entry
	for i := range 300 { // enough of one shape for their templates to form
		ms := base + int64(i)*37
		late := []time.Duration{80733, -5 * time.Millisecond, 999_999, 3 * time.Second, -3 * time.Second, 0, time.Microsecond + 1, 661, -1,
			receivedLimit - 1, -receivedLimit, receivedLimit, -receivedLimit - 1}[i%13]
		es = append(es, timedEvent(i, ms, stamp(ms), late))
	}
	es = append(es,
		timedEvent(1001, base, stamp(base+1), 80733), // a timestamp that is not the row's
		timedEvent(1002, base, Field{Key: KeyTimestamp, Num: float64(base), IsNum: true, Value: fmt.Sprint(base) + ".0"}, 0),
		timedEvent(1003, -1, stamp(-1), 5),                                           // before 1970
		timedEvent(1004, -86_400_001, stamp(-86_400_001), -1500),                     // the same, a day earlier
		timedEvent(1005, math.MaxInt64/1_000_000, stamp(math.MaxInt64/1_000_000), 0), // the last millisecond a row's time holds
	)
	notMs := timedEvent(1006, base, stamp(base), 0) // a row time with nanoseconds
	notMs.Time = notMs.Time.Add(123_456)
	notMs.Origin.Received = notMs.Time.Add(time.Second)
	es = append(es, notMs)
	s := NewStore(StoreOptions{})
	s.Append(es)
	sn := s.Snapshot()
	inTemplates := 0
	for _, e := range es {
		if off := sn.row(e.Seq).attrs; wordsAt(sn.words, off)[0]&attrSplitMark != 0 {
			_, _, t := splitOf(wordsAt(sn.words, off), off)
			tpl := wordsAt(sn.words, t)
			_, in := templateKeys(tpl, sn.syms)[KeyTimestamp]
			inTemplates += map[bool]int{true: 1}[in]
		}
	}
	if inTemplates == 0 {
		t.Fatal("no event's timestamp went into a template: the test reads none back from one")
	}
	// A full load reads a line's origin after its raw bytes (loadLateFields):
	// a store with a re-parse (here one that keeps the fields) takes that way.
	late := NewStore(StoreOptions{Reparse: func(*Entry) {}})
	late.Append(append([]Entry(nil), es...))
	for i, want := range es {
		var got, full Entry
		if err := sn.Load(want.Seq, &got, LoadIndex); err != nil {
			t.Fatal(err)
		}
		if err := late.Snapshot().Load(late.Snapshot().First()+int64(i), &full, LoadFull); err != nil {
			t.Fatal(err)
		}
		if !full.Origin.Received.Equal(got.Origin.Received) {
			t.Fatalf("entry %d: a full load says received %v, the index %v", want.Seq, full.Origin.Received, got.Origin.Received)
		}
		received := want.Origin.Received
		if !got.Time.Equal(want.Time) || !got.Origin.Received.Equal(received) {
			t.Fatalf("entry %d: time %v received %v, want %v and %v", want.Seq, got.Time, got.Origin.Received, want.Time, received)
		}
		for _, wf := range want.Fields {
			gf, ok := got.Fields.Get(wf.Key)
			if !ok || gf.Value != wf.Value || gf.IsNum != wf.IsNum || gf.IsNum && math.Float64bits(gf.Num) != math.Float64bits(wf.Num) {
				t.Fatalf("entry %d: %s = %+v (%v), want %+v", want.Seq, wf.Key, gf, ok, wf)
			}
		}
	}
}

// The row-relative words are the short ones: an event's timestamp takes
// one word where a number takes three, and its receive time one within
// 8 ms of the row's time, two within 2 s.
func TestRowRelativeWordsAreShort(t *testing.T) {
	s := NewStore(StoreOptions{})
	at := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC).UnixNano()
	ms := at / 1e6
	for _, tc := range []struct {
		name     string
		fs       Fields
		received int64
		words    int
	}{
		{"the row's own millisecond", Fields{Int(KeyTimestamp, ms)}, 0, 1},
		{"another millisecond", Fields{Int(KeyTimestamp, ms+1)}, 0, 3},
		{"received a moment later", nil, at + 80733, 1},
		{"received as late as a word holds", nil, at + receivedLimit - 1, 1},
		{"a nanosecond later", nil, at + receivedLimit, 2},
		{"received as early as a word holds", nil, at - receivedLimit, 1},
		{"a nanosecond earlier", nil, at - receivedLimit - 1, 2},
		{"received two seconds earlier", nil, at - 2*int64(time.Second), 2},
		{"received a minute later", nil, at + int64(time.Minute), 3},
	} {
		ws, _ := s.encodeAttrs(tc.fs, &lineOrigin{at: at, received: tc.received}, false, KindAnalytics, nil)
		if got := len(ws) - 1; got != tc.words {
			t.Errorf("%s: %d words, want %d", tc.name, got, tc.words)
		}
	}
}

// templateKeys returns the keys of a split template's fields, its holes
// aside.
func templateKeys(tpl []uint32, syms [][]string) map[string]bool {
	keys := map[string]bool{}
	t := tpl[1:]
	for range int(tpl[0]) {
		if t[0]>>attrTypeShift != attrHole {
			keys[symAt(syms, keySymbol(t[0]))] = true
		}
		t = t[fieldWords(t[0]):]
	}
	return keys
}
