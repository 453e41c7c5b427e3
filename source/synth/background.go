package synth

import "time"

// Background lines are what the connector says between scheduled events;
// their mix sets the level distribution of the whole log.
const (
	bgDebug = iota
	bgConnect
	bgInfo
	bgWarn
	bgError
	bgAudit
	bgNewt
	bgHostile
	bgCount
)

// Weights per 4096 background lines. A connection attempt brings about four
// more lines (two ANALYTICS) later, which puts ANALYTICS near 8% of all
// lines and DEBUG near 85%.
var bgWeights = [bgCount]int{
	bgDebug:   3620,
	bgConnect: 205,
	bgInfo:    190,
	bgWarn:    52,
	bgError:   16,
	bgAudit:   150,
	bgNewt:    110,
	bgHostile: 4,
}

func (g *Generator) buildPickers() {
	w := bgWeights
	if !g.opts.Audit {
		w[bgAudit] = 0
	}
	if !g.opts.Newt {
		w[bgNewt] = 0
	}
	if !g.opts.Hostile {
		w[bgHostile] = 0
	}
	g.bg = newPicker(w[:])
	w[bgConnect], w[bgInfo], w[bgWarn], w[bgError], w[bgHostile] = 0, 0, 0, 0, 0
	g.bgStarting = newPicker(w[:])
}

// background writes one unscheduled line, or none: a connector that is not
// online has little to say.
func (g *Generator) background(b []byte) ([]byte, bool) {
	if g.state != stateOnline {
		switch g.bgStarting.pick(&g.r) {
		case bgAudit:
			return g.auditLine(b), true
		case bgNewt:
			return g.newtLine(b), true
		}
		if g.down || !g.r.chance(quietShare) {
			return b, false
		}
		return g.controllerChatter(b), true
	}
	return g.onlineLine(b), true
}

// quietShare is the share of background slots a starting connector fills.
const quietShare = 0.05

func (g *Generator) onlineLine(b []byte) []byte {
	switch g.bg.pick(&g.r) {
	case bgConnect:
		return g.connect(b)
	case bgInfo:
		return g.infoLine(b)
	case bgWarn:
		return g.warnLine(b)
	case bgError:
		return g.errorLine(b)
	case bgAudit:
		return g.auditLine(b)
	case bgNewt:
		return g.newtLine(b)
	case bgHostile:
		return g.hostileLine(b)
	}
	return g.debugLine(b)
}

// handle writes the line of a scheduled event; false when the event has no
// line (a stale connection step, a state toggle).
func (g *Generator) handle(b []byte, ev event) ([]byte, bool) {
	switch ev.kind {
	case evLine:
		return g.connLine(b, ev)
	case evHealth, evWatchdog, evAnalyticsSubmit:
		return g.periodic(b, ev.kind)
	case evBurst:
		g.toggleBurst()
		return b, false
	case evRestart:
		return g.restartStep(b, ev.c)
	case evRelay:
		return g.relayStep(b, ev)
	case evDNS:
		return g.dnsStep(b, ev)
	case evToken:
		return g.tokenStep(b, ev)
	case evNewtEnd:
		return g.newtEnd(b, ev)
	case evNewtPing:
		return g.newtPing(b), true
	case evFlow:
		return g.flowLine(b), true
	}
	return b, false
}

// periodic writes the connector's regular lines and plants the next one;
// while the process is down they wait for the next process.
func (g *Generator) periodic(b []byte, kind eventKind) ([]byte, bool) {
	every := 10 * time.Second
	if kind == evWatchdog {
		every = 15 * time.Second
	}
	g.schedule(max(g.now, g.downUntil)+g.jitter(every), kind, 0, 0, 0)
	switch {
	case g.down:
		return b, false
	case kind == evHealth:
		return g.healthLine(b), true
	case kind == evWatchdog:
		return g.watchdogLine(b), true
	}
	return g.submitLine(b), true
}

// scheduleStart plants the periodic events and the first incidents.
func (g *Generator) scheduleStart() {
	g.schedule(g.now+g.jitter(5*time.Second), evHealth, 0, 0, 0)
	g.schedule(g.now+g.jitter(15*time.Second), evWatchdog, 0, 0, 0)
	g.schedule(g.now+g.jitter(burstInterval), evBurst, 0, 0, 0)
	g.schedule(g.now+g.jitter(10*time.Second), evAnalyticsSubmit, 0, 0, 0)
	g.scheduleIncidents()
	if g.opts.Newt {
		g.schedule(g.now+g.jitter(10*time.Second), evNewtPing, 0, 0, 0)
	}
	if g.opts.Tailscale {
		g.schedule(g.now+g.jitter(5*time.Second), evFlow, 0, 0, 0)
	}
}

// scheduleIncidents plants the next restart and trouble bursts, each at an
// exponentially distributed time so that they do not line up.
func (g *Generator) scheduleIncidents() {
	if g.opts.RestartEvery > 0 {
		g.schedule(g.now+int64(g.r.exp(float64(g.opts.RestartEvery))), evRestart, 0, 0, rsGone)
	}
	if g.opts.TroubleEvery > 0 {
		g.schedule(g.now+int64(g.r.exp(float64(g.opts.TroubleEvery))), evRelay, 0, 0, trStart)
		g.schedule(g.now+int64(g.r.exp(float64(3*g.opts.TroubleEvery))), evDNS, 0, 0, trStart)
		g.schedule(g.now+int64(g.r.exp(float64(2*g.opts.TroubleEvery))), evToken, 0, 0, trStart)
	}
}

// jitter returns a time around d (between half and one and a half of it).
func (g *Generator) jitter(d time.Duration) int64 {
	return int64(d)/2 + int64(g.r.float()*float64(d))
}

func (g *Generator) toggleBurst() {
	g.busy = !g.busy
	next := burstInterval
	if g.busy {
		next = burstLength
	}
	g.schedule(g.now+int64(g.r.exp(float64(next))), evBurst, 0, 0, 0)
}
