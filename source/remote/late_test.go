package remote

import (
	"testing"
	"time"
)

// Rows in time order, or at the same time, are not late; each one older
// than the newest handed on is, and the latest of them is named.
func TestLateTallyCountsRowsOlderThanTheNewest(t *testing.T) {
	at := func(s int) time.Time { return time.Unix(1796378400+int64(s), 0) }
	row := func(s int, host string) *Row {
		r := &Row{Time: at(s)}
		r.Fields.Hostname = host
		return r
	}
	var l lateTally
	for _, r := range []*Row{row(1, "a"), row(2, "a"), row(2, "b"), row(5, "a"), row(3, "b"), row(5, "b"), row(4, "c"), row(6, "a")} {
		l.note(r)
	}
	if got := l.get(); got.Count != 2 || !got.Time.Equal(at(4)) || got.Host != "c" {
		t.Errorf("tally = %+v, want 2 late, the latest at %v on c", got, at(4))
	}
}
