package payload

import (
	"testing"

	"connlog/model"
)

// Lines of the samples and formats.md whose envelope (newt's "LEVEL: date
// time", journalctl's short format, docker compose's "name | ") or third
// party label is still on, plus the human-readable and abbreviated forms
// the notes quote. Given to Parse as they are, they must come out as text
// holding the line byte for byte, never dropped and never misread.
func TestParseQuotedLinesAsText(t *testing.T) {
	lines := []string{
		`INFO: 2026/02/10 14:21:37 Newt version 1.9.0`,
		`INFO: 2026/02/10 14:21:37 Server version: 1.15.2`,
		`INFO: 2026/02/10 14:21:37 Websocket connected`,
		`INFO: 2026/02/10 14:21:37 Connecting to endpoint: pangolin.oscarsworld.tech`,
		`INFO: 2026/02/10 14:21:57 SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config`,
		`WARN: 2026/02/10 14:22:08 Initial reliable ping failed, but continuing: all 5 ping attempts failed, last error: failed to read ICMP packet: i/o timeout`,
		`WARN: 2026/02/10 14:22:13 Ping attempt 1 failed: failed to read ICMP packet: i/o timeout`,
		`WARN: 2026/02/10 14:22:18 Ping attempt 2 failed: failed to read ICMP packet: i/o timeout`,
		`INFO: 2025/08/30 13:50:08 Received ping message`,
		`INFO: 2025/08/30 13:50:09 Received registration message`,
		`INFO: 2025/08/30 13:50:09 Stopping ping check`,
		`INFO: 2025/08/30 13:50:09 Connecting to endpoint: xxx.xxx.xxx.xxx`,
		`INFO: 2025/08/30 13:50:09 Initial connection test successful`,
		`INFO: 2025/08/30 13:50:10 Tunnel connection to server established successfully!`,
		`INFO: 2025/08/30 13:50:10 Successfully added 0 health check targets`,
		`INFO: 2025/08/30 13:50:10 Started tcp proxy to vaultwarden:80`,
		`INFO: 2025/05/22 08:55:19 Received: {Type:newt/wg/connect Data:map[endpoint:<site-name>:51820 publicKey:<> serverIP:<ip> targets:map[tcp:[] udp:[]] tunnelIP:<ip2>]}`,
		`INFO: 2025/05/22 08:55:19 WireGuard device created. Lets ping the server now...`,
		`WARN: 2025/05/22 08:59:40 Ping attempt 19 failed: failed to read ICMP packet: i/o timeout`,
		`INFO: 2025/05/22 08:59:46 Ping attempt 20`,
		`Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config`,
		`pangolin  | 2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1 last hole punch is too old, skipping`,
		`pangolin  | 2026-01-29T16:20:22+00:00 [info]: Handling ping request newt message!`,
		`gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1`,
		`INFO: SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config`,
		`INFO: 2026/02/10 14:21:37 ACCESS START session=<16hex> resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`,
		`Received Decompressed Body: [{"logtail":{"client_time":"2025-02-14T00:50:06.4918846Z","proc_id":2604043402,"proc_seq":82},"nodeId":"1","start":"2025-02-14T00:50:03.665123895Z","end":"2025-02-14T00:50:06.491818802Z","exitTraffic":[{"dst":"100.64.0.1:0","txPkts":1,"txBytes":27}],"physicalTraffic":[{"src":"100.64.0.1:0","dst":"192.168.1.2:41641","txPkts":1,"txBytes":64,"rxPkts":2,"rxBytes":208}]}`,
		`Received Decompressed Body: [{"logtail":{"client_time":"2025-02-14T00:50:31.491756877Z","proc_id":2604043402,"proc_seq":84},"nodeId":"1","start":"2025-02-14T00:50:29.43977283Z","end":"2025-02-14T00:50:31.491661763Z","virtualTraffic":[{"proto":6,"src":"100.64.0.100:61843","dst":"100.64.0.1:32856","txPkts":2,"txBytes":104},{"proto":6,"src":"100.64.0.100:61843","dst":"100.64.0.1:32846","txPkts":2,"txBytes":104}],"physicalTraffic":[{"src":"100.64.0.1:0","dst":"192.168.1.2:41641","txPkts":4,"txBytes":384,"rxPkts":4,"rxBytes":384}]}`,
		`NodeID: n123456CNTRL`,
		`Logged: 2022-10-13T20:23:10.165Z`,
		`Window: 2022-10-13T20:23:09.644Z (5s)`,
		`VirtualTraffic:   ...   Tx[P/s] Tx[B/s] Rx[P/s] Rx[B/s]`,
		`    TCP:    100.109.51.95:22 -> 100.85.80.41:42912    16.00    1.59Ki   10.40   1008.84`,
		`PhysicalTraffic:`,
		`                100.85.80.41 -> 192.168.0.101:41641   16.00    2.23Ki   10.40      1.40Ki`,
		`twingate-connector[6479]: Response was: {...}`,
		`sdwan_state: Offline User`,
		`orgId,action,actorType,timestamp,actor`,
	}
	for _, line := range lines {
		t.Run(line, func(t *testing.T) {
			check(t, parseOne(t, line), want{kind: model.KindText, fields: map[string]string{model.KeyMessage: line}})
		})
	}
}

// formats.md abbreviates some lines with "{...}" and "..."; the short
// forms parse like the full ones.
func TestParseAbbreviatedServiceLines(t *testing.T) {
	runTable(t, []tableCase{
		{"posture abbreviated", `[INFO][client]Client posture data collected. {...}`, want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "client", model.KeyMessage: "Client posture data collected. {...}"}}},
		{"ssl abbreviated", `[WARN] SSL check error from host: ...`, want{kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyMessage: "SSL check error from host: ..."}}},
		{"relay placeholder", `[ERROR] [libsdwan] listen::maintain_relay_connectivity: relay [IP address and port] is not available, disconnect`,
			want{kind: model.KindService, level: model.LevelError, fields: map[string]string{model.KeyFunction: "listen::maintain_relay_connectivity"}}},
		{"anonymised exit entry alone", `{"dst":"100.64.0.1:0","txPkts":1,"txBytes":27}`, want{kind: model.KindJSON,
			fields: map[string]string{model.KeyDst: "100.64.0.1:0"}, nums: map[string]float64{model.KeyTxPkts: 1, model.KeyTxBytes: 27}}},
	})
}

// newt's format strings, verbatim from formats.md: they have the line's
// shape, so they are session entries, and their placeholders are errors.
func TestParseNewtTemplates(t *testing.T) {
	for _, line := range []string{
		`ACCESS START session=%s resource=%d proto=tcp src=%s dst=%s time=%s`,
		`ACCESS START session=%s resource=%d proto=udp src=%s dst=%s time=%s`,
		`ACCESS END session=%s resource=%d proto=tcp src=%s dst=%s started=%s ended=%s duration=%s`,
		`ACCESS END session=%s resource=%d proto=udp src=%s dst=%s started=%s ended=%s duration=%s`,
		`ACCESS END (reaped) session=%s resource=%d proto=udp src=%s dst=%s started=%s ended=%s duration=%s`,
		`ACCESS END (shutdown) session=%s resource=%d proto=%s src=%s dst=%s started=%s ended=%s duration=%s`,
	} {
		t.Run(line, func(t *testing.T) {
			check(t, parseOne(t, line), want{kind: model.KindSession,
				fields: map[string]string{model.KeySessionID: "%s", model.KeySiteResource: "%d"}, errHas: "is not RFC 3339"})
		})
	}
	check(t, parseOne(t, `ACCESS START session=<16hex> resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`),
		want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:21:37Z"), fields: map[string]string{model.KeySessionID: "<16hex>"},
			nums: map[string]float64{model.KeySiteResource: 35}})
}
