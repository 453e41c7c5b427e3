package synth

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// genLine is one generated line with what Next said about it.
type genLine struct {
	text []byte
	at   time.Time
	meta Meta
}

func generate(seed int64, opts Options, n int) ([]genLine, *Generator) {
	g := New(seed, opts)
	out := make([]genLine, 0, n)
	var buf []byte
	for range n {
		line, at, meta := g.Next(buf[:0])
		buf = line
		out = append(out, genLine{bytes.Clone(line), at, meta})
	}
	return out, g
}

// analyticsEvent is the part of an ANALYTICS line the tests look at.
type analyticsEvent struct {
	Connection struct {
		ID           string `json:"id"`
		ClientIP     string `json:"client_ip"`
		ResourceIP   string `json:"resource_ip"`
		ResourcePort int    `json:"resource_port"`
		Protocol     string `json:"protocol"`
		Rx           *int64 `json:"rx"`
		Tx           *int64 `json:"tx"`
		Duration     *int64 `json:"duration"`
		TunnelPath   string `json:"tunnel_path"`
		ErrorMessage string `json:"error_message"`
	} `json:"connection"`
	EventType string            `json:"event_type"`
	Location  string            `json:"location"`
	Relays    []json.RawMessage `json:"relays"`
	Resource  struct {
		Address, AppliedRule, ID string
	} `json:"resource"`
	User struct {
		Email string `json:"email"`
		ID    string `json:"id"`
	} `json:"user"`
	Timestamp int64 `json:"timestamp"`
}

var analyticsPrefix = []byte("ANALYTICS ")

func decodeAnalytics(t testing.TB, line []byte) (analyticsEvent, bool) {
	t.Helper()
	if !bytes.HasPrefix(line, analyticsPrefix) {
		return analyticsEvent{}, false
	}
	var ev analyticsEvent
	if err := json.Unmarshal(line[len(analyticsPrefix):], &ev); err != nil {
		t.Fatalf("ANALYTICS line is not valid JSON: %v\n%s", err, line)
	}
	return ev, true
}

// levelOf returns the [LEVEL] token of a service line, "ANALYTICS", or "".
func levelOf(line []byte) string {
	if bytes.HasPrefix(line, analyticsPrefix) {
		return "ANALYTICS"
	}
	if len(line) > 2 && line[0] == '[' {
		if end := bytes.IndexByte(line, ']'); end > 0 {
			return string(line[1:end])
		}
	}
	return ""
}
