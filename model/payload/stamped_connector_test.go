package payload

import (
	"testing"
	"time"

	"connlog/model"
)

// A connector's line behind a stamp of a precision no envelope takes for
// its own is that line: a service line with its module and function, an
// event with its fields, at the stamp's time unless it has its own.
func TestConnectorLineAfterAStamp(t *testing.T) {
	stamp := time.Date(2026, 12, 4, 10, 0, 2, 456e6, time.UTC)
	r := Parse([]byte("2026-12-04T10:00:02.456Z [ERROR] [libsdwan] [relay] relay_client::keepalive: lost"), nil)[0]
	if r.Kind != model.KindService || r.Level != model.LevelError || !r.Time.Equal(stamp) || r.Local ||
		r.Fields.Value(model.KeyModule) != "libsdwan/relay" || r.Fields.Value(model.KeyFunction) != "relay_client::keepalive" {
		t.Errorf("service line: %v %v %v local %v, fields %v", r.Kind, r.Level, r.Time, r.Local, r.Fields)
	}
	r = Parse([]byte(`2026-12-04T10:00:01.123Z ANALYTICS {"event_type": "failed_to_connect", "user": {"email": "alice@example.com"}}`), nil)[0]
	if r.Kind != model.KindAnalytics || r.Fields.Value(model.KeyUserEmail) != "alice@example.com" || !r.Time.Equal(stamp.Add(-1333*time.Millisecond)) {
		t.Errorf("event: %v %v, fields %v", r.Kind, r.Time, r.Fields)
	}
	own := Parse([]byte(`2026-12-04 10:00:01.123 ANALYTICS {"event_type": "closed_connection", "timestamp": 1796378400763}`), nil)[0]
	if own.Kind != model.KindAnalytics || !own.Time.Equal(time.UnixMilli(1796378400763)) {
		t.Errorf("an event with its own time: %v %v", own.Kind, own.Time)
	}
}
