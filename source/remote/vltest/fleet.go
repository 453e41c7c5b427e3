package vltest

import (
	"fmt"
	"strings"
	"time"
)

// FleetHosts are the fake connector hosts of Fleet.
var FleetHosts = []string{"gw-fra-1", "gw-fra-2", "gw-ams-1"}

// fleetService are Twingate service lines as the connector writes them.
var fleetService = []string{
	"[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error",
	"[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410",
	"[INFO] [connector] State: Online",
	`[INFO] [connector] processing "health" request`,
	`[ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`,
	"[ERROR] [connector] Failed to submit analytics events: dns error: Too many open files",
}

// analytics is one ANALYTICS event; id pairs an establishment with its close.
func analytics(event, id, user string) string {
	return fmt.Sprintf(`ANALYTICS {"connection": {"client_ip": "192.0.2.7", "duration": 3034753, "id": %q, "protocol": "tcp", `+
		`"resource_ip": "10.0.0.5", "resource_port": 5432, "rx": 234867, "tunnel_path": "direct", "tx": 23363}, `+
		`"connector": {"id": "84014", "name": "fra"}, "device": {"id": "200903"}, "event_type": %q, `+
		`"location": "{\"geoip\":{\"city\":\"Frankfurt\",\"country\":\"DE\"}}", "relays": [], `+
		`"remote_network": {"id": "6938", "name": "Frankfurt"}, "resource": {"address": "db.fra.internal", "id": "1"}, `+
		`"timestamp": %d, "user": {"email": %q, "id": "7"}}`, id, event, 1770710400000, user)
}

// Fleet returns each host's entries: service lines, an sshd line, a
// connection established on one host and closed on it later, a restart of
// the connector (a new invocation) and journald's notice that it dropped
// some of the connector's messages, systemd stopping it, at times interleaved across hosts
// starting at base (distinct to the microsecond).
func Fleet(base time.Time) map[string][]Entry {
	out := map[string][]Entry{}
	for h, host := range FleetHosts {
		at := func(i int) time.Time { return base.Add(time.Duration(i*len(FleetHosts)+h) * 100 * time.Millisecond) }
		tg := func(i int, msg string) Entry {
			run := "0d1e2f3a4b5c4d6e8f9a0b1c2d3e4f5a"
			if i >= 9 {
				run = "9f8e7d6c5b4a49382716aa0b1c2d3e4f" // restarted
			}
			return Entry{Time: at(i), Host: host, Unit: "twingate-connector.service", Identifier: "twingate-connector",
				PID: 6479 + h, Invocation: run, Message: msg}
		}
		var es []Entry
		for i, m := range fleetService {
			es = append(es, tg(i, m))
		}
		n := len(fleetService)
		id := fmt.Sprintf("e755ba99988db558-%d", 20+h)
		user := "alice@" + strings.TrimPrefix(host, "gw-") + ".example"
		es = append(es, tg(n, analytics("established_connection", id, user)))
		es = append(es, Entry{Time: at(n + 1), Host: host, Unit: "ssh.service", Identifier: "sshd", PID: 601, Message: "Server listening on 0.0.0.0 port 22."})
		es = append(es, tg(n+2, analytics("closed_connection", id, user)))
		es = append(es, Entry{Time: at(n + 3), Host: host, Unit: "systemd-journald.service", Identifier: "systemd-journald",
			PID: 312, Message: "Suppressed 57 messages from twingate-connector.service"})
		es = append(es, tg(n+4, "[INFO] [connector] State: Online"))
		// systemd's message about the unit, which -u shows as journalctl's does
		es = append(es, Entry{Time: at(n + 5), Host: host, Unit: "init.scope", Identifier: "systemd", PID: 1,
			Extra: []string{"UNIT=twingate-connector.service", "_UID=0"}, Message: "Stopping twingate-connector.service - Twingate Connector..."})
		out[host] = es
	}
	return out
}
