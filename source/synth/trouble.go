package synth

import "time"

// Trouble bursts: a relay stops answering, the host's resolvers fail, the
// PubNub token expires. Each is a short script of the lines the vendor's
// help articles quote, during which connection attempts fail more often.
// A script's event carries its step in c and the repeats left in a.

const (
	trStart int32 = iota
	trRepeat
	trEnd
)

const nameserver = "10.20.0.2:53"

func (g *Generator) again(kind eventKind, left int32, after time.Duration) {
	step := trRepeat
	if left <= 0 {
		step = trEnd
	}
	g.schedule(g.now+g.jitter(after), kind, left, 0, step)
}

// relayStep: one of the four relays stops answering; the connector retries,
// then swaps in another relay from the pool.
func (g *Generator) relayStep(b []byte, ev event) ([]byte, bool) {
	if ev.c == trStart && g.state != stateOnline {
		g.schedule(g.now+int64(time.Minute), evRelay, 0, 0, trStart)
		return b, false
	}
	if ev.c != trStart && g.relayDown < 0 {
		// A restart ended the trouble: plan the next one.
		g.schedule(g.now+int64(g.r.exp(float64(g.opts.TroubleEvery))), evRelay, 0, 0, trStart)
		return b, false
	}
	switch ev.c {
	case trStart:
		g.relayDown = g.r.intn(len(g.relays))
		g.again(evRelay, int32(g.r.between(2, 6)), 3*time.Second)
		return g.relayText(b, "[ERROR] [libsdwan] listen::maintain_relay_connectivity: relay ", " is not available, disconnect"), true
	case trRepeat:
		g.again(evRelay, ev.a-1, 5*time.Second)
		switch g.r.intn(4) {
		case 0:
			return append(b, "resource temporarily unavailable"...), true
		case 1:
			return g.relayText(b, "[WARN] [libsdwan] [relay] relay_client::connect: retrying relay ", " in 5s"), true
		}
		return append(b, `[ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`...), true
	}
	g.relays[g.relayDown] = g.spareRelay()
	b = g.relayText(b, "[INFO] [libsdwan] listen::maintain_relay_connectivity: relay ", " connected")
	g.relayDown = -1
	g.schedule(g.now+int64(g.r.exp(float64(g.opts.TroubleEvery))), evRelay, 0, 0, trStart)
	return b, true
}

func (g *Generator) relayText(b []byte, before, after string) []byte {
	rl := relayPool[g.relays[g.relayDown]]
	b = append(b, before...)
	b = appendHostPort(b, rl.ip, rl.port)
	return append(b, after...)
}

// spareRelay picks a pool relay the connector is not using.
func (g *Generator) spareRelay() int {
	for {
		k := g.r.intn(len(relayPool))
		used := false
		for _, r := range g.relays {
			used = used || r == k
		}
		if !used {
			return k
		}
	}
}

// dnsStep: libevent's resolver loses the host's nameserver for a while;
// attempts to DNS-named resources fail until it is back.
func (g *Generator) dnsStep(b []byte, ev event) ([]byte, bool) {
	if ev.c != trStart && !g.dnsDown {
		g.schedule(g.now+int64(g.r.exp(float64(3*g.opts.TroubleEvery))), evDNS, 0, 0, trStart)
		return b, false
	}
	switch ev.c {
	case trStart:
		g.dnsDown = true
		g.again(evDNS, int32(g.r.between(1, 5)), 4*time.Second)
		return append(b, "[msg] Nameserver "+nameserver+" has failed: request timed out."...), true
	case trRepeat:
		g.again(evDNS, ev.a-1, 8*time.Second)
		return append(b, "[msg] All nameservers have failed"...), true
	}
	g.dnsDown = false
	g.schedule(g.now+int64(g.r.exp(float64(3*g.opts.TroubleEvery))), evDNS, 0, 0, trStart)
	return append(b, "[msg] Nameserver "+nameserver+" is back up"...), true
}

// tokenStep: the PubNub client's token expires and each subscribe is
// answered 403 until the connector refreshes it. Odd repeats write the
// second line of the pair.
func (g *Generator) tokenStep(b []byte, ev event) ([]byte, bool) {
	switch ev.c {
	case trStart:
		g.schedule(g.now+ms(g.r.between(0, 3)), evToken, int32(2*g.r.between(1, 4)), 0, trRepeat)
		return g.pubnubLine(b, false), true
	case trRepeat:
		if ev.a%2 == 0 {
			g.schedule(g.now+g.jitter(10*time.Second), evToken, ev.a-1, 0, trRepeat)
			return g.pubnubLine(b, true), true
		}
		if ev.a <= 1 {
			g.schedule(g.now+int64(g.r.exp(float64(2*g.opts.TroubleEvery))), evToken, 0, 0, trStart)
			return b, false
		}
		g.schedule(g.now+ms(g.r.between(0, 3)), evToken, ev.a-1, 0, trRepeat)
		return g.pubnubLine(b, false), true
	}
	return b, false
}
