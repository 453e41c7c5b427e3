package model

import "testing"

// TestGapFieldsLeaveAnUnknownCountOut: a gap of unknown size has no
// gap.count (0 would read as "nothing missing"); one of known size has it.
func TestGapFieldsLeaveAnUnknownCountOut(t *testing.T) {
	unknown := GapFields("corrupt compressed file: x.gz (gzip): nothing of it was read", 0)
	if n, ok := unknown.Num(KeyGapCount); ok {
		t.Errorf("a gap of unknown size has gap.count %v", n)
	}
	if unknown.Value(KeyGapReason) == "" || unknown.Value(KeyMessage) == "" {
		t.Errorf("fields %v; want its reason and message", unknown)
	}
	if n, ok := GapFields("nul bytes", 12).Num(KeyGapCount); !ok || n != 12 {
		t.Errorf("a gap of 12: gap.count %v %v", n, ok)
	}
}
