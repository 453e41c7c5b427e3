package triage

import (
	"time"

	"connlog/model"
)

// Status is where a connection stands.
type Status uint8

// The statuses of a session row.
const (
	StatusOpen       Status = iota // established, no end seen yet
	StatusClosed                   // closed normally
	StatusFailed                   // failed to connect or denied; Reason says why
	StatusUnknownEnd               // established, and the data ended before its close
	statusCount
)

var statusNames = [statusCount]string{"open", "closed", "failed", "unknown end"}

// String names the status as the tables show it.
func (s Status) String() string {
	if s < statusCount {
		return statusNames[s]
	}
	return "unknown"
}

// MarshalText writes the status's name in JSON.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Session is one connection: from its establishment (or the first event
// seen of it) to its close or failure.
type Session struct {
	ID       string        `json:"id"`
	Start    time.Time     `json:"start"` // zero when the start is outside the data
	End      time.Time     `json:"end"`   // zero while open or when the end is outside the data
	Duration time.Duration `json:"duration_ns"`
	User     string        `json:"user,omitempty"`
	Resource string        `json:"resource,omitempty"` // address:port
	Protocol string        `json:"protocol,omitempty"`
	Client   string        `json:"client,omitempty"`
	Country  string        `json:"country,omitempty"`
	Path     string        `json:"path,omitempty"` // direct or relay
	Rx, Tx   int64         `json:"-"`
	Status   Status        `json:"status"`
	Reason   string        `json:"reason,omitempty"` // why it failed, or how it ended (reaped, shutdown)
	// Opened and Closed are the Seqs of the events that opened and ended
	// it (0 when not seen), for "show the events of this connection".
	Opened, Closed int64 `json:"-"`
}

// describe fills a row from one event's fields; later events add what the
// earlier ones lacked (a close carries rx, tx and the duration).
func (s *Session) describe(e *model.Entry) {
	fs := e.Fields
	fill := func(dst *string, keys ...string) {
		if *dst == "" {
			*dst = clip(first(fs, keys...))
		}
	}
	fill(&s.ID, model.KeyConnID, model.KeySessionID)
	fill(&s.User, model.KeyUserEmail, model.KeyUserID, model.KeySessUserEmail, model.KeySessUserID, model.KeyNodeUser)
	if s.Resource == "" {
		s.Resource = clip(resourceOf(fs))
	}
	fill(&s.Protocol, model.KeyProtocol, model.KeySessProtocol, model.KeyFlowProto)
	fill(&s.Client, model.KeyClientIP, model.KeySrcIP, model.KeySourceAddr)
	fill(&s.Country, model.KeyCountry)
	fill(&s.Path, model.KeyTunnelPath)
	s.Rx = max(s.Rx, num(fs, model.KeyRx, model.KeyBytesRx, model.KeyRxBytes))
	s.Tx = max(s.Tx, num(fs, model.KeyTx, model.KeyBytesTx, model.KeyTxBytes))
}

// resourceOf is "address:port" of an analytics event, the resource name or
// destination of a session record.
func resourceOf(fs model.Fields) string {
	if a := first(fs, model.KeyResourceAddr, model.KeyResourceIP); a != "" {
		if p := fs.Value(model.KeyResourcePort); p != "" {
			return a + ":" + p
		}
		return a
	}
	return first(fs, model.KeyResourceName, model.KeyDestAddr, model.KeyDst, model.KeySiteResource)
}

func num(fs model.Fields, keys ...string) int64 {
	for _, k := range keys {
		if n, ok := fs.Num(k); ok {
			return int64(n)
		}
	}
	return 0
}

// clip copies a value out of the decoder's buffers, bounded.
func clip(v string) string {
	if len(v) > maxValueLen {
		v = v[:maxValueLen]
	}
	return string(append([]byte(nil), v...))
}
