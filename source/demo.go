package source

import (
	"context"
	"sync/atomic"
	"time"

	"connlog/model"
	"connlog/source/synth"
)

// Tuning for the demo source.
const (
	demoBatchRecords = 1024                  // records per batch before it is sent
	demoBatchAge     = 50 * time.Millisecond // age of the oldest record in an unsent batch
	demoRate         = 30.0                  // mean lines per second; bursts reach four times that
	demoBackfill     = 4000                  // lines of history sent at start (about two minutes)
	demoRestartEvery = 4 * time.Minute       // mean time between connector restarts
	demoTroubleEvery = 90 * time.Second      // mean time between relay or DNS trouble
	demoMaxConn      = 20 * time.Minute      // longest connection, so that closes show up while watching
	demoHostname     = "demo-connector"
)

// DemoOptions shape the demo. The zero value is what `connlog --demo` shows.
type DemoOptions struct {
	// Seed makes the demo repeatable; zero picks one from the clock.
	Seed int64
	// Rate is the mean number of lines per second; zero means 30.
	Rate float64
	// Backfill is how many lines of recent history are sent at once before
	// the live lines; zero means 4000, a negative value none.
	Backfill int
	// Duration stops the live part after this long; zero runs until the
	// context is cancelled.
	Duration time.Duration
	// RestartEvery is the mean time between connector restarts; zero means
	// four minutes.
	RestartEvery time.Duration
	// Audit and Newt add AQtive Guard records and newt lines from processes
	// on the same host.
	Audit, Newt bool
}

// Demo is a live synthetic Twingate connector at log level 7, shaped as if
// read from journald: history first, then lines as they happen, with
// failures, denials, relay trouble and a restart now and then.
type Demo struct {
	id    model.SourceID
	opts  DemoOptions
	phase atomic.Int32 // a demoPhase; read by State from another goroutine
}

// demoPhase is where Run is.
type demoPhase int32

const (
	demoStarting demoPhase = iota
	demoBackfilling
	demoLive
	demoStopped
)

// State says what the demo is doing, for the status line. It is safe to
// call while Run runs.
func (d *Demo) State() string {
	switch demoPhase(d.phase.Load()) {
	case demoBackfilling:
		return "loading recent history"
	case demoLive:
		return "live"
	case demoStopped:
		return "stopped"
	}
	return "starting"
}

// NewDemo returns the demo source; nothing runs until Run.
func NewDemo(id model.SourceID, opts DemoOptions) *Demo {
	if opts.Seed == 0 {
		opts.Seed = time.Now().UnixNano()
	}
	if opts.Rate <= 0 {
		opts.Rate = demoRate
	}
	if opts.Backfill == 0 {
		opts.Backfill = demoBackfill
	}
	opts.Backfill = max(opts.Backfill, 0)
	if opts.RestartEvery == 0 {
		opts.RestartEvery = demoRestartEvery
	}
	return &Demo{id: id, opts: opts}
}

// Name is what the status line shows.
func (d *Demo) Name() string { return "demo" }

// Run sends the backfill in full batches, then each line when its time
// comes, batched by count and age, until the duration ends or ctx is
// cancelled. It never returns an error: the demo has nothing to fail on.
func (d *Demo) Run(ctx context.Context, out chan<- []model.Record) error {
	defer d.phase.Store(int32(demoStopped))
	d.phase.Store(int32(demoBackfilling))
	now := time.Now()
	src := d.newFeed(now)
	var batch []model.Record
	for range d.opts.Backfill {
		batch = src.add(batch)
		if len(batch) >= demoBatchRecords {
			if !sendBatch(ctx, out, batch) {
				return nil
			}
			batch = nil
		}
	}
	if len(batch) > 0 && !sendBatch(ctx, out, batch) {
		return nil
	}
	d.phase.Store(int32(demoLive))
	return d.live(ctx, out, src, now)
}

// live paces the lines by the wall clock.
func (d *Demo) live(ctx context.Context, out chan<- []model.Record, src *demoFeed, start time.Time) error {
	var end time.Time
	if d.opts.Duration > 0 {
		end = start.Add(d.opts.Duration)
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	var batch []model.Record
	var flushAt time.Time
	for {
		now := time.Now()
		for len(batch) < demoBatchRecords && !src.nextAt().After(now) && (end.IsZero() || !src.nextAt().After(end)) {
			if len(batch) == 0 {
				flushAt = now.Add(demoBatchAge)
			}
			batch = src.add(batch)
		}
		finished := !end.IsZero() && src.nextAt().After(end)
		if len(batch) > 0 && (len(batch) >= demoBatchRecords || !now.Before(flushAt) || finished) {
			if !sendBatch(ctx, out, batch) {
				return nil
			}
			batch = nil
		}
		if finished && len(batch) == 0 {
			return nil
		}
		wake := src.nextAt()
		if len(batch) > 0 && flushAt.Before(wake) {
			wake = flushAt
		}
		timer.Reset(max(time.Until(wake), 0))
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		}
	}
}

// sendBatch hands a batch over, or gives up when ctx is cancelled first.
func sendBatch(ctx context.Context, out chan<- []model.Record, batch []model.Record) bool {
	select {
	case out <- batch:
		return true
	case <-ctx.Done():
		return false
	}
}

// newFeed starts the generator early enough that the backfill ends now:
// a first generator with the same seed measures how long the backfill
// lasts, and the real one starts that much before now.
func (d *Demo) newFeed(now time.Time) *demoFeed {
	opts := synth.Options{
		Rate: d.opts.Rate, Hostname: demoHostname, Location: time.Local,
		MaxConnection: demoMaxConn, RestartEvery: d.opts.RestartEvery, TroubleEvery: demoTroubleEvery,
		Audit: d.opts.Audit, Newt: d.opts.Newt,
	}
	span := time.Duration(0)
	if d.opts.Backfill > 0 {
		opts.Start = now
		probe := synth.New(d.opts.Seed, opts)
		var last time.Time
		var buf []byte
		for range d.opts.Backfill {
			buf, last, _ = probe.Next(buf[:0])
		}
		span = last.Sub(now)
	}
	opts.Start = now.Add(-span)
	return newDemoFeed(d.id, synth.New(d.opts.Seed, opts))
}
