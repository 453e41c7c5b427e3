package payload

import "bytes"

// ServiceReach returns how many of p's first bytes ServiceIndex's answer
// for p depends on, when p opens with one of the common level tags: every
// line that begins with those bytes gets the same answer (a service line,
// of the same level, module and function), whatever follows them, colours
// included. It returns 0 when the answer may depend on more: another
// opening, colours within those bytes, or a scan that met p's end (a line
// that ends there could be read otherwise than one that goes on).
//
// It reads p as ServiceIndex does (serviceOpening, scanServiceParts,
// functionPrefix), noting the furthest byte each step looks at;
// FuzzServiceReach holds it to ServiceIndex on lines that share the bytes
// and differ after them.
func ServiceReach(p []byte) int {
	_, end := commonTag(p)
	if end == 0 {
		return 0
	}
	i := skipBlanks(p, end+1)
	if i >= len(p) || p[i] == '{' {
		return 0 // a line that ends at its tag, or "[INFO] {…}": no service line to remember
	}
	reach := max(8, i+1) // commonTag reads eight bytes; skipBlanks, the byte it stops at
	if p[i] == '[' {
		// opensJSON: the first byte inside the bracket after its blanks.
		j := i + insideBracket(p[i:])
		if j >= len(p) || p[j] == '{' || p[j] == '[' {
			return 0
		}
		reach = max(reach, j+1)
	}
	i, reach, ok := modulesReach(p, i, reach)
	if !ok {
		return 0
	}
	// functionPrefix: the token's bytes, then the byte after them.
	j, _ := functionToken(p, i)
	if j >= len(p) {
		return 0
	}
	reach = max(reach, j+1)
	if bytes.IndexByte(p[:reach], esc) >= 0 {
		return 0
	}
	return reach
}

// modulesReach is scanServiceParts's loop over the module brackets from
// i, which reach bytes were already read up to: it returns where the
// function's token begins and how far the loop read, and false when it
// met p's end.
func modulesReach(p []byte, i, reach int) (int, int, bool) {
	for n := 0; i < len(p) && p[i] == '[' && n < maxModuleGroups; n++ {
		w := min(len(p), i+maxModuleLen+2)
		close := bytes.IndexByte(p[i:w], ']')
		if close < 0 {
			if w == len(p) {
				return 0, 0, false
			}
			return i, max(reach, w), true
		}
		reach = max(reach, i+close+1)
		if close < 2 || !isModuleToken(p[i+1:i+close]) {
			return i, reach, true
		}
		i = skipBlanks(p, i+close+1)
		if i >= len(p) {
			return 0, 0, false
		}
		reach = max(reach, i+1)
	}
	return i, reach, i < len(p)
}
