package synth

import "connlog/model"

// Program is the process a line comes from. Envelopes use it to name the
// unit, identifier and PID that carried the line.
type Program uint8

// The programs of the synthetic host.
const (
	Connector  Program = iota // twingate-connector
	Analyzer                  // AQtive Guard (cryptosense analyzer) structured logs
	Newt                      // Pangolin newt site connector
	Tailscaled                // tailscaled network flow messages
	programCount
)

// Identity is how the host's service manager knows a program.
type Identity struct {
	Unit       string // systemd unit
	Identifier string // SYSLOG_IDENTIFIER and the syslog tag
	Comm       string // kernel comm name, truncated to 15 bytes
	Exe        string
	Cmdline    string
	UID        int
}

var identities = [programCount]Identity{
	Connector:  {"twingate-connector.service", "twingate-connector", "twingate-connec", "/usr/bin/twingate-connector", "/usr/bin/twingate-connector --systemd-watchdog", 65326},
	Analyzer:   {"cryptosense-analyzer.service", "cryptosense-analyzer", "cryptosense-ana", "/opt/cryptosense/bin/analyzer", "/opt/cryptosense/bin/analyzer --config /etc/cryptosense-analyzer/config", 998},
	Newt:       {"newt.service", "newt", "newt", "/usr/local/bin/newt", "/usr/local/bin/newt", 0},
	Tailscaled: {"tailscaled.service", "tailscaled", "tailscaled", "/usr/sbin/tailscaled", "/usr/sbin/tailscaled --state=/var/lib/tailscale/tailscaled.state --socket=/run/tailscale/tailscaled.sock --port=41641", 0},
}

// Identity returns the program's unit, identifier and executable.
func (p Program) Identity() Identity {
	if p < programCount {
		return identities[p]
	}
	return identities[Connector]
}

// String returns the program's syslog identifier.
func (p Program) String() string { return p.Identity().Identifier }

// Meta says where a generated line comes from.
type Meta struct {
	Program Program
	// PID is the process id of the program's current run.
	PID int
	// Run counts the program's restarts: 0 for the first process.
	Run int
	// Restart is true for the first line of a new run after a restart, so
	// that a source can mark the boundary and an envelope change its PID
	// and invocation id.
	Restart bool
	// Stream is the output stream the program wrote the line to.
	Stream model.Stream
}

// connectorState is the connector's state machine, as its
// "[INFO] [connector] State: …" lines name it.
type connectorState uint8

const (
	stateOnline connectorState = iota
	stateOffline
	stateAuthentication
	stateError
)

func (s connectorState) String() string {
	return [...]string{"Online", "Offline", "Authentication", "Error"}[s]
}
