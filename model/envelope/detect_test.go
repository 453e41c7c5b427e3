package envelope

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

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
		{"docker logs -t, fraction trimmed", "2026-12-04T10:00:01.5Z [ERROR] [libsdwan] listen::channel_event: Failed", DockerTS},
		{"kubectl --timestamps, two digits", "2026-12-04T10:00:02.25Z [DEBUG] [libsdwan] [relay] relay_client::keepalive: ok", DockerTS},
		{"trimmed stamp without fraction", "2026-12-04T10:00:01Z [INFO] [connector] ok", DockerTS},
		{"trimmed stamp, eight digits, analytics", `2026-12-04T10:00:01.12345678Z ANALYTICS {"event_type":"closed_connection"}`, DockerTS},
		{"trimmed stamp, libevent", "2026-12-04T10:00:01.1234567Z [msg] All nameservers have failed", DockerTS},
		{"trimmed stamp, client line", "2026-12-04T10:00:01.5Z [INFO][client]Client posture data collected.", DockerTS},
		{"own microsecond stamp", "2026-12-05T07:53:02.390441Z [INFO] [soak] seq=0 Connection accepted", Bare},
		{"own millisecond stamp", "2026-12-05T07:53:02.391Z [INFO] [app] started", Bare},
		{"fraction with a trailing zero", "2026-12-04T10:00:01.50Z [INFO] [connector] ok", Bare},
		{"trimmed stamp before text", "2026-12-04T10:00:01Z some message", Bare},
		{"trimmed stamp before a level word", "2026-12-04T10:00:01Z INF Starting tunnel", Bare},
		{"trimmed stamp before a lower-case level", "2026-12-04T10:00:01.5Z [warn]: Site 2", Bare},
		{"trimmed stamp with an offset", "2026-12-04T10:00:01.5+01:00 [INFO] [connector] ok", Bare},
		{"trimmed stamp, two spaces", "2026-12-04T10:00:01.5Z  [INFO] [connector] ok", Bare},
		{"trimmed stamp, level glued to the text", "2026-12-04T10:00:01.5Z [INFO]ok", Bare},
		{"trimmed stamp, fraction not digits", "2026-12-04T10:00:01.5xZ [INFO] [connector] ok", Bare},
		{"trimmed stamp, fraction without digits", "2026-12-04T10:00:01.Z [INFO] [connector] ok", Bare},
		{"trimmed stamp, seconds not followed by a fraction", "2026-12-04T10:00:01xZ [INFO] [connector] ok", Bare},
		{"trimmed stamp, libevent glued", "2026-12-04T10:00:01.5Z [msg]x", Bare},
		{"trimmed stamp, level not bracketed", "2026-12-04T10:00:01.5Z (INFO] x", Bare},
		{"trimmed stamp, level unclosed", "2026-12-04T10:00:01.5Z [INFO", Bare},
		{"cri", "2016-10-06T00:17:09.669794202Z stderr F ANALYTICS {}", CRI},
		{"cri with short fraction", "2016-10-06T00:17:09.6Z stdout P x", CRI},
		{"journalctl short", "Sep 23 12:05:50 dente newt[408]: INFO: SendMessageInterval timed out", Syslog},
		{"journalctl short-iso", "2026-11-20T08:00:01+0000 host kernel: eth0: link up", Syslog},
		{"journalctl short-precise", "Nov 20 08:00:01.123456 host systemd[1]: Started x.", Syslog},
		{"syslog with a priority", "<30>Dec  4 10:00:05 gw-fra-1 twingate-connector[6479]: [ERROR] [connector] with pri", Syslog},
		{"RFC 5424", "<34>1 2026-12-04T10:00:06.000Z gw-fra-1 twingate-connector 6479 - - [ERROR] [connector] rfc5424 line", Syslog},
		{"RFC 5424 with structured data", `<34>1 2026-12-04T10:00:06Z h app - - [id k="v"] x`, Syslog},
		{"a tag after a priority", "<b>bold</b>", Bare},
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
		{"an event after a millisecond stamp is no syslog line of host ANALYTICS", `2026-12-04T10:00:01.123Z ANALYTICS {"connection": {"id": "X"}}`, Bare},
		{"a logfmt pair is no tag", "2026-12-04T10:00:01+0000 host level=info: x", Bare},
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

// opensWithStream is what the two prefix tests said.
func TestOpensWithStream(t *testing.T) {
	for _, p := range []string{"stdout F x", "stderr P x", "stdout ", "stdout", "stdoutF", "sxdout x", "stdin x", "",
		"[DEBUG] x", "Stdout x", "stderr\tx"} {
		want := strings.HasPrefix(p, "stdout ") || strings.HasPrefix(p, "stderr ")
		if got := opensWithStream([]byte(p)); got != want {
			t.Errorf("opensWithStream(%q) = %v, want %v", p, got, want)
		}
	}
}

// eightDigits reads eight bytes as the digit loop does, and refuses any
// that is not a digit.
func FuzzEightDigits(f *testing.F) {
	for _, s := range []string{"00000000", "99999999", "12345678", "1234567:", "/2345678", "\x00\x00\x00\x00\x00\x00\x00\x00", "9999999\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 8 {
			return
		}
		b = b[:8]
		var want uint64
		wantOK := true
		for _, c := range b {
			if c < '0' || c > '9' {
				wantOK = false
				break
			}
			want = want*10 + uint64(c-'0')
		}
		got, ok := eightDigits(binary.LittleEndian.Uint64(b))
		if ok != wantOK || ok && got != want {
			t.Fatalf("eightDigits(%q) = %d, %v; want %d, %v", b, got, ok, want, wantOK)
		}
	})
}

// Every eight-digit text reads as its number, and one byte that is not a
// digit, anywhere, makes it no number.
func TestEightDigits(t *testing.T) {
	for n := uint64(0); n < 100_000_000; n += 9_973 {
		b := []byte(fmt.Sprintf("%08d", n))
		if got, ok := eightDigits(binary.LittleEndian.Uint64(b)); !ok || got != n {
			t.Fatalf("eightDigits(%q) = %d, %v", b, got, ok)
		}
		for i := range b {
			for c := range 256 {
				if c >= '0' && c <= '9' {
					continue
				}
				w := bytes.Clone(b)
				w[i] = byte(c)
				if _, ok := eightDigits(binary.LittleEndian.Uint64(w)); ok {
					t.Fatalf("eightDigits(%q) took it", w)
				}
			}
		}
	}
}
