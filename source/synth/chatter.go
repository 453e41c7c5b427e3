package synth

// Level-7 chatter. The shapes follow the lines the vendor's help articles
// quote: "[LEVEL] [module] [submodule] scope::function: message". DEBUG
// lines far outnumber the rest, and many name a live connection, relay or
// resource so that a search finds the lines around an event.

type lineFunc func(g *Generator, b []byte) []byte

var debugLines = []struct {
	weight int
	fn     lineFunc
}{
	{14, (*Generator).debugTunnelData},
	{10, (*Generator).debugQuicAck},
	{6, (*Generator).debugQuicPing},
	{6, (*Generator).debugRelayKeepalive},
	{5, (*Generator).debugChannelEvent},
	{6, (*Generator).debugDNSCache},
	{5, (*Generator).controllerChatter},
	{4, (*Generator).debugFlowStats},
	{4, (*Generator).debugCBCT},
	{3, (*Generator).debugEventLoop},
	{3, (*Generator).debugTunnelFlush},
	{2, (*Generator).debugStun},
	{2, (*Generator).debugRelayAvailable},
}

var debugPick = func() picker {
	w := make([]int, len(debugLines))
	for i, d := range debugLines {
		w[i] = d.weight
	}
	return newPicker(w)
}()

func (g *Generator) debugLine(b []byte) []byte {
	return debugLines[debugPick.pick(&g.r)].fn(g, b)
}

// withConn writes a line about a random open connection, or a line about
// the relays when none is open (right after a start).
func (g *Generator) withConn(b []byte, f func(b []byte, c *conn) []byte) []byte {
	if c := g.someOpen(); c != nil {
		return f(b, c)
	}
	if g.r.chance(0.5) {
		return g.debugChannelEvent(b)
	}
	return g.debugRelayKeepalive(b)
}

func (g *Generator) debugTunnelData(b []byte) []byte {
	return g.withConn(b, func(b []byte, c *conn) []byte {
		b = append(b, "[DEBUG] [libsdwan] [tunnel] tunnel::on_data: conn="...)
		b = appendConnID(b, c)
		b = append(b, " rx="...)
		b = appendInt(b, int64(g.r.between(40, 1420)))
		b = append(b, " tx="...)
		return appendInt(b, int64(g.r.between(0, 1420)))
	})
}

func (g *Generator) debugQuicAck(b []byte) []byte {
	return g.withConn(b, func(b []byte, c *conn) []byte {
		b = append(b, "[DEBUG] [libsdwan] [quic] quic_session::on_ack: conn="...)
		b = appendConnID(b, c)
		b = append(b, " acked="...)
		b = appendInt(b, int64(g.r.between(1, 32)))
		b = append(b, " in_flight="...)
		b = appendInt(b, int64(g.r.between(0, 24)))
		b = append(b, " cwnd="...)
		b = appendInt(b, int64(g.r.between(10, 90)*1460))
		b = append(b, " srtt="...)
		b = appendInt(b, int64(g.r.between(4, 180)))
		return append(b, "ms"...)
	})
}

func (g *Generator) debugQuicPing(b []byte) []byte {
	return g.withConn(b, func(b []byte, c *conn) []byte {
		b = append(b, "[DEBUG] [libsdwan] [quic] quic_session::send_ping: peer="...)
		b = appendHostPort(b, c.clientIP, g.r.between(32768, 60999))
		b = append(b, " idle="...)
		b = appendInt(b, int64(g.r.between(1000, 15000)))
		return append(b, "ms"...)
	})
}

func (g *Generator) debugRelayKeepalive(b []byte) []byte {
	rl := relayPool[g.relays[g.r.intn(len(g.relays))]]
	b = append(b, "[DEBUG] [libsdwan] [relay] relay_client::keepalive: relay "...)
	b = appendHostPort(b, rl.ip, rl.port)
	b = append(b, " rtt="...)
	b = appendInt(b, int64(g.r.between(8, 90)))
	return append(b, "ms"...)
}

func (g *Generator) debugRelayAvailable(b []byte) []byte {
	rl := relayPool[g.relays[g.r.intn(len(g.relays))]]
	b = append(b, "[DEBUG] [libsdwan] listen::maintain_relay_connectivity: relay "...)
	b = appendHostPort(b, rl.ip, rl.port)
	b = append(b, " is available, channels="...)
	return appendInt(b, int64(g.r.between(1, 8)))
}

func (g *Generator) debugChannelEvent(b []byte) []byte {
	b = append(b, "[DEBUG] [libsdwan] listen::channel_event: channel "...)
	b = appendInt(b, int64(g.r.between(3, 900)))
	b = append(b, " event="...)
	b = append(b, [...]string{"read", "read", "write", "timeout"}[g.r.intn(4)]...)
	b = append(b, " peer="...)
	rl := relayPool[g.relays[g.r.intn(len(g.relays))]]
	return appendHostPort(b, rl.ip, rl.port)
}

func (g *Generator) debugDNSCache(b []byte) []byte {
	res := &resourceDefs[g.w.resPick.pick(&g.r)]
	if res.address[0] <= '9' {
		return g.debugFlowStats(b)
	}
	b = append(b, "[DEBUG] [libsdwan] [dns] dns_cache::lookup: "...)
	b = append(b, res.address...)
	b = append(b, " hit, expires in "...)
	b = appendInt(b, int64(g.r.between(1, 300)))
	return append(b, 's')
}

func (g *Generator) controllerChatter(b []byte) []byte {
	if g.r.chance(0.7) {
		b = append(b, "[DEBUG] [libsdwan] [controller] run_state_machine: state="...)
		b = append(b, g.state.String()...)
		b = append(b, ", next poll in "...)
		b = appendInt(b, int64(g.r.between(500, 30000)))
		return append(b, "ms"...)
	}
	b = append(b, "[DEBUG] [libsdwan] [controller] operator(): SD unchanged, version "...)
	return appendInt(b, int64(41000+g.procs[Connector].run*17+g.r.intn(3)))
}

func (g *Generator) debugFlowStats(b []byte) []byte {
	b = append(b, "[DEBUG] [libsdwan] [flow] flow_table::stats: active="...)
	b = appendInt(b, int64(len(g.conns.open)))
	b = append(b, " pending="...)
	b = appendInt(b, int64(len(g.conns.slots)-len(g.conns.free)-len(g.conns.open)))
	b = append(b, " relayed="...)
	return appendInt(b, int64(g.conns.relayed))
}

func (g *Generator) debugCBCT(b []byte) []byte {
	return g.withConn(b, func(b []byte, c *conn) []byte {
		b = append(b, "[DEBUG] [libsdwan] [cbct] cbct_cache::validate: device="...)
		b = append(b, g.w.devices[c.dev].id...)
		b = append(b, " freshness="...)
		b = appendInt(b, int64(c.cbct))
		return append(b, "s ok"...)
	})
}

func (g *Generator) debugEventLoop(b []byte) []byte {
	b = append(b, "[DEBUG] [libsdwan] [timer] event_loop::stats: "...)
	b = appendInt(b, int64(g.r.between(20, 4000)))
	b = append(b, " events in "...)
	b = appendInt(b, int64(g.r.between(50, 9000)))
	b = append(b, "us, backlog "...)
	return appendInt(b, int64(g.r.intn(12)))
}

func (g *Generator) debugTunnelFlush(b []byte) []byte {
	return g.withConn(b, func(b []byte, c *conn) []byte {
		b = append(b, "[DEBUG] [libsdwan] [tunnel] tunnel::flush: conn="...)
		b = appendConnID(b, c)
		b = append(b, " queued="...)
		b = appendInt(b, int64(g.r.between(0, 65536)))
		return append(b, " bytes"...)
	})
}

func (g *Generator) debugStun(b []byte) []byte {
	b = append(b, "[DEBUG] [libsdwan] [stun] stun_client::on_binding_response: mapped address "...)
	return appendHostPort(b, 52<<24|4<<16|118<<8|9, 41000+g.r.intn(600))
}
