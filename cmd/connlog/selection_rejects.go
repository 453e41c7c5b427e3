package main

import "connlog/model"

// skipRejected lets tests compare exports decoded with and without the
// events a level question rejects left unparsed; it is always true
// otherwise.
var skipRejected = true

// rejectsUnread returns the test a decoder asks of the kind and level an
// ANALYTICS event may have before its parse (decode.Options.Rejects), and
// when the times of those it rejects are wanted after all
// (decode.Options.SpanWanted): until the export selects an entry, as one
// that writes nothing says the span of what it read. The test is the
// query's MayMatch, for a query that reads no time: `level>=error` rejects
// every event, whatever its fields, and the parse would only give it its
// time. It returns nil when allowed is false, when the query reads times
// or has no term on levels or kinds, and while the day of a time written
// without a date waits for the first entry (see ruleOutUnparsed).
func (s *selection) rejectsUnread(allowed bool) (rejects func(*model.Entry) bool, spanWanted func() bool) {
	if !allowed || !skipRejected || s.pending {
		return nil, nil
	}
	f := s.q.Filter()
	if f.Maybe == nil || !f.MaybeTimeless {
		return nil, nil
	}
	maybe := f.Maybe
	return func(e *model.Entry) bool { return !maybe(e) }, func() bool { return !s.matched.Load() }
}
