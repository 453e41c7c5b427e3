package model

import (
	"bytes"
	"strings"
	"testing"
)

// A value at least as long as an arena chunk, stored first (in slot 0, whose
// first element is never handed out), comes back whole: it used to be
// copied one element short and its load ran past the chunk.
func TestBigFirstValuesComeBackWhole(t *testing.T) {
	for _, n := range []int{256 << 10, 4 << 20, 4<<20 + 3} {
		s := NewStore(StoreOptions{})
		e := service("big", t0)
		e.Raw = bytes.Repeat([]byte{'r'}, n)
		e.Fields = append(e.Fields, Str("payload.blob", strings.Repeat("v", n)))
		s.Append([]Entry{e})
		var got Entry
		if err := s.Snapshot().Load(s.Snapshot().First(), &got, LoadRaw); err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if len(got.Raw) != n || !bytes.Equal(got.Raw, e.Raw) {
			t.Errorf("%d bytes: raw came back as %d bytes", n, len(got.Raw))
		}
		if v := got.Fields.Value("payload.blob"); len(v) != n || strings.Trim(v, "v") != "" {
			t.Errorf("%d bytes: the field came back as %d bytes", n, len(v))
		}
	}
}
