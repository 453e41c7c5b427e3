package synth

import (
	"time"

	"connlog/model"
)

// Generator produces the lines of one synthetic host, in time order. It is
// not safe for concurrent use.
type Generator struct {
	opts   Options
	r      rng
	seed   int64
	w      *world
	now    int64 // Unix nanoseconds of the last line
	seq    uint64
	events eventHeap
	conns  connTable
	procs  [programCount]process
	meta   Meta

	state     connectorState
	down      bool  // the connector process has exited and not yet restarted
	downUntil int64 // when systemd starts the next connector process
	busy      bool
	meanGap   float64 // ns between lines outside bursts
	relays    [4]int  // the connector's current relays, indices into relayPool
	relayDown int     // index into relays of the failing relay, -1 if none
	dnsDown   bool

	bg, bgStarting picker
	newt           newtState
}

// process is one program's current run.
type process struct {
	pid        int
	run        int
	invocation string
	restarted  bool // the next line is the first of a new run
}

const (
	burstFactor   = 4                // lines per second in a busy period, relative to quiet
	burstLength   = 6 * time.Second  // mean length of a busy period
	burstInterval = 90 * time.Second // mean time between busy periods
)

// New returns a generator for seed; the same seed and options give the same
// lines and times.
func New(seed int64, opts Options) *Generator {
	opts = opts.withDefaults()
	g := &Generator{opts: opts, r: newRNG(seed), seed: seed, relayDown: -1, state: stateOnline}
	g.now = opts.Start.UnixNano()
	g.w = newWorld(&g.r, &opts)
	busyShare := burstLength.Seconds() / (burstLength + burstInterval).Seconds()
	g.meanGap = 1e9 / (opts.Rate / (1 - busyShare + busyShare*burstFactor))
	for p := range g.procs {
		g.procs[p] = process{pid: 600 + g.r.intn(30000)}
		g.procs[p].invocation = g.invocationID(Program(p), 0)
	}
	for k, v := range g.r.permutation(len(relayPool))[:len(g.relays)] {
		g.relays[k] = v
	}
	g.buildPickers()
	g.scheduleStart()
	return g
}

// Next appends the next line to buf (without a newline) and returns it with
// its time and origin. The times never go backwards.
func (g *Generator) Next(buf []byte) ([]byte, time.Time, Meta) {
	for {
		g.advance()
		for len(g.events) > 0 && g.events[0].at <= g.now {
			ev := g.events.pop()
			g.meta = Meta{Program: Connector, Stream: model.StreamStderr}
			if line, ok := g.handle(buf[:0], ev); ok {
				return g.finish(line)
			}
		}
		g.meta = Meta{Program: Connector, Stream: model.StreamStderr}
		if line, ok := g.background(buf[:0]); ok {
			return g.finish(line)
		}
	}
}

// advance moves the clock by one gap of a Poisson process whose rate rises
// in busy periods; while the connector is down, time jumps to its restart.
func (g *Generator) advance() {
	gap := g.r.exp(g.meanGap)
	if g.busy {
		gap /= burstFactor
	}
	g.now += int64(gap) + 1
	if g.now < g.downUntil {
		g.now = g.downUntil
	}
}

func (g *Generator) finish(line []byte) ([]byte, time.Time, Meta) {
	p := &g.procs[g.meta.Program]
	g.meta.PID, g.meta.Run, g.meta.Restart = p.pid, p.run, p.restarted
	p.restarted = false
	return line, time.Unix(0, g.now).UTC(), g.meta
}

func (g *Generator) schedule(at int64, kind eventKind, a, b, c int32) {
	g.seq++
	g.events.push(event{at: at, seq: g.seq, kind: kind, a: a, b: b, c: c})
}

// OpenConnections returns how many connections are established and not yet
// closed or failed.
func (g *Generator) OpenConnections() int { return len(g.conns.open) }

// InvocationID returns the systemd invocation id of the program's current
// run; it changes at every restart.
func (g *Generator) InvocationID(p Program) string { return g.procs[p].invocation }

// BootID returns the host's boot id, fixed for a seed.
func (g *Generator) BootID() string { return hexID(g.seed, 0xb007, 0) }

// MachineID returns the host's machine id, fixed for a seed.
func (g *Generator) MachineID() string { return hexID(g.seed, 0x3ac1, 0) }

func (g *Generator) invocationID(p Program, run int) string {
	return hexID(g.seed, uint64(p)+1, uint64(run))
}

// hexID derives a 128-bit id in journald's 32-hex-digit form from its
// parts, without touching the generator's random stream.
func hexID(seed int64, kind, n uint64) string {
	r := newRNG(seed ^ int64(kind*0x9e3779b97f4a7c15) ^ int64(n*0xbf58476d1ce4e5b9))
	b := appendHex(nil, r.u64(), 16)
	return string(appendHex(b, r.u64(), 16))
}

// permutation returns 0..n-1 shuffled.
func (r *rng) permutation(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}
