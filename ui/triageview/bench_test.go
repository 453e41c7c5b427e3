package triageview

import (
	"fmt"
	"testing"
	"time"

	"connlog/model/triage"
)

// longNameSessions are n connections of a few long users and resources
// that differ only near their end, as a fleet's service accounts do.
func longNameSessions(n int) []triage.Session {
	rows := make([]triage.Session, n)
	for i := range rows {
		rows[i] = triage.Session{ID: fmt.Sprint(i), User: fmt.Sprintf("%s-%d", teamA, i%7),
			Resource: fmt.Sprintf("%s-%d", dbOne, i%5), Client: "192.0.2.10:50000", Status: triage.StatusOpen,
			Start: start.Add(time.Duration(i) * time.Second)}
	}
	return rows
}

// BenchmarkSessionsView measures what a key costs in the sessions view (a
// frame at 120x35) and what a report of SessionRows*2 connections costs
// to show (SetReport, once a second at most while lines arrive).
func BenchmarkSessionsView(b *testing.B) {
	report := func() ResultMsg {
		return ResultMsg{Gen: 1, Report: triage.Report{Sessions: triage.Sessions{Open: 2 * SessionRows,
			Rows: longNameSessions(2 * SessionRows)}}}
	}
	v := NewSessionsView(DefaultKeyMap(), styles())
	v.SetSize(120, 35)
	v = v.Start(newJob(1, nil), time.UTC).SetReport(report())
	b.Run("frame", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = v.View()
		}
	})
	b.Run("report", func(b *testing.B) {
		msg := report()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = v.Start(newJob(1, nil), time.UTC).SetReport(msg)
		}
	})
}

// BenchmarkTopNView measures a frame of the top-values view at 80x24
// with long values that differ only near their end.
func BenchmarkTopNView(b *testing.B) {
	var users, resources []triage.Value
	for i := 0; i < 10; i++ {
		users = append(users, triage.Value{Value: fmt.Sprintf("%s-%d", teamA, i), Count: int64(100 - i)})
		resources = append(resources, triage.Value{Value: fmt.Sprintf("%s-%d", dbOne, i), Count: int64(100 - i)})
	}
	v := NewTopNView(DefaultKeyMap(), styles())
	v.SetSize(80, 24)
	v = v.Start(newJob(1, nil)).SetReport(ResultMsg{Gen: 1, Report: triage.Report{Top: triage.Tops{Users: users, Resources: resources}}})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = v.View()
	}
}
