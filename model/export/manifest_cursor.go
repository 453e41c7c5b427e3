package export

import (
	"strconv"
	"strings"
)

// cursorBefore reports whether journal cursor a names an entry read before
// b's: by sequence number within one sequence ID (journalctl's order), else
// by realtime. It is false when the cursors do not tell (another source's
// cursors, or garbled ones): then the later of two records stands, as the
// manifest's last cursor always did.
func cursorBefore(a, b string) bool {
	ca, cb := cursorParts(a), cursorParts(b)
	switch {
	case ca.seqID != "" && ca.seqID == cb.seqID && ca.hasSeq && cb.hasSeq:
		return ca.seq < cb.seq
	case ca.hasTime && cb.hasTime:
		return ca.time < cb.time
	}
	return false
}

// journalCursor is what cursorBefore reads of a cursor
// ("s=…;i=…;b=…;m=…;t=…;x=…", numbers in hex).
type journalCursor struct {
	seqID           string
	seq, time       uint64
	hasSeq, hasTime bool
}

func cursorParts(c string) journalCursor {
	var jc journalCursor
	for part := range strings.SplitSeq(c, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "s":
			jc.seqID = v
		case "i":
			n, err := strconv.ParseUint(v, 16, 64)
			jc.seq, jc.hasSeq = n, err == nil
		case "t":
			n, err := strconv.ParseUint(v, 16, 64)
			jc.time, jc.hasTime = n, err == nil
		}
	}
	return jc
}
