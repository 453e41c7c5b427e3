package payload

// ServiceLine returns the part of a service entry's payload that its
// service-line parse reads, "[LEVEL] [module] … message": the payload
// without its colours and without a time its writer put in front of it, a
// program's own as a stamped text line has it ("2026-12-06T01:00:00.123456Z
// [INFO] …", "2026-12-06 01:00:00 [INFO] …", see parseStampedText) or the
// Twingate client's ("[2025-11-01T14:06:16Z] [INFO] …"). The same line
// carried with its time in an envelope (`docker logs -t`, the journal) has
// the same part, so that what is made of it (a template) does not depend
// on where the time was written. It is p itself when there is nothing to
// remove.
func ServiceLine(p []byte) []byte {
	p = WithoutColour(p)
	switch {
	case len(p) == 0:
	case p[0] >= '0' && p[0] <= '9':
		if h, ok := readStampedHead(p); ok && h.rest < len(p) && p[h.rest] == '[' {
			return p[h.rest:]
		}
	case p[0] == '[':
		if _, rest, ok := clientTime(p); ok {
			return rest
		}
	}
	return p
}
