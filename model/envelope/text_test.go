package envelope

import (
	"testing"
	"time"

	"connlog/model"
)

// testLoc is a fixed zone away from UTC, so that tests show which times are
// read as local.
var testLoc = time.FixedZone("UTC+2", 2*3600)

// localTime builds a time in testLoc.
func localTime(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, testLoc)
}

func TestDecodeNewt(t *testing.T) {
	cases := []struct {
		name string
		line string
		want want
	}{
		{"info", "INFO: 2026/02/10 14:21:37 Newt version 1.9.0",
			want{ok: true, payload: "Newt version 1.9.0", level: model.LevelInfo, time: localTime(2026, 2, 10, 14, 21, 37)}},
		{"warn", "WARN: 2026/02/10 14:22:08 Initial reliable ping failed, but continuing: all 5 ping attempts failed, last error: failed to read ICMP packet: i/o timeout",
			want{ok: true, payload: "Initial reliable ping failed, but continuing: all 5 ping attempts failed, last error: failed to read ICMP packet: i/o timeout",
				level: model.LevelWarn, time: localTime(2026, 2, 10, 14, 22, 8)}},
		{"struct dump", "INFO: 2025/05/22 08:55:19 Received: {Type:newt/wg/connect Data:map[endpoint:<site-name>:51820]}",
			want{ok: true, payload: "Received: {Type:newt/wg/connect Data:map[endpoint:<site-name>:51820]}", level: model.LevelInfo, time: localTime(2025, 5, 22, 8, 55, 19)}},
		{"fatal is critical", "FATAL: 2026/02/10 14:21:37 boom", want{ok: true, payload: "boom", level: model.LevelCritical, time: localTime(2026, 2, 10, 14, 21, 37)}},
		{"debug", "DEBUG: 2026/02/10 14:21:37 x", want{ok: true, payload: "x", level: model.LevelDebug, time: localTime(2026, 2, 10, 14, 21, 37)}},
		{"error", "ERROR: 2026/02/10 14:21:37 x", want{ok: true, payload: "x", level: model.LevelError, time: localTime(2026, 2, 10, 14, 21, 37)}},
		{"no date under journald", "INFO: SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config",
			want{ok: true, payload: "SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config", level: model.LevelInfo}},
		{"empty message", "INFO: 2026/02/10 14:21:37", want{ok: true, payload: "", level: model.LevelInfo, time: localTime(2026, 2, 10, 14, 21, 37)}},
		{"bad date is message text", "INFO: 2026/02/30 14:21:37 x", want{ok: true, payload: "2026/02/30 14:21:37 x", level: model.LevelInfo}},
		{"unknown level", "NOTICE: 2026/02/10 14:21:37 x", want{}},
		{"lower case", "info: 2026/02/10 14:21:37 x", want{}},
		{"python logging", "ERROR:root:x", want{}},
		{"twingate line", "[INFO] [connector] State: Error", want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(Newt, []byte(tc.line), Context{Location: testLoc})
			check(t, got, ok, tc.want)
		})
	}
}

func TestDecodeSyslog(t *testing.T) {
	ref := time.Date(2026, 11, 21, 9, 0, 0, 0, testLoc)
	newYear := time.Date(2027, 1, 1, 0, 10, 0, 0, testLoc)
	cases := []struct {
		name string
		line string
		ref  time.Time
		want want
	}{
		{"journalctl short", "Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config", ref,
			want{ok: true, host: "dente", ident: "newt", pid: 408, level: model.LevelInfo, time: localTime(2026, 9, 23, 12, 5, 50),
				payload: "SendMessageInterval timed out after 10 attempts for message type: newt/wg/get-config"}},
		{"pubnub line", `Nov 20 08:00:01 ip-172-30-2-209 twingate-connector[6479]: Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`, ref,
			want{ok: true, host: "ip-172-30-2-209", ident: "twingate-connector", pid: 6479, time: localTime(2026, 11, 20, 8, 0, 1),
				payload: `Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`}},
		{"short-precise", "Nov 20 08:00:01.123456 host systemd[1]: Started twingate-connector.service.", ref,
			want{ok: true, host: "host", ident: "systemd", pid: 1, time: localTime(2026, 11, 20, 8, 0, 1).Add(123456 * time.Microsecond),
				payload: "Started twingate-connector.service."}},
		{"short-iso", "2026-11-20T08:00:01+0000 host kernel: eth0: link up", ref,
			want{ok: true, host: "host", ident: "kernel", time: utc(t, "2026-11-20T08:00:01Z"), payload: "eth0: link up"}},
		{"short-iso-precise with colon offset", "2026-11-20T10:00:01.5+02:00 host cron[12]: x", ref,
			want{ok: true, host: "host", ident: "cron", pid: 12, time: utc(t, "2026-11-20T08:00:01.5Z"), payload: "x"}},
		{"rfc3339 without zone is local", "2026-11-20T08:00:01 host cron: x", ref,
			want{ok: true, host: "host", ident: "cron", time: localTime(2026, 11, 20, 8, 0, 1), payload: "x"}},
		{"space padded day", "Sep  3 01:02:03 host cron: x", ref,
			want{ok: true, host: "host", ident: "cron", time: localTime(2026, 9, 3, 1, 2, 3), payload: "x"}},
		{"December line read in January", "Dec 31 23:59:58 host twingate-connector[6479]: [INFO] [connector] State: Error", newYear,
			want{ok: true, host: "host", ident: "twingate-connector", pid: 6479, time: localTime(2026, 12, 31, 23, 59, 58), payload: "[INFO] [connector] State: Error"}},
		{"January line read in January", "Jan  1 00:00:03 host twingate-connector[6479]: [INFO] [connector] State: Error", newYear,
			want{ok: true, host: "host", ident: "twingate-connector", pid: 6479, time: localTime(2027, 1, 1, 0, 0, 3), payload: "[INFO] [connector] State: Error"}},
		{"a day ahead of the reference is still this year", "Nov 22 08:00:00 host a: x", ref,
			want{ok: true, host: "host", ident: "a", time: localTime(2026, 11, 22, 8, 0, 0), payload: "x"}},
		{"February 29 finds its leap year", "Feb 29 08:00:00 host a: x", ref,
			want{ok: true, host: "host", ident: "a", time: localTime(2024, 2, 29, 8, 0, 0), payload: "x"}},
		{"no tag keeps the rest", "Nov 20 08:00:01 host -- MARK --", ref,
			want{ok: true, host: "host", time: localTime(2026, 11, 20, 8, 0, 1), payload: "-- MARK --"}},
		{"application line with its own time", "2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1", ref, want{}},
		{"no host", "Nov 20 08:00:01", ref, want{}},
		{"bad clock", "Nov 20 25:00:01 host a: x", ref, want{}},
		{"bad month", "Foo 20 08:00:01 host a: x", ref, want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(Syslog, []byte(tc.line), Context{Location: testLoc, Reference: tc.ref})
			check(t, got, ok, tc.want)
		})
	}
}

func TestDecodeBare(t *testing.T) {
	for _, line := range []string{"", "resource temporarily unavailable", "INFO: 2026/02/10 14:21:37 x", "\x00\xff"} {
		got, ok := Decode(Bare, []byte(line), Context{})
		check(t, got, ok, want{ok: true, payload: line})
	}
}
