package envelope

import (
	"slices"
	"strings"
)

// Kind names an envelope: how a line was carried before it reached connlog.
type Kind uint8

// The envelopes connlog understands. Bare is the zero value: the line is its
// own payload.
const (
	Bare          Kind = iota // the line itself
	DockerJSON                // Docker json-file: {"log":"...\n","stream":"stdout","time":"..."}
	DockerTS                  // docker logs -t: "<RFC3339Nano> <line>"
	CRI                       // Kubernetes CRI: "<RFC3339Nano> <stdout|stderr> <F|P> <line>"
	Syslog                    // classic syslog and journalctl short, short-iso, short-precise
	JournalJSON               // journalctl -o json
	Newt                      // Pangolin newt: "LEVEL: YYYY/MM/DD HH:MM:SS msg"
	Compose                   // docker compose logs: "name  | line"
	ConnlogNDJSON             // connlog's own ndjson export: {"seq":1,"time":…,"source":{…},…,"raw":"…"}
	kindCount
)

var kindNames = [kindCount]string{"bare", "docker-json", "docker-ts", "cri", "syslog", "journal-json", "newt", "compose", "connlog-ndjson"}

// kindAliases are the other spellings a user may type for an envelope.
var kindAliases = map[string]Kind{
	"none":            Bare,
	"raw":             Bare,
	"text":            Bare,
	"json-file":       DockerJSON,
	"docker":          DockerJSON,
	"docker-logs":     DockerTS,
	"containerd":      CRI,
	"kubernetes":      CRI,
	"k8s":             CRI,
	"journalctl":      Syslog,
	"short":           Syslog,
	"short-iso":       Syslog,
	"short-precise":   Syslog,
	"json":            JournalJSON,
	"journalctl-json": JournalJSON,
	"docker-compose":  Compose,
	"ndjson":          ConnlogNDJSON,
}

// String returns the envelope's name as used by --envelope and shown in the
// detail pane ("docker-json", "syslog", ...).
func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "bare"
}

// Kinds lists every envelope, Bare first.
func Kinds() []Kind {
	out := make([]Kind, kindCount)
	for i := range out {
		out[i] = Kind(i)
	}
	return out
}

// Names returns the envelope names separated by ", ", each followed by the
// other spellings ParseKind accepts for it ("bare (or none, raw, text)"),
// for help texts and error messages: a name accepted but not listed reads
// as a mistake let through.
func Names() string {
	names := make([]string, len(kindNames))
	for k, n := range kindNames {
		if aliases := aliasesOf(Kind(k)); len(aliases) > 0 {
			n += " (or " + strings.Join(aliases, ", ") + ")"
		}
		names[k] = n
	}
	return strings.Join(names, ", ")
}

// aliasesOf returns the other spellings of k, sorted so the list reads the
// same every time.
func aliasesOf(k Kind) []string {
	var out []string
	for alias, ak := range kindAliases {
		if ak == k {
			out = append(out, alias)
		}
	}
	slices.Sort(out)
	return out
}

// ParseKind accepts an envelope name in any case, or one of a few common
// aliases ("json-file", "k8s", "journalctl"). It reports false for anything
// else, including the empty string.
func ParseKind(s string) (Kind, bool) {
	if k, ok := exactKind(s); ok { // as connlog writes it: each re-read line asks
		return k, true
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if k, ok := exactKind(s); ok {
		return k, true
	}
	if k, ok := kindAliases[s]; ok {
		return k, true
	}
	return Bare, false
}

// exactKind finds the envelope named s exactly.
func exactKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return Bare, false
}
