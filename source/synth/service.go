package synth

// INFO, WARN and ERROR lines of quiet times, and the periodic ones.

// infoLine is mostly the health probe the container runtime or systemd
// sends, then relay channel allocations and new client sessions.
func (g *Generator) infoLine(b []byte) []byte {
	switch k := g.r.intn(1000); {
	case k < 500:
		return g.healthLine(b)
	case k < 730:
		rl := relayPool[g.relays[g.r.intn(len(g.relays))]]
		b = append(b, "[INFO] [libsdwan] [relay] relay_client::on_allocate: relay "...)
		b = appendHostPort(b, rl.ip, rl.port)
		b = append(b, " allocated channel "...)
		return appendInt(b, int64(g.r.between(3, 900)))
	case k < 995:
		u := &g.w.users[g.w.userPick.pick(&g.r)]
		b = append(b, "[INFO] [libsdwan] [quic] quic_listener::on_new_session: peer "...)
		b = appendHostPort(b, u.hostIP, g.r.between(32768, 60999))
		b = append(b, " device="...)
		return append(b, g.w.devices[u.devices[0]].id...)
	default:
		b = append(b, "[INFO] [libsdwan] [controller] operator(): configuration updated, "...)
		b = appendInt(b, int64(len(resourceDefs)+g.r.intn(3)))
		b = append(b, " resources, "...)
		b = appendInt(b, int64(4+g.r.intn(3)))
		return append(b, " groups"...)
	}
}

func (g *Generator) warnLine(b []byte) []byte {
	if c := g.someOpen(); c != nil && g.r.chance(0.6) {
		b = append(b, "[WARN] [libsdwan] [quic] quic_session::on_loss: conn="...)
		b = appendConnID(b, c)
		b = append(b, " lost "...)
		b = appendInt(b, int64(g.r.between(2, 40)))
		return append(b, " packets, reducing cwnd"...)
	}
	rl := relayPool[g.relays[g.r.intn(len(g.relays))]]
	b = append(b, "[WARN] [libsdwan] [relay] relay_client::keepalive: relay "...)
	b = appendHostPort(b, rl.ip, rl.port)
	b = append(b, " rtt="...)
	b = appendInt(b, int64(g.r.between(400, 2500)))
	return append(b, "ms above threshold"...)
}

func (g *Generator) errorLine(b []byte) []byte {
	if c := g.someOpen(); c != nil && !c.udp() && g.r.chance(0.8) {
		b = append(b, "[ERROR] [libsdwan] [tcp] tcp_proxy::on_error: conn="...)
		b = appendConnID(b, c)
		b = append(b, " recv from "...)
		b = appendHostPort(b, c.resIP, int(c.port))
		return append(b, ": 104 (Connection reset by peer)"...)
	}
	if g.r.chance(0.1) {
		return append(b, "[ERROR] [connector] Failed to submit analytics events: Unexpected error: error sending request for url (https://analytics.twingate.com/v1/track): error trying to connect: dns error: Too many open files (os error 24)"...)
	}
	return append(b, `[ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`...)
}

func (g *Generator) healthLine(b []byte) []byte {
	return append(b, `[INFO] [connector] processing "health" request`...)
}

func (g *Generator) watchdogLine(b []byte) []byte {
	return append(b, "[DEBUG] [connector] pinged systemd watchdog"...)
}

// submitLine is the connector's periodic upload of analytics to the vendor.
func (g *Generator) submitLine(b []byte) []byte {
	b = append(b, "[DEBUG] [connector] analytics: submitted "...)
	b = appendInt(b, int64(g.r.between(1, 60)))
	b = append(b, " events in "...)
	b = appendInt(b, int64(g.r.between(40, 400)))
	return append(b, "ms"...)
}
