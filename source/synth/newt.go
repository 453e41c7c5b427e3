package synth

import (
	"time"

	"connlog/model"
)

// Pangolin newt lines: "LEVEL: YYYY/MM/DD HH:MM:SS message" in the host's
// local time, the start-up lines its issues quote, keepalive chatter, and
// ACCESS START/END lines from the templates in its source.

type newtSession struct {
	id       uint64
	resource int
	udp      bool
	src, dst uint32
	sport    int
	dport    int
	startNS  int64
	live     bool
}

type newtState struct {
	startup  int // start-up lines written so far
	sessions []newtSession
	free     []int32
	pings    int
}

var newtStartup = []string{
	"INFO:|Newt version 1.9.0",
	"INFO:|Server version: 1.15.2",
	"INFO:|Websocket connected",
	"INFO:|Connecting to endpoint: pangolin.example.com",
	"INFO:|Initial connection test successful",
	"INFO:|Tunnel connection to server established successfully!",
	"INFO:|Successfully added 0 health check targets",
	"INFO:|Started tcp proxy to gitea:3000",
}

var newtTargets = []struct {
	resource int
	dst      uint32
	port     int
	udp      bool
}{
	{35, ip4(10, 0, 0, 5), 22, false}, {36, ip4(10, 0, 0, 8), 3000, false},
	{37, ip4(10, 0, 0, 12), 5432, false}, {38, ip4(10, 0, 0, 2), 53, true},
}

func (g *Generator) newtPrefix(b []byte, level string) []byte {
	g.meta = Meta{Program: Newt, Stream: model.StreamStdout}
	b = append(b, level...)
	b = append(b, ' ')
	b = appendNewtStamp(b, g.now, g.opts.Location)
	return append(b, ' ')
}

// newtLine starts a session (or finishes the start-up banner first).
func (g *Generator) newtLine(b []byte) []byte {
	n := &g.newt
	if n.startup < len(newtStartup) {
		s := newtStartup[n.startup]
		n.startup++
		for i := 0; i < len(s); i++ {
			if s[i] == '|' {
				return append(g.newtPrefix(b, s[:i]), s[i+1:]...)
			}
		}
	}
	slot := g.newtAlloc()
	s := &n.sessions[slot]
	t := newtTargets[g.r.intn(len(newtTargets))]
	*s = newtSession{id: g.r.u64(), resource: t.resource, udp: t.udp, src: ip4(100, 90, 128, uint32(g.r.between(2, 60))),
		sport: g.r.between(32768, 60999), dst: t.dst, dport: t.port, startNS: g.now, live: true}
	life := g.r.lognormal(20, 1.5)
	if t.udp {
		life = 0.05 + 60 // newt reaps UDP sessions after a minute of silence
	}
	g.schedule(g.now+int64(min(life, 3600)*1e9), evNewtEnd, slot, 0, 0)
	b = g.newtPrefix(b, "INFO:")
	b = append(b, "ACCESS START "...)
	b = g.newtSessionFields(b, s)
	b = append(b, " time="...)
	return g.appendNewtTime(b, s.startNS)
}

func (g *Generator) newtAlloc() int32 {
	n := &g.newt
	if k := len(n.free); k > 0 {
		i := n.free[k-1]
		n.free = n.free[:k-1]
		return i
	}
	n.sessions = append(n.sessions, newtSession{})
	return int32(len(n.sessions) - 1)
}

func (g *Generator) newtSessionFields(b []byte, s *newtSession) []byte {
	b = append(b, "session="...)
	b = appendHex(b, s.id, 16)
	b = append(b, " resource="...)
	b = appendInt(b, int64(s.resource))
	b = append(b, " proto="...)
	b = append(b, protoName(s.udp)...)
	b = append(b, " src="...)
	b = appendHostPort(b, s.src, s.sport)
	b = append(b, " dst="...)
	return appendHostPort(b, s.dst, s.dport)
}

func (g *Generator) appendNewtTime(b []byte, ns int64) []byte {
	return time.Unix(0, ns).In(g.opts.Location).AppendFormat(b, time.RFC3339)
}

func (g *Generator) newtEnd(b []byte, ev event) ([]byte, bool) {
	n := &g.newt
	s := &n.sessions[ev.a]
	if !s.live {
		return b, false
	}
	s.live = false
	n.free = append(n.free, ev.a)
	b = g.newtPrefix(b, "INFO:")
	b = append(b, "ACCESS END "...)
	if s.udp {
		b = append(b, "(reaped) "...)
	}
	b = g.newtSessionFields(b, s)
	b = append(b, " started="...)
	b = g.appendNewtTime(b, s.startNS)
	b = append(b, " ended="...)
	b = g.appendNewtTime(b, g.now)
	b = append(b, " duration="...)
	return append(b, time.Duration(g.now-s.startNS).String()...), true
}

// newtPing is the periodic keepalive; now and then a ping is lost.
func (g *Generator) newtPing(b []byte) []byte {
	g.schedule(g.now+g.jitter(10*time.Second), evNewtPing, 0, 0, 0)
	g.newt.pings++
	if g.r.chance(0.08) {
		b = g.newtPrefix(b, "WARN:")
		b = append(b, "Ping attempt "...)
		b = appendInt(b, int64(g.newt.pings))
		return append(b, " failed: failed to read ICMP packet: i/o timeout"...)
	}
	return append(g.newtPrefix(b, "INFO:"), "Received ping message"...)
}
