package source

import (
	"context"
	"testing"
	"time"

	"connlog/model"
)

// lateSource is an input that has handed on a late entry and reads on.
type lateSource struct{ late model.LateRows }

func (s lateSource) Name() string         { return "logs:9428" }
func (s lateSource) Late() model.LateRows { return s.late }
func (s lateSource) Run(ctx context.Context, _ chan<- []model.Record) error {
	<-ctx.Done()
	return nil
}

// The status passes on what an input tells of its late entries, which a
// streaming export says on standard error.
func TestTheStatusTellsOfLateEntries(t *testing.T) {
	want := model.LateRows{Count: 2, Time: time.Unix(1796378400, 0), Host: "gw-fra-1"}
	statuses := make(chan []model.SourceStatus, 64)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Ingest(ctx, []Feed{{ID: 1, Source: lateSource{want}}}, func([]model.Entry, bool) {}, func(st []model.SourceStatus) {
			select {
			case statuses <- st:
			default:
			}
		})
	}()
	defer func() { cancel(); <-done }()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case st := <-statuses:
			if st[0].Late == want {
				return
			}
		case <-deadline:
			t.Fatalf("no status told of the late entries %+v", want)
		}
	}
}
