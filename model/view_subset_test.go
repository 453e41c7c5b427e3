package model

import "testing"

func TestViewSubset(t *testing.T) {
	for _, all := range []bool{true, false} {
		v := &View{all: all, low: 10, next: 20}
		if !all {
			v.seqs.pushAll([]int64{seqOf(11), seqOf(12), seqOf(15), seqOf(19)})
		}
		even := func(seq int64) bool { return seq%2 == 0 }
		sub := v.Subset(even)
		var want []int64
		for i := range v.Len() {
			if even(v.At(i)) {
				want = append(want, v.At(i))
			}
		}
		if sub.Len() != len(want) || len(want) == 0 {
			t.Fatalf("all=%v: subset has %d entries, want %d (>0)", all, sub.Len(), len(want))
		}
		for i, seq := range want {
			if sub.At(i) != seq {
				t.Errorf("all=%v: subset[%d] = %d, want %d", all, i, sub.At(i), seq)
			}
		}
	}
}
