package model

import "strings"

// Kind is the family an entry belongs to; it decides which fields it has and
// which columns the table shows for it.
type Kind uint8

// The kinds, in the order the UI lists them.
const (
	KindText      Kind = iota // anything no parser claimed; never dropped
	KindService               // Twingate / library service line: [LEVEL] [module] message
	KindAnalytics             // Twingate ANALYTICS {json} connection event
	KindAudit                 // AQtive Guard flat JSON record, or a Linux audit (auditd, kernel) record
	KindFlow                  // one traffic item of a Tailscale flow message
	KindSession               // Pangolin connection record or newt ACCESS line
	KindJSON                  // any other JSON object
	KindGap                   // a loss the ledger knows about (rotation, truncation, suppression, eviction)
	KindBoundary              // the service restarted or the host rebooted
	kindCount
)

var kindNames = [kindCount]string{"text", "service", "analytics", "audit", "flow", "session", "json", "gap", "boundary"}

// String returns the kind's name as used in queries and exports.
func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "unknown"
}

// Kinds lists every kind, in display order.
func Kinds() []Kind {
	out := make([]Kind, kindCount)
	for i := range out {
		out[i] = Kind(i)
	}
	return out
}

// ParseKind accepts a kind name in any case, plus the plural "sessions" and
// "flows" and "connection(s)" for analytics, so that command-line lists read naturally.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "connection", "connections", "conn":
		return KindAnalytics, true
	case "flows":
		return KindFlow, true
	case "sessions":
		return KindSession, true
	}
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return KindText, false
}
