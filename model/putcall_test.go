package model

import (
	"math"
	"testing"
)

// Calls are numbered from 1, 0 being none running; past the last number
// they start again at 1 and say so, for what old calls stamped to be
// forgotten.
func TestPutCallsNumberCallsAndSayWhenTheyWrap(t *testing.T) {
	var c putCalls
	if c.begin() || c.running != 1 {
		t.Fatalf("first call: running %d; want 1, not wrapped", c.running)
	}
	c.end()
	if c.running != 0 {
		t.Fatalf("after end: running %d; want 0", c.running)
	}
	c.last = math.MaxUint32
	if !c.begin() || c.running != 1 {
		t.Fatalf("past the last number: running %d; want 1, wrapped", c.running)
	}
}
