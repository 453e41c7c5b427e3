package remote

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/remote/vltest"
)

// stallFor is how long a test keeps the store paused: longer than the
// store's own tail reaches back, so only a re-read can deliver what it
// held when it stopped.
const stallFor = 10 * time.Second

// waitState receives until the source's state starts with prefix; false
// when it did not within the time given.
func (f *follower) waitState(prefix string, within time.Duration) bool {
	f.t.Helper()
	deadline := time.After(within)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !strings.HasPrefix(f.src.State(), prefix) {
		select {
		case b := <-f.out:
			f.add(b)
		case <-f.following:
		case <-tick.C:
		case <-deadline:
			return false
		}
	}
	return true
}

// Entries the store took just before it stopped answering are not yet
// searchable then; its live tail, once the store runs again, has moved past
// their time and never sends them. They arrive all the same, once.
func TestAStalledStoreLosesNothing(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	f := startFollower(t, testBackend(t, srv), Selection{Units: []string{"twingate-connector.service"}})
	want := shipNow(t, srv, dir, "before", hosts, 3)
	f.collect(want, 0)

	want = append(want, shipNow(t, srv, dir, "at-stall", hosts, 3)...)
	srv.Pause()
	paused := time.Now()
	if !f.waitState(model.StateDown, stallFor-time.Second) || !strings.Contains(f.src.State(), "no answer for") {
		t.Errorf("state while the store is paused: %q, want it to say the store is not answering", f.src.State())
	}
	time.Sleep(stallFor - time.Since(paused))
	srv.Resume()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	for _, m := range want {
		if f.counts[m] != 1 {
			t.Errorf("%q arrived %d times, want exactly once", m, f.counts[m])
		}
	}
	if st := f.src.State(); st != "live" {
		t.Errorf("state after the store answers again: %q, want live", st)
	}
}
