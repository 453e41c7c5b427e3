package source

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
)

// scripted is a source that sends the batches it is given, then ends.
// before, when set, is called before batch k is sent; sent counts the
// records sent so far.
type scripted struct {
	batches [][]model.Record
	before  func(k int)
	sent    atomic.Int64
}

func (s *scripted) Name() string { return "scripted" }

func (s *scripted) Run(ctx context.Context, out chan<- []model.Record) error {
	for k, b := range s.batches {
		if s.before != nil {
			s.before(k)
		}
		select {
		case out <- b:
			s.sent.Add(int64(len(b)))
		case <-ctx.Done():
			return nil
		}
	}
	return nil
}

func criRecord(line string, off int64, backfill bool) model.Record {
	return model.Record{Raw: []byte(line), Offset: off, Backfill: backfill, Received: time.Unix(0, 0)}
}

// A partial line held at the live end must not swallow a line of a backfill
// block (older text from the head of the file), nor the other way round.
func TestBackfillNeverJoinsTheLiveTail(t *testing.T) {
	src := &scripted{batches: [][]model.Record{
		{criRecord("2023-09-15T12:03:50.000000001Z stdout F [INFO] [connector] newest complete", 1000, false),
			criRecord("2023-09-15T12:03:51.000000001Z stdout P [INFO] [connector] live half ", 1100, false)},
		{criRecord("2023-09-15T12:00:00.000000001Z stdout F [INFO] [connector] oldest line", 0, true)},
		{criRecord("2023-09-15T12:03:52.000000001Z stdout F and its end", 1200, false)},
	}}
	type got struct {
		msg   string
		front bool
	}
	var seen []got
	sink := func(es []model.Entry, front bool) {
		for _, e := range es {
			seen = append(seen, got{string(e.Raw), front})
		}
	}
	Ingest(context.Background(), []Feed{{ID: 0, Source: src}}, sink, nil)
	var back, live []string
	for _, g := range seen {
		if g.front {
			back = append(back, g.msg)
		} else {
			live = append(live, g.msg)
		}
	}
	if len(back) != 1 || !strings.HasSuffix(back[0], "oldest line") {
		t.Errorf("backfill entries %q, want only the oldest line, alone", back)
	}
	if len(live) != 2 || !strings.Contains(live[1], "live half") || !strings.Contains(live[1], "and its end") {
		t.Errorf("live entries %q, want the complete line and the joined partial", live)
	}
}
