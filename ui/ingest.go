package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
)

// Redraw pacing.
const (
	frameInterval = 33 * time.Millisecond // at most ~30 view catch-ups a second
	clockInterval = time.Second           // clock, ingest rate, memory
	// While lines arrive in bulk (the head of a big file being indexed, a
	// burst of hundreds of thousands of lines a second), ten catch-ups a
	// second show the progress as well, and leave the CPU to the ingest:
	// every catch-up draws the screen up to three times.
	bulkFrameInterval = 100 * time.Millisecond
	bulkLines         = 10_000 // lines in one update that mean bulk
)

// waitForUpdate blocks on the ingest channel and returns the next update as
// a message; Update re-arms it after each one. A nil channel means there is
// no live input.
func waitForUpdate(ch <-chan model.Update) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		u, ok := <-ch
		if !ok {
			return updatesClosedMsg{}
		}
		return updateMsg{u}
	}
}

// frameTimer is tea.Tick for frames. Tests replace it to read the delay a
// frame is scheduled with, which timing the command cannot tell exactly on
// a loaded machine.
var frameTimer = tea.Tick

// frameTick schedules the next catch-up, later while lines arrive in bulk.
func frameTick(bulk bool) tea.Cmd {
	d := frameInterval
	if bulk {
		d = bulkFrameInterval
	}
	return frameTimer(d, func(time.Time) tea.Msg { return frameMsg{} })
}

func clockTick() tea.Cmd {
	return tea.Tick(clockInterval, func(t time.Time) tea.Msg { return clockMsg(t) })
}

// rateMeter turns update counts into lines per second over clock ticks.
type rateMeter struct {
	count int       // lines since the last tick
	since time.Time // when the last tick was
	rate  float64
}

// add counts appended lines.
func (r *rateMeter) add(n int) { r.count += n }

// tick closes an interval at now.
func (r *rateMeter) tick(now time.Time) {
	if !r.since.IsZero() {
		if d := now.Sub(r.since).Seconds(); d > 0 {
			r.rate = float64(r.count) / d
		}
	}
	r.count, r.since = 0, now
}
