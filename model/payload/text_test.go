package payload

import (
	"testing"

	"connlog/model"
)

// Pangolin and newt lines from the samples, as payloads: the server's own
// timestamped lines (after the compose prefix) and newt messages (after
// the envelope).
func TestParseText(t *testing.T) {
	runTable(t, []tableCase{
		{"pangolin server warn", `2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1 last hole punch is too old, skipping`,
			want{kind: model.KindText, level: model.LevelWarn, time: rfc(t, "2026-01-29T16:17:37Z"),
				fields: map[string]string{model.KeyMessage: "handleGetConfigMessage: Site 1 last hole punch is too old, skipping"}}},
		{"pangolin server info", `2026-01-29T16:20:22+00:00 [info]: Handling ping request newt message!`,
			want{kind: model.KindText, level: model.LevelInfo, time: rfc(t, "2026-01-29T16:20:22Z"),
				fields: map[string]string{model.KeyMessage: "Handling ping request newt message!"}}},
		{"pangolin server Z", `2025-09-23T10:05:32.524Z [warn]: Site 2 has no endpoint, skipping`,
			want{kind: model.KindText, level: model.LevelWarn, time: rfc(t, "2025-09-23T10:05:32.524Z"),
				fields: map[string]string{model.KeyMessage: "Site 2 has no endpoint, skipping"}}},
		{"level with colon, no bracket", `2025-09-23 10:05:32 ERROR: disk full`,
			want{kind: model.KindText, level: model.LevelError, time: rfc(t, "2025-09-23T10:05:32Z"),
				fields: map[string]string{model.KeyMessage: "disk full"}}},
		{"bracket without colon", `2025-09-23T10:05:32-02:00 [debug] x`,
			want{kind: model.KindText, level: model.LevelDebug, time: rfc(t, "2025-09-23T12:05:32Z"),
				fields: map[string]string{model.KeyMessage: "x"}}},
		// A time without a level is still the line's time (issue 14: read the
		// time a payload carries); the message is what follows it.
		{"time without level keeps the time", `2025-09-23T10:05:32Z started`,
			want{kind: model.KindText, time: rfc(t, "2025-09-23T10:05:32Z"), fields: map[string]string{model.KeyMessage: "started"}}},
		{"word that is not a level", `2025-09-23T10:05:32Z [main]: x`,
			want{kind: model.KindText, time: rfc(t, "2025-09-23T10:05:32Z"), fields: map[string]string{model.KeyMessage: "[main]: x"}}},
		{"single letter is not a level", `2025-09-23T10:05:32Z e: x`,
			want{kind: model.KindText, time: rfc(t, "2025-09-23T10:05:32Z"), fields: map[string]string{model.KeyMessage: "e: x"}}},
		{"invalid date", `2025-13-23T10:05:32Z [warn]: x`, want{kind: model.KindText}},
		{"newt version", `Newt version 1.9.0`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: "Newt version 1.9.0"}}},
		{"newt server version", `Server version: 1.15.2`, want{kind: model.KindText}},
		{"newt websocket", `Websocket connected`, want{kind: model.KindText}},
		{"newt endpoint", `Connecting to endpoint: pangolin.oscarsworld.tech`, want{kind: model.KindText}},
		{"newt get-config", `SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config`, want{kind: model.KindText}},
		{"newt ping failed", `Initial reliable ping failed, but continuing: all 5 ping attempts failed, last error: failed to read ICMP packet: i/o timeout`,
			want{kind: model.KindText}},
		{"newt ping attempt", `Ping attempt 1 failed: failed to read ICMP packet: i/o timeout`, want{kind: model.KindText}},
		{"newt ping check", `Stopping ping check`, want{kind: model.KindText}},
		{"newt proxy", `Started tcp proxy to vaultwarden:80`, want{kind: model.KindText}},
		{"newt struct dump", `Received: {Type:newt/wg/connect Data:map[endpoint:<site-name>:51820 publicKey:<> serverIP:<ip> targets:map[tcp:[] udp:[]] tunnelIP:<ip2>]}`,
			want{kind: model.KindText, fields: map[string]string{model.KeyMessage: `Received: {Type:newt/wg/connect Data:map[endpoint:<site-name>:51820 publicKey:<> serverIP:<ip> targets:map[tcp:[] udp:[]] tunnelIP:<ip2>]}`}}},
		{"gerbil", `Cleared 0 sessions for WG IP: 10.20.245.1`, want{kind: model.KindText}},
		// Whole lines of the samples whose envelope the decoder removes; given
		// as they are, nothing here claims them and they stay text.
		{"newt with envelope", `INFO: 2026/02/10 14:21:37 Newt version 1.9.0`, want{kind: model.KindText,
			fields: map[string]string{model.KeyMessage: "INFO: 2026/02/10 14:21:37 Newt version 1.9.0"}}},
		{"journalctl newt", `Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config`,
			want{kind: model.KindText}},
		{"compose prefix", `pangolin  | 2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1 last hole punch is too old, skipping`,
			want{kind: model.KindText}},
		{"empty", ``, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: ""}}},
	})
}
