package synth

// eventKind names something scheduled for later: the close of a connection,
// the next step of an incident script, a periodic line.
type eventKind uint8

const (
	evLine            eventKind = iota // a connection's follow-up line (a = slot, b = generation, c = step)
	evHealth                           // [INFO] processing "health" request
	evWatchdog                         // pinged systemd watchdog
	evRestart                          // restart script (c = step)
	evRelay                            // relay trouble script (c = step)
	evDNS                              // libevent DNS trouble script (c = step)
	evToken                            // PubNub token expiry script (c = step)
	evBurst                            // busy period toggle
	evNewtEnd                          // ACCESS END of a newt session (a = slot)
	evNewtPing                         // newt keepalive chatter
	evFlow                             // a Tailscale flow window
	evAnalyticsSubmit                  // the connector's periodic analytics upload
)

type event struct {
	at      int64  // Unix nanoseconds
	seq     uint64 // ties break by scheduling order, so the output is deterministic
	kind    eventKind
	a, b, c int32
}

func (e event) before(o event) bool { return e.at < o.at || e.at == o.at && e.seq < o.seq }

// eventHeap is a binary min-heap by time; a hand-written one because
// container/heap's interface calls show up in the generator's profile.
type eventHeap []event

func (h *eventHeap) push(e event) {
	*h = append(*h, e)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s[i].before(s[p]) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *eventHeap) pop() event {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(s) && s[l].before(s[m]) {
			m = l
		}
		if r := l + 1; r < len(s) && s[r].before(s[m]) {
			m = r
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}
