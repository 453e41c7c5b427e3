package remote

import "time"

// liveTail is what the follow knows of one live tail: when it started,
// whether the store accepted it, and when it last sent anything.
type liveTail struct {
	started  time.Time
	lastSent time.Time
	opened   bool
}

// probed takes a probe's outcome: errStalled when the store answers after
// it had stalled, errStuck when it answers while the tail has not opened
// for stuckAfter (a proxy that accepted the request and holds it).
func (lt *liveTail) probed(sw *stallWatch, answered bool, now time.Time) error {
	if sw.probeAnswered(answered, now) {
		return errStalled
	}
	if answered && !lt.opened && now.Sub(lt.started) >= stuckAfter {
		return errStuck
	}
	return nil
}

// audited takes an audit's outcome: the rows the tail skipped go through
// the reorder buffer, in their own pass. An answer is the store's life
// (errStalled when it had stalled); rows found while the tail has sent
// nothing for stuckAfter mean it no longer sends what the store holds
// (errStuck).
func (lt *liveTail) audited(sw *stallWatch, tr *seen, ro *reorder, res auditResult, now time.Time) error {
	if !answers(res.err) {
		return nil // the stall watch tells a store that stopped answering
	}
	pass := map[rowKey]int{}
	found := 0
	for i := range res.rows {
		if tr.admitIn(pass, &res.rows[i]) {
			ro.add(res.rows[i], now)
			found++
		}
	}
	if sw.life(now) {
		return errStalled
	}
	if found > 0 && now.Sub(lt.lastSent) >= stuckAfter {
		return errStuck
	}
	return nil
}
