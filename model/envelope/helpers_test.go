package envelope

import (
	"testing"
	"time"

	"connlog/model"
)

// utc parses an RFC 3339 time for expectations.
func utc(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

// want is the part of an Envelope a table case checks.
type want struct {
	ok      bool
	payload string
	time    time.Time
	stream  model.Stream
	host    string
	ident   string
	pid     int
	level   model.Level
	partial bool
}

// check compares a decoded envelope with the expectation.
func check(t *testing.T, got Envelope, ok bool, w want) {
	t.Helper()
	if ok != w.ok {
		t.Fatalf("ok = %v, want %v (payload %q)", ok, w.ok, got.Payload)
	}
	if !ok {
		return
	}
	if string(got.Payload) != w.payload {
		t.Errorf("payload = %q, want %q", got.Payload, w.payload)
	}
	if !got.Time.Equal(w.time) {
		t.Errorf("time = %v, want %v", got.Time, w.time)
	}
	if got.Stream != w.stream {
		t.Errorf("stream = %v, want %v", got.Stream, w.stream)
	}
	if got.Host != w.host || got.Ident != w.ident || got.PID != w.pid {
		t.Errorf("host/ident/pid = %q/%q/%d, want %q/%q/%d", got.Host, got.Ident, got.PID, w.host, w.ident, w.pid)
	}
	if got.Level != w.level {
		t.Errorf("level = %v, want %v", got.Level, w.level)
	}
	if got.Partial != w.partial {
		t.Errorf("partial = %v, want %v", got.Partial, w.partial)
	}
}
