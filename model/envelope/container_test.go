package envelope

import (
	"testing"

	"connlog/model"
)

func TestDecodeDockerTS(t *testing.T) {
	ts := utc(t, "2023-09-15T12:03:47.692712516Z")
	cases := []struct {
		name string
		line string
		want want
	}{
		{"service line", "2023-09-15T12:03:47.692712516Z [WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410",
			want{ok: true, payload: "[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410", time: ts}},
		{"library line", "2023-09-15T12:03:47.692712516Z [msg] All nameservers have failed",
			want{ok: true, payload: "[msg] All nameservers have failed", time: ts}},
		{"empty line", "2023-09-15T12:03:47.692712516Z", want{ok: true, payload: "", time: ts}},
		{"numeric offset", "2023-09-15T14:03:47.692712516+02:00 OK", want{ok: true, payload: "OK", time: ts}},
		{"newt inside takes level, keeps the docker time",
			"2023-09-15T12:03:47.692712516Z WARN: 2026/02/10 14:22:13 Ping attempt 1 failed: failed to read ICMP packet: i/o timeout",
			want{ok: true, payload: "Ping attempt 1 failed: failed to read ICMP packet: i/o timeout", time: ts, level: model.LevelWarn}},
		{"no zone", "2023-09-15T12:03:47.692712516 OK", want{}},
		{"no space", "2023-09-15T12:03:47.692712516ZOK", want{}},
		{"bad month", "2023-13-15T12:03:47Z OK", want{}},
		{"February 30", "2023-02-30T12:03:47Z OK", want{}},
		{"bare line", "resource temporarily unavailable", want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(DockerTS, []byte(tc.line), Context{})
			check(t, got, ok, tc.want)
		})
	}
}

func TestDecodeCRI(t *testing.T) {
	ts := utc(t, "2016-10-06T00:17:09.669794202Z")
	cases := []struct {
		name string
		line string
		want want
	}{
		{"full stderr analytics line", `2016-10-06T00:17:09.669794202Z stderr F ANALYTICS {"event_type": "closed_connection"}`,
			want{ok: true, payload: `ANALYTICS {"event_type": "closed_connection"}`, time: ts, stream: model.StreamStderr}},
		{"partial stdout", "2016-10-06T00:17:09.669794202Z stdout P [ERROR] [libsdwan] listen::channel_event: Failed",
			want{ok: true, payload: "[ERROR] [libsdwan] listen::channel_event: Failed", time: ts, stream: model.StreamStdout, partial: true}},
		{"empty full line", "2016-10-06T00:17:09.669794202Z stdout F", want{ok: true, payload: "", time: ts, stream: model.StreamStdout}},
		{"future tags after a colon", "2016-10-06T00:17:09.669794202Z stdout F:x OK", want{ok: true, payload: "OK", time: ts, stream: model.StreamStdout}},
		{"offset time", "2016-10-06T02:17:09.669794202+02:00 stdout F OK", want{ok: true, payload: "OK", time: ts, stream: model.StreamStdout}},
		{"unknown stream", "2016-10-06T00:17:09.669794202Z stdin F OK", want{}},
		{"no tag (CRI-O before Kubernetes 1.10): the stream word goes, the rest is the line", "2016-10-06T00:17:09.669794202Z stdout X OK",
			want{ok: true, payload: "X OK", time: ts, stream: model.StreamStdout}},
		{"legacy CRI-O line from the kubelet CRI logging proposal", "2016-10-06T00:17:09.669794202Z stderr The content of the log entry 2",
			want{ok: true, payload: "The content of the log entry 2", time: ts, stream: model.StreamStderr}},
		{"docker-ts line", "2016-10-06T00:17:09.669794202Z [INFO] [connector] State: Error", want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(CRI, []byte(tc.line), Context{})
			check(t, got, ok, tc.want)
		})
	}
}

func TestDecodeCompose(t *testing.T) {
	cases := []struct {
		name string
		line string
		want want
	}{
		{"pangolin server line stays whole", "pangolin  | 2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1 last hole punch is too old, skipping",
			want{ok: true, ident: "pangolin", payload: "2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1 last hole punch is too old, skipping"}},
		{"newt inside", "gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1",
			want{ok: true, ident: "gerbil", payload: "Cleared 0 sessions for WG IP: 10.20.245.1", level: model.LevelInfo,
				time: localTime(2026, 1, 29, 16, 17, 40)}},
		{"with docker timestamps", "newt-1  | 2026-02-10T14:21:37.000000000Z INFO: 2026/02/10 14:21:37 Websocket connected",
			want{ok: true, ident: "newt-1", payload: "Websocket connected", level: model.LevelInfo, time: utc(t, "2026-02-10T14:21:37Z")}},
		{"coloured prefix", "\x1b[36mpangolin  |\x1b[0m x", want{ok: true, ident: "pangolin", payload: "x"}},
		{"empty line", "pangolin  |", want{ok: true, ident: "pangolin", payload: ""}},
		{"no padding", "pangolin| x", want{}},
		{"no bar", "pangolin  x", want{}},
		{"service line", "[INFO] [connector] State: Error", want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(Compose, []byte(tc.line), Context{Location: testLoc})
			check(t, got, ok, tc.want)
		})
	}
}
