package remote

import (
	"context"
	"strings"
	"testing"
	"time"

	"connlog/source/remote/vltest"
)

// An entry that becomes searchable after a newer one of its stream has gone
// out is never sent by the store's tail, which sends each stream's entries
// newer than the last it sent. Shipping the older one second does this with
// the real store every time. It arrives all the same, once. It cannot
// take its place by time in what was already handed on: the source counts
// it late, with its time and host, so that a streaming export can say so.
func TestAnEntryTheTailSkipsArrives(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	host := []string{"gw-fra-1"}
	f := startFollower(t, testBackend(t, srv), Selection{Units: []string{"twingate-connector.service"}})
	t0 := time.Now()
	want := shipAt(t, srv, dir, "newer", host, 1, t0)
	f.collect(want, 0)
	if got := f.src.Late(); got.Count != 0 {
		t.Fatalf("entries in time order were told late: %+v", got)
	}
	at := t0.Add(-300 * time.Millisecond)
	older := shipAt(t, srv, dir, "older", host, 1, at)
	want = append(want, older...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
	if got := f.src.Late(); got.Count != 1 || !got.Time.Equal(at.Truncate(time.Microsecond)) || got.Host != "gw-fra-1" {
		t.Errorf("Late() = %+v, want 1 entry at %v on gw-fra-1", got, at.Truncate(time.Microsecond))
	}
}

// withholdingTail is the real store whose tail never sends the entries
// holding a word, as when the store made them searchable only after newer
// ones of their stream had gone out; its queries have them.
type withholdingTail struct {
	*VictoriaLogs
	word string
}

func (b withholdingTail) Tail(ctx context.Context, sel Selection, startOffset time.Duration, emit func([]Row) error) error {
	return b.VictoriaLogs.Tail(ctx, sel, startOffset, withholding(b.word, emit))
}

// withholding is emit for a tail that never sends the rows holding word:
// a batch of only those is not sent at all (the empty first batch, which
// says the tail is open, is).
func withholding(word string, emit func([]Row) error) func([]Row) error {
	return func(rows []Row) error {
		kept := rows[:0:0]
		for _, r := range rows {
			if !strings.Contains(string(r.Message), word) {
				kept = append(kept, r)
			}
		}
		if rows != nil && len(kept) == 0 {
			return nil
		}
		return emit(kept)
	}
}

func TestEntriesTheTailWithholdsArrive(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-ams-1"}
	f := startFollower(t, withholdingTail{testBackend(t, srv), "withheld"}, Selection{Units: []string{"twingate-connector.service"}})
	t0 := time.Now()
	want := shipAt(t, srv, dir, "sent", hosts, 2, t0)
	want = append(want, shipAt(t, srv, dir, "withheld", hosts, 2, t0.Add(100*time.Millisecond))...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
}
