package synth

import "time"

// The steps of a connection's life, each one scheduled line.
const (
	stepConnected   int32 = iota // [DEBUG] tcp_proxy::on_connect / udp_proxy::open
	stepEstablished              // ANALYTICS established_connection
	stepErase                    // [DEBUG] flow_table::erase
	stepClosed                   // ANALYTICS closed_connection (or failed_to_connect)
	stepFailed                   // ANALYTICS failed_to_connect, never established
	stepDenied                   // ANALYTICS denied_access
)

// Outcome probabilities of a connection attempt in quiet times.
const (
	pDenied       = 0.025
	pFailed       = 0.03
	pFailAfterEst = 0.01 // an established connection that ends in failure, not a close
	pRelayed      = 0.14
	pTravel       = 0.08
	pNewSession   = 0.02
)

// connect starts a connection attempt: it writes the line that opens it
// and schedules the rest of its life.
func (g *Generator) connect(b []byte) []byte {
	i := g.conns.alloc()
	c := &g.conns.slots[i]
	g.fillConn(c)
	res := &resourceDefs[c.res]
	switch out, reason := g.attemptOutcome(c); out {
	case outcomeDenied:
		c.endReason = reason
		g.schedule(g.now+ms(g.r.between(1, 4)), evLine, i, c.gen, stepDenied)
		return g.appendPolicy(b, c, "deny")
	case outcomeFailed:
		c.endReason = reason
		g.schedule(g.now+ms(g.r.between(2, 3000)), evLine, i, c.gen, stepFailed)
		if reason == dnsFailReason {
			return g.appendResolveFailure(b, c)
		}
		return g.appendPolicy(b, c, "allow")
	}
	g.schedule(g.now+ms(g.r.between(1, 60)), evLine, i, c.gen, stepConnected)
	if res.address[0] < '0' || res.address[0] > '9' {
		return g.appendResolve(b, c)
	}
	return g.appendPolicy(b, c, "allow")
}

// outcome is how a connection attempt goes.
type outcome uint8

const (
	outcomeEstablished outcome = iota
	outcomeDenied
	outcomeFailed
)

// attemptOutcome decides whether an attempt is denied or fails before it
// is established, and why: failures are likelier while the relays or the
// resolvers are in trouble.
func (g *Generator) attemptOutcome(c *conn) (outcome, string) {
	res := &resourceDefs[c.res]
	switch {
	case g.r.chance(pDenied):
		return outcomeDenied, denyReasons[g.r.intn(len(denyReasons))]
	case g.dnsDown && res.address[0] > '9' && g.r.chance(0.7):
		return outcomeFailed, dnsFailReason
	case g.relayDown >= 0 && c.nRelays > 0 && g.r.chance(0.6):
		return outcomeFailed, relayFailReason
	case g.r.chance(pFailed):
		return outcomeFailed, failReasons[g.r.intn(len(failReasons))]
	}
	return outcomeEstablished, ""
}

// fillConn picks who connects to what, from where and how.
func (g *Generator) fillConn(c *conn) {
	w := g.w
	u := &w.users[w.userPick.pick(&g.r)]
	dev := u.devices[g.r.intn(len(u.devices))]
	d := &w.devices[dev]
	if g.r.chance(pNewSession) {
		d.session, d.counter = g.r.u64(), 0
	}
	d.counter++
	c.live, c.established, c.endReason = true, false, ""
	c.dev, c.session, c.counter = int32(dev), d.session, int32(d.counter)
	c.res = int16(w.resPick.pick(&g.r))
	res := &resourceDefs[c.res]
	c.port = int32(res.ports[g.r.intn(len(res.ports))])
	c.resIP = res.ips[g.r.intn(len(res.ips))]
	c.city, c.clientIP = int16(u.home), u.hostIP
	if g.r.chance(pTravel) {
		c.city = int16(g.r.intn(len(cities)))
		c.clientIP = cities[c.city].prefix | uint32(g.r.between(1, 254))<<8 | uint32(g.r.between(1, 254))
	}
	c.nRelays = 0
	if g.r.chance(pRelayed) {
		c.nRelays = int8(g.r.between(1, 4))
		for k := range c.nRelays {
			c.relays[k] = int8(g.relays[k])
		}
	}
	c.cbct = int32(g.r.between(-120, 300))
}

// establish plans the connection's lifetime and byte rates by class.
func (g *Generator) establish(c *conn) time.Duration {
	c.startNS = g.now
	c.idle = 0
	var life float64 // seconds
	switch resourceDefs[c.res].class {
	case classWeb:
		life, c.rxRate, c.txRate = g.r.lognormal(8, 1.6), g.r.lognormal(6000, 1.2), g.r.lognormal(800, 1)
	case classSSH:
		life, c.rxRate, c.txRate = g.r.lognormal(600, 1.2), g.r.lognormal(300, 1), g.r.lognormal(60, 0.8)
	case classDB:
		life, c.rxRate, c.txRate = g.r.lognormal(60, 1.5), g.r.lognormal(3000, 1.2), g.r.lognormal(500, 1)
	case classRDP:
		life, c.rxRate, c.txRate = g.r.lognormal(1500, 0.8), g.r.lognormal(40000, 0.7), g.r.lognormal(4000, 0.7)
	case classFiles:
		life, c.rxRate, c.txRate = g.r.lognormal(40, 1.5), g.r.lognormal(1.5e6, 1), g.r.lognormal(20000, 1)
	case classAPI:
		life, c.rxRate, c.txRate = g.r.lognormal(2, 1.2), g.r.lognormal(4000, 1), g.r.lognormal(1000, 1)
	case classDNS:
		life, c.idle = 0.02, int64(30*time.Second)
	case classQUIC:
		life, c.rxRate, c.txRate = g.r.lognormal(5, 1.2), g.r.lognormal(3000, 1), g.r.lognormal(1500, 1)
		c.idle = int64(30 * time.Second)
	}
	d := time.Duration(life*float64(time.Second)) + time.Duration(c.idle)
	return min(max(d, time.Millisecond), g.opts.MaxConnection)
}

// connLine writes the next line of connection slot i, or nothing when the
// event is stale (the connection was torn down by a restart).
func (g *Generator) connLine(b []byte, ev event) ([]byte, bool) {
	c := &g.conns.slots[ev.a]
	if !c.live || c.gen != ev.b {
		return b, false
	}
	switch ev.c {
	case stepConnected:
		g.schedule(g.now+ms(g.r.between(0, 2)), evLine, ev.a, c.gen, stepEstablished)
		return g.appendConnected(b, c), true
	case stepEstablished:
		life := g.establish(c)
		g.conns.list(ev.a)
		g.schedule(g.now+int64(life), evLine, ev.a, c.gen, stepErase)
		return g.appendAnalytics(b, c, eventEstablished, ""), true
	case stepErase:
		g.schedule(g.now+ms(g.r.between(0, 1)), evLine, ev.a, c.gen, stepClosed)
		return g.appendErase(b, c), true
	case stepClosed:
		b = g.closeLine(b, c)
	case stepFailed:
		b = g.appendAnalytics(b, c, eventFailed, c.endReason)
	case stepDenied:
		b = g.appendAnalytics(b, c, eventDenied, c.endReason)
	}
	g.conns.release(ev.a)
	return b, true
}

// closeLine ends an established connection, now and then with a failure
// instead of a close ("Error states will not have a corresponding
// closed_connection event").
func (g *Generator) closeLine(b []byte, c *conn) []byte {
	if c.endReason == "" && g.r.chance(pFailAfterEst) {
		c.endReason = "connection reset by peer"
	}
	if c.endReason != "" {
		return g.appendAnalytics(b, c, eventFailed, c.endReason)
	}
	return g.appendAnalytics(b, c, eventClosed, "")
}

func ms(n int) int64 { return int64(n) * int64(time.Millisecond) }
