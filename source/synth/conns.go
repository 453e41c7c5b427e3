package synth

// conn is one connection attempt, from the line that starts it to the
// ANALYTICS event that ends it. Slots are reused; gen tells a stale
// scheduled event (from before a restart) from a current one.
type conn struct {
	gen         int32
	live        bool
	established bool // its established_connection line is out
	openIdx     int32
	dev         int32
	res         int16
	city        int16
	port        int32
	resIP       uint32
	clientIP    uint32
	relays      [4]int8 // indices into relayPool
	nRelays     int8
	cbct        int32
	counter     int32
	session     uint64
	startNS     int64  // time of the established line
	endReason   string // failure text for failed/denied endings; "" for a normal close
	rxRate      float64
	txRate      float64
	idle        int64 // ns of idle timeout included in the lifetime (UDP)
}

func (c *conn) udp() bool { return resourceDefs[c.res].udp }

// connTable holds every live attempt and the list of established ones that
// chatter lines may mention.
type connTable struct {
	slots   []conn
	free    []int32
	open    []int32
	relayed int // open connections going through relays
}

func (t *connTable) alloc() int32 {
	if n := len(t.free); n > 0 {
		i := t.free[n-1]
		t.free = t.free[:n-1]
		return i
	}
	t.slots = append(t.slots, conn{})
	return int32(len(t.slots) - 1)
}

// release frees a slot and invalidates the events still scheduled for it.
func (t *connTable) release(i int32) {
	c := &t.slots[i]
	if c.established {
		t.unlist(i)
	}
	c.live, c.established = false, false
	c.gen++
	t.free = append(t.free, i)
}

func (t *connTable) list(i int32) {
	if t.slots[i].nRelays > 0 {
		t.relayed++
	}
	t.slots[i].established = true
	t.slots[i].openIdx = int32(len(t.open))
	t.open = append(t.open, i)
}

// unlist removes a slot from the open list by swapping the last one in.
func (t *connTable) unlist(i int32) {
	if t.slots[i].nRelays > 0 {
		t.relayed--
	}
	k := t.slots[i].openIdx
	last := t.open[len(t.open)-1]
	t.open[k] = last
	t.slots[last].openIdx = k
	t.open = t.open[:len(t.open)-1]
}

// someOpen returns an established connection at random, or nil.
func (g *Generator) someOpen() *conn {
	if len(g.conns.open) == 0 {
		return nil
	}
	return &g.conns.slots[g.conns.open[g.r.intn(len(g.conns.open))]]
}

// appendConnID writes a connection id in the shape of the vendor's example,
// "e755ba99988db558-24": the device session and a counter.
func appendConnID(b []byte, c *conn) []byte {
	b = appendHex(b, c.session, 16)
	b = append(b, '-')
	return appendInt(b, int64(c.counter))
}
