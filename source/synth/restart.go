package synth

import (
	"time"

	"connlog/model"
)

// A connector restart, step by step. Two causes: the controller answers
// "Gone, code 410" and the connector goes through its unrecoverable-error
// path (the sequence quoted in the vendor's help article), or systemd stops
// it for an upgrade. Either way every open connection is closed, the process
// exits, and a new one goes Offline -> Authentication -> Online.
const (
	rsGone int32 = iota
	rsPreUnrecoverable
	rsResetting
	rsStateError
	rsSigterm
	rsStateOfflineExit
	rsOffline
	rsLoadedKeys
	rsAuthentication
	rsSavingToken
	rsNatType
	rsOnline
)

const (
	restartDelayMin = 5 * time.Second  // systemd RestartSec
	restartDelayMax = 15 * time.Second // plus the watchdog noticing
)

func (g *Generator) restartStep(b []byte, step int32) ([]byte, bool) {
	next := func(s int32, after time.Duration) { g.schedule(g.now+int64(after), evRestart, 0, 0, s) }
	switch step {
	case rsGone:
		if g.r.chance(0.4) {
			g.teardown()
			next(rsStateOfflineExit, time.Millisecond)
			return append(b, "[INFO] [connector] received SIGTERM, shutting down"...), true
		}
		next(rsPreUnrecoverable, time.Duration(g.r.between(5, 50))*time.Millisecond)
		return append(b, "[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410"...), true
	case rsPreUnrecoverable:
		g.teardown()
		next(rsResetting, time.Millisecond)
		return append(b, "[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error"...), true
	case rsResetting:
		next(rsStateError, time.Duration(g.r.between(1, 20))*time.Millisecond)
		return append(b, "[DEBUG] [libsdwan] resetting configuration"...), true
	case rsStateError:
		g.exit()
		return append(b, "[INFO] [connector] State: Error"...), true
	case rsStateOfflineExit:
		g.exit()
		return append(b, "[INFO] [connector] State: Offline"...), true
	}
	return g.startupStep(b, step, next)
}

// startupStep writes the lines of a new connector process.
func (g *Generator) startupStep(b []byte, step int32, next func(int32, time.Duration)) ([]byte, bool) {
	switch step {
	case rsOffline:
		g.spawn()
		next(rsLoadedKeys, time.Duration(g.r.between(20, 200))*time.Millisecond)
		return append(b, "[INFO] [connector] State: Offline"...), true
	case rsLoadedKeys:
		next(rsAuthentication, time.Duration(g.r.between(5, 50))*time.Millisecond)
		return append(b, "[DEBUG] [connector] loaded public key and certificate from secure storage"...), true
	case rsAuthentication:
		g.state = stateAuthentication
		next(rsSavingToken, time.Duration(g.r.between(300, 2500))*time.Millisecond)
		return append(b, "[INFO] [connector] State: Authentication"...), true
	case rsSavingToken:
		next(rsNatType, time.Duration(g.r.between(100, 900))*time.Millisecond)
		return append(b, "[DEBUG] [connector] saving token state to secure storage"...), true
	case rsNatType:
		next(rsOnline, time.Duration(g.r.between(50, 400))*time.Millisecond)
		return append(b, "[INFO] [libsdwan] stun_nat_type: endpoint-independent"...), true
	case rsOnline:
		g.state = stateOnline
		if g.opts.RestartEvery > 0 {
			g.schedule(g.now+int64(g.r.exp(float64(g.opts.RestartEvery))), evRestart, 0, 0, rsGone)
		}
		return append(b, "[INFO] [connector] State: Online"...), true
	}
	return b, false
}

// teardown closes every established connection now and forgets the
// attempts still in flight; their scheduled steps become stale.
func (g *Generator) teardown() {
	g.state = stateError
	for i := range g.conns.slots {
		c := &g.conns.slots[i]
		if !c.live {
			continue
		}
		if !c.established {
			g.conns.release(int32(i))
			continue
		}
		c.gen++
		c.endReason = ""
		g.schedule(g.now+1, evLine, int32(i), c.gen, stepClosed)
	}
}

// exit ends the connector process: nothing is logged until systemd starts
// the next one.
func (g *Generator) exit() {
	delay := g.r.between(int(restartDelayMin/time.Millisecond), int(restartDelayMax/time.Millisecond))
	g.downUntil = g.now + ms(delay)
	g.down = true
	g.state = stateOffline
	g.relayDown, g.dnsDown = -1, false
	g.schedule(g.downUntil, evRestart, 0, 0, rsOffline)
}

// spawn starts the next connector process, with a new PID and invocation
// id; its first line carries Meta.Restart.
func (g *Generator) spawn() {
	p := &g.procs[Connector]
	p.run++
	p.pid += g.r.between(40, 3000)
	p.invocation = g.invocationID(Connector, p.run)
	p.restarted = true
	g.down = false
}

// pubnubLine is what the bundled PubNub C library prints on stdout.
func (g *Generator) pubnubLine(b []byte, second bool) []byte {
	g.meta.Stream = model.StreamStdout
	if second {
		return append(b, "pbcc_parse_subscribe_v2_response - AccessDenied: response from server"...)
	}
	return append(b, `Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`...)
}
