package synth

import (
	"time"

	"connlog/model"
)

// Tailscale network flow messages, one per five-second window, in the shape
// the flow-log API returns: counters left out when zero, proto left out on
// physical traffic.

const flowWindow = 5 * time.Second

var flowPeers = []uint32{ip4(100, 111, 44, 55), ip4(100, 44, 55, 66), ip4(100, 99, 88, 77), ip4(100, 64, 0, 12)}

const flowSelf = 100<<24 | 111<<16 | 22<<8 | 33

func (g *Generator) flowLine(b []byte) []byte {
	g.meta = Meta{Program: Tailscaled, Stream: model.StreamStdout}
	g.schedule(g.now+int64(flowWindow), evFlow, 0, 0, 0)
	end := g.now - ms(g.r.between(300, 3000))
	start := end - int64(flowWindow) + ms(g.r.between(0, 5))
	b = append(b, `{"start":"`...)
	b = AppendRFC3339(b, start, 9, true)
	b = append(b, `","end":"`...)
	b = AppendRFC3339(b, end, 9, true)
	b = append(b, `","logged":"`...)
	b = AppendRFC3339(b, g.now, 9, true)
	b = append(b, `","nodeId":"nBcdef1CNTRL","virtualTraffic":[`...)
	for i, n := 0, g.r.between(1, 4); i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"proto":`...)
		b = appendInt(b, int64([...]int{6, 6, 6, 17, 1}[g.r.intn(5)]))
		b = append(b, `,"src":"`...)
		b = appendHostPort(b, flowSelf, g.r.between(1024, 65535))
		b = append(b, `","dst":"`...)
		b = appendHostPort(b, flowPeers[g.r.intn(len(flowPeers))], [...]int{22, 443, 2049, 5432}[g.r.intn(4)])
		b = append(b, '"')
		b = g.flowCounters(b)
		b = append(b, '}')
	}
	b = append(b, `],"physicalTraffic":[{"src":"`...)
	b = appendHostPort(b, flowPeers[g.r.intn(len(flowPeers))], 0)
	b = append(b, `","dst":"`...)
	b = appendHostPort(b, g.w.users[g.r.intn(len(g.w.users))].hostIP, 41641)
	b = append(b, '"')
	b = g.flowCounters(b)
	return append(b, "}]}"...)
}

// flowCounters writes the packet and byte counters, leaving zero ones out
// as tailscaled does.
func (g *Generator) flowCounters(b []byte) []byte {
	names := [...]string{`,"txPkts":`, `,"txBytes":`, `,"rxPkts":`, `,"rxBytes":`}
	tx, rx := int64(g.r.intn(60)), int64(g.r.intn(60))
	for i, v := range [...]int64{tx, tx * int64(g.r.between(54, 1400)), rx, rx * int64(g.r.between(54, 1400))} {
		if v != 0 {
			b = append(b, names[i]...)
			b = appendInt(b, v)
		}
	}
	return b
}
