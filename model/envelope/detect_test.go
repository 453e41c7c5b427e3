package envelope

import "testing"

func TestDetect(t *testing.T) {
	cases := []struct {
		name string
		line string
		want Kind
	}{
		{"docker json-file", `{"log":"[INFO] [connector] State: Error\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`, DockerJSON},
		{"docker json-file with space", `{ "log":"x\n"}`, DockerJSON},
		{"journalctl json", journalLine, JournalJSON},
		{"journalctl json spaced", `{ "__CURSOR" : "s=1", "MESSAGE" : "x" }`, JournalJSON},
		{"docker logs -t", "2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Error", DockerTS},
		{"cri", "2016-10-06T00:17:09.669794202Z stderr F ANALYTICS {}", CRI},
		{"cri with short fraction", "2016-10-06T00:17:09.6Z stdout P x", CRI},
		{"journalctl short", "Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out", Syslog},
		{"journalctl short-iso", "2026-11-20T08:00:01+0000 host kernel: eth0: link up", Syslog},
		{"journalctl short-precise", "Nov 20 08:00:01.123456 host systemd[1]: Started x.", Syslog},
		{"newt", "INFO: 2026/02/10 14:21:37 Newt version 1.9.0", Newt},
		{"newt without date", "INFO: SendMessageInterval timed out", Newt},
		{"compose", "pangolin  | 2026-01-29T16:20:22+00:00 [info]: Handling ping request newt message!", Compose},
		{"compose newt", "gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1", Compose},
		{"twingate service", "[INFO] [connector] State: Error", Bare},
		{"analytics", `ANALYTICS {"event_type": "closed_connection"}`, Bare},
		{"pubnub json", `{"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`, Bare},
		{"pangolin server line with its own millisecond time", "2025-09-23T10:05:32.524Z [warn]: Site 2 has no endpoint, skipping", Bare},
		{"pangolin line with offset", "2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1", Bare},
		{"journalctl prefix without date", "twingate-connector[6479]: Response was: {}", Bare},
		{"month-like word", "Main process exited", Bare},
		{"syslog without tag", "Nov 20 08:00:01 host -- MARK --", Bare},
		{"connectorctl", "OK", Bare},
		{"empty", "", Bare},
		{"NUL and invalid UTF-8", "\x00\xff\xfe", Bare},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect([]byte(tc.line)); got != tc.want {
				t.Errorf("Detect = %v, want %v", got, tc.want)
			}
		})
	}
}

// Every line Detect claims must decode with the envelope it named.
func TestDetectedLinesDecode(t *testing.T) {
	lines := []string{
		`{"log":"x\n","stream":"stdout","time":"2023-09-15T12:03:47.692712516Z"}`,
		journalLine,
		"2023-09-15T12:03:47.692712516Z x",
		"2016-10-06T00:17:09.669794202Z stderr F x",
		"Sep 23 12:05:50 dente newt[408]: x",
		"INFO: x",
		"pangolin  | x",
	}
	for _, l := range lines {
		k := Detect([]byte(l))
		if k == Bare {
			t.Errorf("%q detected as bare", l)
			continue
		}
		if _, ok := Decode(k, []byte(l), Context{}); !ok {
			t.Errorf("%q detected as %v but does not decode", l, k)
		}
	}
}
