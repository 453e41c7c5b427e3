package triage

import (
	"time"

	"connlog/model"
)

// sessions builds one row per connection. Which events belong together is
// the model's pair tracker's answer (the same pairing the exports write):
// a row is opened by an establishment and found again, at its close or
// failure, by the Seq of that establishment.
type sessions struct {
	pairs   *model.PairTracker
	open    map[int64]*Session // by the Seq of the event that opened it
	maxOpen int
	done    []Session // the most recent ended rows, a ring of cap maxDone
	next    int       // where the ring writes next
	maxDone int
	counts  [statusCount]int64
	dropped int64 // connections past maxOpen, counted but not kept
	names   *interner
}

func newSessions(maxRows int) *sessions {
	return &sessions{pairs: model.NewPairTracker(), open: map[int64]*Session{}, maxOpen: maxRows, maxDone: maxRows,
		names: newInterner(maxRows)}
}

// add reads one entry of any kind; only connection events make rows.
func (s *sessions) add(e *model.Entry, v *view) {
	switch e.Kind {
	case model.KindAnalytics, model.KindSession:
	case model.KindFlow:
		start, end := flowSpan(e)
		s.whole(e, v, start, end)
		return
	default:
		return
	}
	if e.Kind == model.KindSession && v.phase == "" {
		start, end := sessionSpan(e) // a Pangolin row holds the whole session
		s.whole(e, v, start, end)
		return
	}
	p, ok := s.pairs.ObservePair(e)
	switch {
	case !ok:
	case v.event == model.EventEstablished || v.phase == "START":
		if p.Open { // not when its close went by first (entries out of order)
			s.opened(e, v, p.ID)
		}
	default:
		s.ended(e, v, p)
	}
}

func (s *sessions) opened(e *model.Entry, v *view, id string) {
	if _, dup := s.open[e.Seq]; dup {
		return
	}
	if len(s.open) >= s.maxOpen {
		s.dropped++
		return
	}
	row := &Session{ID: clip(id), Start: e.Time, Status: StatusOpen, Opened: e.Seq}
	if row.Start.IsZero() {
		row.Start = parseWhen(v.startedAt) // a newt START line without an envelope time
	}
	row.describe(v, s.names)
	s.open[e.Seq] = row
}

// ended closes the row the pair tracker names, or makes a row of the end
// alone when its opening is outside the data.
func (s *sessions) ended(e *model.Entry, v *view, p model.Pair) {
	row := s.open[p.Partner]
	if row != nil {
		delete(s.open, p.Partner)
	} else {
		row = &Session{ID: clip(p.ID)}
	}
	row.describe(v, s.names)
	row.End, row.Closed = e.Time, e.Seq
	row.Status, row.Reason = endStatus(v)
	if row.Start.IsZero() {
		row.Start = parseWhen(v.startedAt)
	}
	if v.hasDuration && row.Start.IsZero() && row.Status == StatusClosed {
		row.Start = e.Time.Add(-time.Duration(v.duration) * time.Millisecond)
	}
	if row.Status == StatusFailed && row.Start.IsZero() {
		row.Start = e.Time // a failure is an attempt that ended where it began
	}
	if !row.Start.IsZero() {
		row.Duration = row.End.Sub(row.Start)
	}
	s.finish(*row)
}

// endStatus says how an ending event ended its connection.
func endStatus(v *view) (Status, string) {
	switch v.event {
	case model.EventFailed, model.EventDenied:
		return StatusFailed, clip(or(v.errorMsg, v.event))
	}
	return StatusClosed, clip(v.endReason)
}

// whole adds a record that describes a complete session by itself.
func (s *sessions) whole(e *model.Entry, v *view, start, end time.Time) {
	row := Session{ID: clip(or(v.sessionID, v.connID)), Start: start, End: end, Status: StatusClosed, Opened: e.Seq, Closed: e.Seq}
	row.describe(v, s.names)
	if !start.IsZero() && !end.IsZero() {
		row.Duration = end.Sub(start)
	}
	s.finish(row)
}

func (s *sessions) finish(row Session) {
	s.counts[row.Status]++
	if len(s.done) < s.maxDone {
		s.done = append(s.done, row)
		s.next = len(s.done) % s.maxDone
		return
	}
	s.done[s.next] = row
	s.next = (s.next + 1) % s.maxDone
}
