package triage

import (
	"sort"
	"strconv"
	"time"

	"connlog/model"
)

// flowSpan reads a flow item's start and end (RFC 3339).
func flowSpan(e *model.Entry) (start, end time.Time) {
	return parseWhen(e.Fields.Value(model.KeyFlowStart)), parseWhen(e.Fields.Value(model.KeyFlowEnd))
}

// sessionSpan reads a Pangolin row's startedAt and endedAt (epoch seconds
// or RFC 3339).
func sessionSpan(e *model.Entry) (start, end time.Time) {
	return parseWhen(e.Fields.Value(model.KeyStartedAt)), parseWhen(e.Fields.Value(model.KeyEndedAt))
}

func parseWhen(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Unix(n, 0).UTC()
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Sessions is the sessions part of a report.
type Sessions struct {
	Open       int64 `json:"open"`
	Closed     int64 `json:"closed"`
	Failed     int64 `json:"failed"`
	UnknownEnd int64 `json:"unknown_end"`
	// Dropped counts connections not kept as rows (past the cap of open
	// rows); they are still counted in the other tables.
	Dropped int64 `json:"dropped"`
	// Rows are the most recent rows, newest end first, open ones first of all.
	Rows []Session `json:"rows"`
}

// report returns the counts and up to n rows. ended says the data is
// complete (a file read to its end): connections still open then have an
// unknown end rather than being open.
func (s *sessions) report(n int, ended bool, keep func(*Session) bool) Sessions {
	out := Sessions{Closed: s.counts[StatusClosed], Failed: s.counts[StatusFailed], Dropped: s.dropped, Rows: []Session{}}
	openStatus := StatusOpen
	if ended {
		openStatus = StatusUnknownEnd
	}
	for _, r := range s.open {
		row := *r
		row.Status = openStatus
		if ended {
			out.UnknownEnd++
		} else {
			out.Open++
		}
		if keep(&row) {
			out.Rows = append(out.Rows, row)
		}
	}
	sortSessions(out.Rows)
	for i := range s.done {
		// newest first: walk the ring backwards from the last write
		r := s.done[(s.next-1-i+2*len(s.done))%len(s.done)]
		if keep(&r) {
			out.Rows = append(out.Rows, r)
		}
	}
	if len(out.Rows) > n {
		out.Rows = out.Rows[:n]
	}
	for i := range out.Rows {
		out.Rows[i].Start, out.Rows[i].End = utc(out.Rows[i].Start), utc(out.Rows[i].End)
	}
	return out
}

// sortSessions orders rows newest start first, and rows that started at
// the same time by the Seq of their opening event: the open rows come out
// of a map, and two reports of the same entries must list them alike.
func sortSessions(rows []Session) {
	sort.Slice(rows, func(i, j int) bool {
		if !rows[i].Start.Equal(rows[j].Start) {
			return rows[i].Start.After(rows[j].Start)
		}
		return rows[i].Opened > rows[j].Opened
	})
}

// utc returns t in UTC, and the zero time as it is.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}
