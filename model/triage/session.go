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
	Start    time.Time     `json:"start,omitzero"` // zero when the start is outside the data
	End      time.Time     `json:"end,omitzero"`   // zero while open or when the end is outside the data
	Duration time.Duration `json:"duration_ns"`
	User     string        `json:"user,omitempty"`
	Resource string        `json:"resource,omitempty"` // address:port
	Protocol string        `json:"protocol,omitempty"`
	Client   string        `json:"client,omitempty"`
	Country  string        `json:"country,omitempty"`
	Path     string        `json:"path,omitempty"` // direct or relay
	Rx       int64         `json:"rx"`             // bytes received and sent, from the close
	Tx       int64         `json:"tx"`
	Status   Status        `json:"status"`
	Reason   string        `json:"reason,omitempty"` // why it failed, or how it ended (reaped, shutdown)
	// rxLogged, txLogged and durLogged are the close's counters and
	// duration as it logged them, for RxText, TxText and DurText: written
	// out only for the rows shown, not for each of a million closes.
	rxLogged, txLogged, durLogged model.Field
	// Opened and Closed are the Seqs of the events that opened and ended
	// it (0 when not seen), for "show the events of this connection".
	Opened, Closed int64 `json:"-"`
}

// describe fills a row from one event's fields; later events add what the
// earlier ones lacked (a close carries rx, tx and the duration).
func (s *Session) describe(v *view, in *interner) {
	fill := func(dst *string, value string) {
		if *dst == "" && value != "" {
			*dst = in.intern(value)
		}
	}
	fill(&s.User, v.user())
	if s.Resource == "" {
		s.Resource = in.intern(v.resource())
	}
	fill(&s.Protocol, or(v.protocol, v.sessProto, v.flowProto))
	fill(&s.Client, v.client())
	fill(&s.Country, v.country)
	fill(&s.Path, v.path)
	s.Rx, s.Tx = max(s.Rx, v.rx), max(s.Tx, v.tx)
	keepLogged(&s.rxLogged, v.rxField)
	keepLogged(&s.txLogged, v.txField)
	keepLogged(&s.durLogged, v.durField)
}

// keepLogged keeps what an event logged of a counter or a duration, f (a
// zero Field when it did not), in dst: its number, or its text when it is
// not one, copied.
func keepLogged(dst *model.Field, f model.Field) {
	switch {
	case f.IsNum:
		*dst = model.Field{Num: f.Num, IsNum: true}
	case f.Key != "":
		*dst = model.Field{Value: clip(f.Value)} // a copy, bounded: it may alias the decoder's buffer
	}
}

// RxText, TxText and DurText are the close's counters and duration as the
// table shows them (model.BytesText, model.DurationText), where it logged
// them, else "": a count past int64 is 18.4EB, not 0, one that is not a
// number its text, a negative duration -5ms.
func (s *Session) RxText() string { return model.BytesText(s.rxLogged) }

// TxText is RxText for the bytes sent.
func (s *Session) TxText() string { return model.BytesText(s.txLogged) }

// DurText is RxText for the duration.
func (s *Session) DurText() string { return model.DurationText(s.durLogged) }
