package synth

// The service lines around a connection's ANALYTICS events.

func (g *Generator) appendPolicy(b []byte, c *conn, verdict string) []byte {
	b = append(b, "[DEBUG] [libsdwan] [acl] policy::evaluate: user="...)
	b = append(b, g.w.users[g.w.devices[c.dev].user].id...)
	b = append(b, " device="...)
	b = append(b, g.w.devices[c.dev].id...)
	b = append(b, " resource="...)
	b = append(b, resourceDefs[c.res].id...)
	b = append(b, " port="...)
	b = appendInt(b, int64(c.port))
	b = append(b, '/')
	b = append(b, protoName(c.udp())...)
	b = append(b, " -> "...)
	return append(b, verdict...)
}

func (g *Generator) appendResolve(b []byte, c *conn) []byte {
	b = append(b, "[DEBUG] [libsdwan] [dns] dns_resolver::resolve: "...)
	b = append(b, resourceDefs[c.res].address...)
	b = append(b, " -> "...)
	b = appendIPv4(b, c.resIP)
	b = append(b, " ttl="...)
	return appendInt(b, int64(g.r.between(30, 300)))
}

func (g *Generator) appendResolveFailure(b []byte, c *conn) []byte {
	b = append(b, "[DEBUG] [libsdwan] [dns] dns_resolver::resolve: "...)
	b = append(b, resourceDefs[c.res].address...)
	return append(b, " failed: request timed out"...)
}

func (g *Generator) appendConnected(b []byte, c *conn) []byte {
	if c.udp() {
		b = append(b, "[DEBUG] [libsdwan] [udp] udp_proxy::open: conn="...)
		b = appendConnID(b, c)
		b = append(b, " to "...)
		return appendHostPort(b, c.resIP, int(c.port))
	}
	b = append(b, "[DEBUG] [libsdwan] [tcp] tcp_proxy::on_connect: conn="...)
	b = appendConnID(b, c)
	b = append(b, " connected to "...)
	b = appendHostPort(b, c.resIP, int(c.port))
	b = append(b, " in "...)
	b = appendInt(b, int64(g.r.between(1, 45)))
	return append(b, "ms"...)
}

func (g *Generator) appendErase(b []byte, c *conn) []byte {
	b = append(b, "[DEBUG] [libsdwan] [flow] flow_table::erase: conn="...)
	b = appendConnID(b, c)
	b = append(b, " reason="...)
	switch {
	case c.idle > 0:
		return append(b, "idle timeout"...)
	case g.r.chance(0.9):
		return append(b, "fin"...)
	}
	return append(b, "rst"...)
}
