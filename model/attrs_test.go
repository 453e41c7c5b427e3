package model

import (
	"fmt"
	"reflect"
	"testing"
)

// Every field comes back as it was stored, whichever encoding it got: the
// one-word forms at the edges of their ranges and past them, numbers whose
// text is not strconv's, and keys and values past the small forms' bits.
func TestAttrEncodingsRoundTrip(t *testing.T) {
	num := func(k, text string, n float64) Field { return Field{Key: k, Value: text, Num: n, IsNum: true} }
	fields := Fields{
		Str("user.email", "alice@example.com"),
		Int("port", 0), Int("a", 131071), Int("b", 131072), Int("c", -131072), Int("d", -131073), Int("e", -1),
		Int("big", 1770710400297), Float("lat", 40.7128), Float("neg0", 0),
		num("text", "007", 7), num("minus0", "-0", 0), num("exp", "1e3", 1000),
		Str(KeyConnID, "2ad8d54a58d092c2-1"), Str("empty", ""),
	}
	s := NewStore(StoreOptions{})
	var es []Entry
	for i := range 3000 { // keys past the 2,048 a one-word form can name
		e := service("x", t0)
		e.Fields = append(append(Fields{}, fields...), Str(fmt.Sprint("k", i), fmt.Sprint("v", i)), Int(fmt.Sprint("n", i), int64(i)))
		es = append(es, e)
	}
	s.Append(es)
	sn := s.Snapshot()
	var got Entry
	for _, seq := range []int64{1, 2047, 2048, 3000} {
		if err := sn.Load(seq, &got, LoadIndex); err != nil {
			t.Fatal(err)
		}
		want := es[seq-1].Fields
		if !reflect.DeepEqual(withoutMessage(got.Fields), withoutMessage(want)) {
			t.Fatalf("seq %d:\n got %v\nwant %v", seq, got.Fields, want)
		}
	}
}

func withoutMessage(fs Fields) Fields {
	var out Fields
	for _, f := range fs {
		if f.Key != KeyMessage && f.Key != KeyModule {
			out = append(out, f)
		}
	}
	return out
}

// The one-word forms take only what fits, and give back what they took.
func TestSmallWords(t *testing.T) {
	for _, tc := range []struct {
		t   uint32
		key uint32
		v   int64
		ok  bool
	}{
		{attrSmallSym, 0, 0, true}, {attrSmallSym, smallKeyMask, smallValueMask, true},
		{attrSmallSym, smallKeyMask + 1, 1, false}, {attrSmallSym, 1, smallValueMask + 1, false},
		// The lowest integer is rowMilli, the row's time: not a number's own word.
		{attrSmallInt, 3, -1 << 17, false}, {attrSmallInt, 3, -1<<17 + 1, true}, {attrSmallInt, 3, 1<<17 - 1, true},
		{attrSmallInt, 3, 1 << 17, false}, {attrSmallInt, 3, -1<<17 - 1, false},
	} {
		w, ok := smallWord(tc.t, tc.key, tc.v)
		if ok != tc.ok {
			t.Errorf("%+v: ok %v", tc, ok)
			continue
		}
		if k, v := smallParts(w); ok && (k != tc.key || v != tc.v || w>>attrTypeShift != tc.t) {
			t.Errorf("%+v: back as key %d value %d type %d", tc, k, v, w>>attrTypeShift)
		}
	}
}
