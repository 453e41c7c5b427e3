package triage

import (
	"testing"
	"unsafe"
)

// TestTallyKeepsNoAlias: the values a tally counts may alias a decoder's
// buffer, which is reused once the entry is counted; the keys it keeps
// must be copies, the key of a value counted again included.
func TestTallyKeepsNoAlias(t *testing.T) {
	tl := newTally(10)
	buf := []byte("alice")
	v := unsafe.String(&buf[0], len(buf))
	tl.count(tl.users, v)
	tl.count(tl.users, v)
	copy(buf, "mallo")
	if n, ok := tl.users["alice"]; !ok || n != 2 || len(tl.users) != 1 {
		t.Fatalf("users %v after the buffer changed, want alice counted twice", tl.users)
	}
}
