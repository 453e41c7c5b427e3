package source

import (
	"bytes"
	"path"
	"strconv"
)

// journald writes this notice under its own identifier when its rate limit
// dropped messages of a unit: "Suppressed %i messages from %s" with the unit
// name (systemd 235 and later) or the unit's cgroup path (older releases,
// "/system.slice/twingate-connector.service").
var (
	journalSuppressedPrefix = []byte("Suppressed ")
	journalSuppressedMiddle = []byte(" messages from ")
)

// journalMaxSuppressedDigits bounds the count so that it fits an int64.
const journalMaxSuppressedDigits = 18

// parseJournalSuppressed reads journald's rate-limit notice: the unit whose
// messages were dropped and how many. ok is false for any other message.
func parseJournalSuppressed(msg []byte) (unit string, count int64, ok bool) {
	rest, found := bytes.CutPrefix(msg, journalSuppressedPrefix)
	if !found {
		return "", 0, false
	}
	digits, rest, found := bytes.Cut(rest, journalSuppressedMiddle)
	if !found || len(digits) == 0 || len(digits) > journalMaxSuppressedDigits {
		return "", 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return "", 0, false
		}
	}
	n, err := strconv.ParseInt(string(digits), 10, 64)
	if err != nil {
		return "", 0, false
	}
	name := string(bytes.TrimSpace(rest))
	if name == "" {
		return "", 0, false
	}
	if name[0] == '/' {
		// A cgroup path: the unit is its last element.
		name = path.Base(name)
		if name == "/" {
			return "", 0, false
		}
	}
	return name, n, true
}
