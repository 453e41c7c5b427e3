package remote

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"connlog/source/remote/vltest"
)

// refusingQueries is the real backend whose queries are refused, as a store
// that lost or will not serve a window would; its tail works.
type refusingQueries struct{ *VictoriaLogs }

func (b refusingQueries) Query(context.Context, Selection, func(Row) error) error {
	return &StatusError{Store: b.Name(), Code: http.StatusBadRequest, Body: "the time range is outside retention"}
}

func TestAWindowThatCannotBeReReadIsAGap(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	b := refusingQueries{testBackend(t, srv)}
	f := startFollower(t, b, Selection{Units: []string{"twingate-connector.service"}})
	f.gaps = true
	want := shipNow(t, srv, dir, "before", []string{"gw-1"}, 2)
	f.collect(want, 0)
	srv.Restart()
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", []string{"gw-1"}, 2)...)
	f.collect(want, 0)
	if len(f.notes) != 1 || !strings.Contains(f.notes[0], "could not be re-read after reconnecting") ||
		!strings.Contains(f.notes[0], "outside retention") {
		t.Errorf("gap notes %q, want one saying the window could not be re-read and why", f.notes)
	}
}
