package synth

import (
	"connlog/model"
	"connlog/model/export"
)

// ANALYTICS lines follow the vendor's v2 example exactly: keys sorted,
// Python-json spacing (", " and ": "), ids as strings, location as a string
// holding compact JSON, timestamp in epoch milliseconds.

var relayJSON = func() [][]byte {
	out := make([][]byte, len(relayPool))
	for i, rl := range relayPool {
		b := append([]byte(`{"ip": "`), appendIPv4(nil, rl.ip)...)
		b = append(b, `", "name": "`+relayName+`", "port": `...)
		out[i] = append(appendInt(b, int64(rl.port)), '}')
	}
	return out
}()

// appendAnalytics writes one ANALYTICS line for c. Rx, tx and duration are
// written only for closed_connection; error_message only when reason is set.
func (g *Generator) appendAnalytics(b []byte, c *conn, eventType, reason string) []byte {
	res := &g.w.resources[c.res]
	closed := eventType == eventClosed
	nowMS := g.now / 1e6
	b = append(b, `ANALYTICS {"connection": {"cbct_freshness": `...)
	b = appendInt(b, int64(c.cbct))
	b = append(b, `, "client_ip": "`...)
	b = appendIPv4(b, c.clientIP)
	b = append(b, '"')
	if closed {
		b = append(b, `, "duration": `...)
		b = appendInt(b, nowMS-c.startNS/1e6)
	}
	if reason != "" {
		b = append(b, `, "error_message": `...)
		b = export.AppendJSONString(b, reason)
	}
	b = append(b, `, "id": "`...)
	b = appendConnID(b, c)
	b = append(b, `", "protocol": "`...)
	b = append(b, protoName(res.udp)...)
	b = append(b, `", "resource_ip": "`...)
	b = appendIPv4(b, c.resIP)
	b = append(b, `", "resource_port": `...)
	b = appendInt(b, int64(c.port))
	if closed {
		rx, tx := g.connBytes(c)
		b = append(b, `, "rx": `...)
		b = appendInt(b, rx)
		b = append(b, `, "tunnel_path": "`...)
		b = append(b, tunnelPath(c)...)
		b = append(b, `", "tunnel_proto": "quic/udp", "tx": `...)
		b = appendInt(b, tx)
	} else {
		b = append(b, `, "tunnel_path": "`...)
		b = append(b, tunnelPath(c)...)
		b = append(b, `", "tunnel_proto": "quic/udp"`...)
	}
	b = append(b, "}, "...)
	b = append(b, g.w.connector...)
	b = append(b, ", "...)
	b = append(b, g.w.devices[c.dev].json...)
	b = append(b, `, "event_type": "`...)
	b = append(b, eventType...)
	b = append(b, `", `...)
	b = append(b, g.w.locations[c.city]...)
	b = g.appendRelays(b, c)
	b = append(b, g.w.network...)
	b = append(b, ", "...)
	b = append(b, res.json...)
	b = append(b, `, "timestamp": `...)
	b = appendInt(b, nowMS)
	b = append(b, ", "...)
	b = append(b, g.w.users[g.w.devices[c.dev].user].json...)
	return append(b, '}')
}

func (g *Generator) appendRelays(b []byte, c *conn) []byte {
	b = append(b, `, "relays": [`...)
	for i := 0; i < int(c.nRelays); i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, relayJSON[c.relays[i]]...)
	}
	return append(b, "], "...)
}

func protoName(udp bool) string {
	if udp {
		return "udp"
	}
	return "tcp"
}

func tunnelPath(c *conn) string {
	if c.nRelays > 0 {
		return "relay"
	}
	return "direct"
}

// connBytes derives rx and tx from the connection's lifetime so far, so that
// the byte counts agree with the duration next to them.
func (g *Generator) connBytes(c *conn) (rx, tx int64) {
	active := float64(g.now-c.startNS-c.idle) / 1e9
	if active < 0.001 {
		active = 0.001
	}
	rx = int64(c.rxRate*active) + int64(300+g.r.intn(4000))
	tx = int64(c.txRate*active) + int64(200+g.r.intn(1500))
	if c.udp() && c.idle > 0 && resourceDefs[c.res].class == classDNS {
		rx, tx = int64(60+g.r.intn(400)), int64(40+g.r.intn(80))
	}
	return rx, tx
}

// Event type names, as model knows them.
const (
	eventEstablished = model.EventEstablished
	eventClosed      = model.EventClosed
	eventFailed      = model.EventFailed
	eventDenied      = model.EventDenied
)
