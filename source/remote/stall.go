package remote

import (
	"context"
	"errors"
	"fmt"
	"time"

	"connlog/model"
)

// errStalled ends a live tail whose store stopped answering for a while and
// answers again. The store's tail moves on by the clock: what the store took
// just before it stopped became searchable only after the tail had passed
// it, so the tail never sends it. The follow re-reads that window by query.
var errStalled = errors.New("the store stopped answering for a while")

// stallWatch tells a quiet tail (nothing new to send) from a store that no
// longer answers: a tail silent for probeAfter is followed by a cheap
// question to the store, and a store that neither sends nor answers for
// stallAfter is stalled.
type stallWatch struct {
	lastLife time.Time // the last batch of the tail or answer of the store
	probing  bool
	stalled  bool
	probes   chan bool // one probe's outcome: whether the store answered
}

func newStallWatch(now time.Time) *stallWatch {
	return &stallWatch{lastLife: now, probes: make(chan bool, 1)}
}

// life records that the store showed it runs; true when it had stalled.
func (sw *stallWatch) life(now time.Time) bool {
	sw.lastLife = now
	was := sw.stalled
	sw.stalled = false
	return was
}

// probeAnswered records a probe's outcome; true when the store answered
// after it had stalled.
func (sw *stallWatch) probeAnswered(answered bool, now time.Time) bool {
	sw.probing = false
	return answered && sw.life(now)
}

// check starts a probe when the tail has been silent long enough, and
// returns the state to show: "" while the store is well.
func (sw *stallWatch) check(ctx context.Context, b Backend, now time.Time) string {
	silent := now.Sub(sw.lastLife)
	if silent >= probeAfter && !sw.probing {
		sw.probing = true
		go func() { sw.probes <- answers(b.Check(ctx)) }()
	}
	if silent < stallAfter {
		return ""
	}
	sw.stalled = true
	return fmt.Sprintf("%s, no answer for %v", model.StateDown, silent.Round(time.Second))
}

// answers reports whether a request reached a store that answered, even
// with a refusal: only silence or a broken connection is a stall.
func answers(err error) bool {
	var se *StatusError
	return err == nil || errors.As(err, &se)
}
