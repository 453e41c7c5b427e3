package source

import (
	"testing"
	"time"

	"connlog/model"
	"connlog/model/decode"
)

// leadHold holds untimed entries until the first timed one settles them,
// but no more than maxLeadEntries of them; once settled it holds nothing.
func TestLeadHold(t *testing.T) {
	untimed := func(n int) []model.Entry {
		es := make([]model.Entry, n)
		for i := range es {
			es[i] = model.Entry{Kind: model.KindText, Flags: model.FlagTimeInferred, Time: time.Unix(1, 0)}
		}
		return es
	}
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	h := leadHold{dec: decode.New(1, decode.Options{})}
	if got := h.take(untimed(1000)); got != nil || !h.held() {
		t.Fatalf("untimed entries were sent (%d), not held", len(got))
	}
	got := h.take(append(untimed(10), model.Entry{Kind: model.KindText, Time: at}))
	if len(got) != 1011 || !got[0].Time.Equal(at) || h.held() {
		t.Fatalf("the timed entry released %d entries, the first at %v; want 1011 at %v", len(got), got[0].Time, at)
	}
	if got := h.take(untimed(5)); len(got) != 5 {
		t.Errorf("after the first timed entry, %d of 5 entries sent at once", len(got))
	}
	h = leadHold{dec: decode.New(1, decode.Options{})}
	sent := 0
	for range maxLeadEntries/1000 + 1 {
		sent += len(h.take(untimed(1000)))
	}
	if sent != maxLeadEntries/1000*1000+1000 || h.held() {
		t.Errorf("%d entries sent of a log with no time, held %v; want all once maxLeadEntries are held", sent, h.held())
	}
}
