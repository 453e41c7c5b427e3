package payload

import (
	"testing"
	"time"

	"connlog/model"
)

func TestParseRealWorld(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name   string
		line   string
		kind   model.Kind
		level  model.Level
		time   time.Time
		fields map[string]string
	}{
		{"Twingate client line with its own time and caller",
			"[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] Service state updated. [StateAggregationService.set_State]",
			model.KindService, model.LevelDebug, at("2025-11-01T19:06:16.967866Z"),
			map[string]string{"module": "client", "message": "Service state updated.", "caller": "StateAggregationService.set_State"}},
		{"client line whose message ends in an address keeps it",
			"[2025-11-01T14:06:16Z] [INFO] [client] Connecting to [10.0.0.1]",
			model.KindService, model.LevelInfo, at("2025-11-01T14:06:16Z"),
			map[string]string{"message": "Connecting to [10.0.0.1]", "caller": ""}},
		{"a bracketed time without a service line is text with that time",
			"[2025-11-01T14:06:16Z] hello", model.KindText, model.LevelNone, at("2025-11-01T14:06:16Z"), map[string]string{"message": "hello"}},
		{"bracketed time, then a module and a lower-case level (Mullvad's WireGuard)",
			"[2022-12-28 19:16:44.874][WireGuard][debug] pid=456 Routine: decryption worker 2 - started",
			model.KindText, model.LevelDebug, at("2022-12-28T19:16:44.874Z"),
			map[string]string{"message": "[WireGuard][debug] pid=456 Routine: decryption worker 2 - started"}},
		{"a bracket holding a number is not a time", "[1] [INFO] x", model.KindText, model.LevelNone, time.Time{}, nil},
		{"zerolog console", "2026-08-18T10:19:03Z WRN Failed to serve quic connection connIndex=2",
			model.KindText, model.LevelWarn, at("2026-08-18T10:19:03Z"),
			map[string]string{"message": "Failed to serve quic connection connIndex=2"}},
		{"Rust tracing, two spaces", "2022-08-19T19:55:28.256Z  WARN warp::dns: msg",
			model.KindText, model.LevelWarn, at("2022-08-19T19:55:28.256Z"), map[string]string{"message": "warp::dns: msg"}},
		{"log4j with a comma fraction", "2026-01-02 15:04:05,123 ERROR [main] com.example.App - boom",
			model.KindText, model.LevelError, at("2026-01-02T15:04:05.123Z"), map[string]string{"message": "[main] com.example.App - boom"}},
		{"Python logging", "2025-08-06 00:16:20,123 - root - WARNING - Tests timed out",
			model.KindText, model.LevelWarn, at("2025-08-06T00:16:20.123Z"), map[string]string{"module": "root", "message": "Tests timed out"}},
		{"Python logging, dotted logger name", "2024-12-12 14:35:00,122 - app.grasp - ERROR - not found",
			model.KindText, model.LevelError, at("2024-12-12T14:35:00.122Z"), map[string]string{"module": "app.grasp", "message": "not found"}},
		{"a lower-case level word after a time (3x-ui, zap)", "2026-08-25 01:17:45 debug NE: WG: Routine: encryption worker 5 - started",
			model.KindText, model.LevelDebug, at("2026-08-25T01:17:45Z"), map[string]string{"message": "NE: WG: Routine: encryption worker 5 - started"}},
		{"zap console with tabs", "2025-01-30T14:07:10.231Z\tINFO\trpcLog\t{\"totalDur\": 0.003}",
			model.KindText, model.LevelInfo, at("2025-01-30T14:07:10.231Z"), nil},
		{"logcat-like: pid and thread id before the level", "2024-04-04T03:23:25.000000857Z 25007 30026 DEBUG WireGuard/GoBackend: message= Routine: handshake worker 1 - started",
			model.KindText, model.LevelDebug, at("2024-04-04T03:23:25.000000857Z"), nil},
		{"a lower-case abbreviation after a time is message text, the time is kept", "2026-01-02 15:04:05 err rate rose",
			model.KindText, model.LevelNone, at("2026-01-02T15:04:05Z"), map[string]string{"message": "err rate rose"}},
		{"Go's time.String() with its zone after a space (podman)", "2022-03-24 12:28:45.15434599 +0100 CET m=+32.851896863 container kill bdbff9c3866b",
			model.KindText, model.LevelNone, at("2022-03-24T11:28:45.15434599Z"), map[string]string{"message": "m=+32.851896863 container kill bdbff9c3866b"}},
		{"a time and a colon, no level", "2019-03-26 09:37:32.065569: [NET] Routine: handshake worker - started",
			model.KindText, model.LevelNone, at("2019-03-26T09:37:32.065569Z"), map[string]string{"message": "[NET] Routine: handshake worker - started"}},
		{"Python basicConfig", "WARNING:root:disk almost full",
			model.KindText, model.LevelWarn, time.Time{}, map[string]string{"module": "root", "message": "disk almost full"}},
		{"a sentence with a colon is not Python's format", "ERROR: could not connect: refused",
			model.KindText, model.LevelNone, time.Time{}, nil},
		{"logfmt with quotes", `time="2017-03-27T13:06:59Z" level=info msg="Traefik version v1.2.0" `,
			model.KindText, model.LevelInfo, at("2017-03-27T13:06:59Z"), map[string]string{"message": "Traefik version v1.2.0"}},
		{"logfmt with other pairs", `time=2024-06-05T14:35:56.145+03:30 level=DEBUG msg="Routine: started" subsystem=wireguard-go`,
			model.KindText, model.LevelDebug, at("2024-06-05T11:05:56.145Z"), map[string]string{"message": "Routine: started", "subsystem": "wireguard-go"}},
		{"logfmt with CRLF, quoted", "time=\"2026-12-04T10:00:00Z\" level=error msg=\"x\"\r",
			model.KindText, model.LevelError, at("2026-12-04T10:00:00Z"), map[string]string{"message": "x"}},
		{"logfmt with CRLF, bare values", "level=warn msg=y k=v\r",
			model.KindText, model.LevelWarn, time.Time{}, map[string]string{"message": "y", "k": "v"}},
		{"an equals sign in prose is not logfmt", "level=high is what the sensor said, msg", model.KindText, model.LevelNone, time.Time{}, nil},
		{"logrus text with a time", `INFO[2016-05-25T00:33:59Z] Starting server on :80`,
			model.KindText, model.LevelInfo, at("2016-05-25T00:33:59Z"), map[string]string{"message": "Starting server on :80"}},
		{"logrus text with seconds since start", `WARN[0012] retrying`,
			model.KindText, model.LevelWarn, time.Time{}, map[string]string{"message": "retrying"}},
		{"a bracket after a capitalised word is not logrus", `INFO[abc] x`, model.KindText, model.LevelNone, time.Time{}, nil},
		{"journalctl blob placeholder", "[75B blob data]", model.KindText, model.LevelNone, time.Time{},
			map[string]string{"message": "[75B blob data]"}},
		{"ECS log.level in generic JSON", `{"@timestamp": "2025-12-17T15:25:46.032+00:00", "message": "x", "log.level": "warning"}`,
			model.KindJSON, model.LevelWarn, at("2025-12-17T15:25:46.032Z"), map[string]string{"message": "x"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rs := Parse([]byte(tc.line), nil)
			if len(rs) != 1 {
				t.Fatalf("%d results", len(rs))
			}
			r := rs[0]
			if r.Kind != tc.kind || r.Level != tc.level || !r.Time.Equal(tc.time) {
				t.Errorf("got %v %v %v, want %v %v %v", r.Kind, r.Level, r.Time, tc.kind, tc.level, tc.time)
			}
			for k, v := range tc.fields {
				if got := r.Fields.Value(k); got != v {
					t.Errorf("field %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestBlobPlaceholderIsExplained(t *testing.T) {
	for _, line := range []string{"[75B blob data]", "[1.9K blob data]"} {
		r := Parse([]byte(line), nil)[0]
		if r.Fields.Value(model.KeyExplanation) == "" {
			t.Errorf("%q has no explanation: %+v", line, r.Fields)
		}
	}
	for _, line := range []string{"[blob data]", "[75X blob data]", "[75B blob data] and more"} {
		if r := Parse([]byte(line), nil)[0]; r.Fields.Value(model.KeyExplanation) != "" {
			t.Errorf("%q explained as a placeholder", line)
		}
	}
}
