package journalfile

import "testing"

// TestFieldCacheNoneOf: an object whose field is remembered is told wanted
// or not by the names last wanted, including a field first noted after
// them and when the names change; an object not remembered may be anything.
func TestFieldCacheNoneOf(t *testing.T) {
	var c fieldCache
	note := func(off uint64, payload string) {
		c.note(off, &dataObject{nEntries: 2, storedPayload: []byte(payload)})
	}
	note(8, "_SYSTEMD_UNIT=docker.service")
	c.want([]string{"MESSAGE", "CONTAINER_ID"})
	note(16, "CONTAINER_ID=4cb6180740b3")
	cases := []struct {
		names []string
		off   uint64
		none  bool
	}{
		{[]string{"MESSAGE", "CONTAINER_ID"}, 8, true},
		{[]string{"MESSAGE", "CONTAINER_ID"}, 16, false},
		{[]string{"MESSAGE", "CONTAINER_ID"}, 24, false}, // not remembered
		{[]string{"MESSAGE", "_SYSTEMD_UNIT"}, 8, false},
		{[]string{"MESSAGE", "_SYSTEMD_UNIT"}, 16, true},
		{nil, 8, true},
	}
	for _, tc := range cases {
		c.want(tc.names)
		if got := c.noneOf(tc.off); got != tc.none {
			t.Errorf("names %q, object %d: noneOf = %v, want %v", tc.names, tc.off, got, tc.none)
		}
	}
}
