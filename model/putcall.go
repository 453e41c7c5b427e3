package model

// putCalls numbers the writer's calls of Append and Prepend, so that what
// a call met by its address (addrSyms' keys and values, the set cache's
// templates and fields) is known by its address in that call only: within
// a call the caller's entries do not change and the heap does not move
// them; across calls an address says nothing, the memory may hold other
// lines.
type putCalls struct {
	running uint32 // the call running, 0 for none
	last    uint32 // the number the last call took
}

// begin numbers a new call. It reports whether the numbers wrapped: what
// was stamped with an old call's number must then be forgotten, for it
// could pass for the new one.
func (c *putCalls) begin() (wrapped bool) {
	c.last++
	if c.last == 0 {
		c.last, wrapped = 1, true
	}
	c.running = c.last
	return wrapped
}

// end closes the call: nothing is known by its address alone any more.
func (c *putCalls) end() { c.running = 0 }
