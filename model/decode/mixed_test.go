package decode

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// A stream that starts as syslog must not read the CRI lines that follow as
// syslog from host "stdout": each line is detected again, and the CRI
// pieces are joined.
func TestMixedStreamRecoversPerLine(t *testing.T) {
	es := decodeAll(Options{Reference: readTime}, lineRecords(
		"Apr 26 13:19:06 jenkins-sys.myco.com systemd[1]: Stopping cloudflared...",
		"2019-01-01T01:00:00.000000001Z stderr P [INFO] [conn",
		"2019-01-01T01:00:00.000000002Z stderr F ector] State: Online",
		"2023-09-15T12:03:47.692712516Z stdout F [WARN] [libsdwan] x",
		"Apr 26 13:19:07 jenkins-sys.myco.com systemd[1]: Stopped cloudflared.",
	))
	want := []struct{ envelope, message, host string }{
		{"syslog", "Stopping cloudflared...", "jenkins-sys.myco.com"},
		{"cri", "State: Online", ""},
		{"cri", "x", ""},
		{"syslog", "Stopped cloudflared.", "jenkins-sys.myco.com"},
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i, w := range want {
		e := &es[i]
		if e.Origin.Envelope != w.envelope || e.Message() != w.message || e.Origin.Host != w.host {
			t.Errorf("entry %d: %s %q host %q, want %s %q host %q", i, e.Origin.Envelope, e.Message(), e.Origin.Host, w.envelope, w.message, w.host)
		}
	}
	if es[1].Kind != model.KindService || es[1].Level != model.LevelInfo {
		t.Errorf("joined CRI line: %v %v", es[1].Kind, es[1].Level)
	}
}

// In a compose stream an untimed line takes the time of its own service's
// last line, never the time of another service's line in between; with
// nothing of its own to inherit it keeps the read time, flagged.
func TestComposeInheritsWithinItsService(t *testing.T) {
	es := decodeAll(Options{Reference: readTime}, lineRecords(
		"pangolin  | 2026-01-29T16:17:37+00:00 [warn]: handleGetConfigMessage: Site 1",
		"gerbil    | INFO: 2026/01/29 16:17:40 Cleared 0 sessions for WG IP: 10.20.245.1",
		"pangolin  | (Use `node --trace-deprecation ...` to show where the warning was created)",
		"traefik   | some line without a time",
	))
	pangolin := time.Date(2026, 1, 29, 16, 17, 37, 0, time.UTC)
	if !es[2].Time.Equal(pangolin) || !es[2].Flags.Has(model.FlagTimeInferred) {
		t.Errorf("pangolin's untimed line: %v inferred %v, want %v", es[2].Time, es[2].Flags.Has(model.FlagTimeInferred), pangolin)
	}
	if !es[3].Time.Equal(readTime) || !es[3].Flags.Has(model.FlagTimeInferred) {
		t.Errorf("traefik's first line took %v, want the read time", es[3].Time)
	}
}

// A client's "Environment Information:" header and the indented lines after
// it are one entry; the next line that is not indented is its own.
func TestIndentedLinesJoinTheirHeader(t *testing.T) {
	lines := []string{
		"[2025-11-01T14:06:15.101763-05:00] [INFO] [client] Environment Information:",
		"    OS: Linux 6.14.0-33-generic",
		"    Client version: 2025.301.0",
		"[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] Service state updated. [StateAggregationService.set_State]",
		"[2025-11-01T14:06:17Z] [INFO] [client] Trailing header:",
	}
	es := decodeAll(Options{}, lineRecords(lines...))
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3", len(es))
	}
	if want := strings.Join(lines[:3], "\n"); string(es[0].Raw) != want {
		t.Errorf("raw %q, want %q", es[0].Raw, want)
	}
	if m := es[0].Message(); !strings.HasPrefix(m, "Environment Information:\n    OS: Linux") {
		t.Errorf("message %q", m)
	}
	if es[2].Message() != "Trailing header:" {
		t.Errorf("the header held at the end was not flushed: %q", es[2].Message())
	}
	for n := 1; n <= 4; n++ {
		if got := assembleAll(Options{}, lineRecords(lines...), n, false); !reflect.DeepEqual(got, es) {
			t.Errorf("batches of %d assemble differently", n)
		}
	}
}

// A connector line ending in a colon is not held: only client lines (with
// their own time) open a block.
func TestConnectorLineEndingInColonStandsAlone(t *testing.T) {
	d := New(1, Options{})
	out := d.Decode(&lineRecords("[ERROR] Failed to validate controller url - AuthenticationException: ")[0], nil)
	if len(out) != 1 {
		t.Fatalf("%d entries before the next line, want 1", len(out))
	}
}

// After docker logs -t lines, a zerolog console line is not read as Docker's
// stamp and a message "INF ...": its level is kept.
func TestZerologAfterDockerTS(t *testing.T) {
	es := decodeAll(Options{}, lineRecords(
		"2023-09-15T12:03:47.692712516Z [INFO] [connector] State: Error",
		"2024-01-24T21:46:28Z WRN Connection terminated connIndex=3",
	))
	if len(es) != 2 || es[1].Level != model.LevelWarn || es[1].Origin.Envelope != "bare" {
		t.Fatalf("zerolog line: level %v envelope %q", es[1].Level, es[1].Origin.Envelope)
	}
}

// A payload time written without a zone (Python logging, log4j) is the
// writer's local time, placed in the source's location like syslog's; one
// with a zone keeps it.
func TestZonelessPayloadTimeIsLocal(t *testing.T) {
	loc := time.FixedZone("CEST", 2*3600)
	es := decodeAll(Options{Location: loc}, lineRecords(
		"2025-08-06 00:16:20,123 - root - WARNING - Tests timed out",
		"2026-08-18T10:19:03Z INF Starting tunnel",
	))
	if want := time.Date(2025, 8, 5, 22, 16, 20, 123e6, time.UTC); !es[0].Time.Equal(want) {
		t.Errorf("zone-less time %v, want %v", es[0].Time.UTC(), want)
	}
	if want := time.Date(2026, 8, 18, 10, 19, 3, 0, time.UTC); !es[1].Time.Equal(want) {
		t.Errorf("zoned time %v, want %v", es[1].Time.UTC(), want)
	}
}

// kubectl logs --timestamps writes Go's RFC3339Nano, whose fraction loses
// its trailing zeros: a file whose first lines have fewer than nine digits
// is still read as that envelope, its connector lines as service lines.
func TestTrimmedDockerStampsOpenAFile(t *testing.T) {
	es := decodeAll(Options{Reference: readTime}, lineRecords(
		"2026-12-04T10:00:01.5Z [ERROR] [libsdwan] listen::channel_event: Failed to preconnect",
		"2026-12-04T10:00:02.25Z [DEBUG] [libsdwan] [relay] relay_client::keepalive: ok",
		"2026-12-04T10:00:03Z [INFO] [connector] ok",
	))
	want := []struct {
		level  model.Level
		module string
		at     time.Time
	}{
		{model.LevelError, "libsdwan", time.Date(2026, 12, 4, 10, 0, 1, 5e8, time.UTC)},
		{model.LevelDebug, "libsdwan/relay", time.Date(2026, 12, 4, 10, 0, 2, 25e7, time.UTC)},
		{model.LevelInfo, "connector", time.Date(2026, 12, 4, 10, 0, 3, 0, time.UTC)},
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i, w := range want {
		e := &es[i]
		if e.Origin.Envelope != "docker-ts" || e.Kind != model.KindService || e.Level != w.level || !e.Time.Equal(w.at) {
			t.Errorf("entry %d: %s %v %v %v, want docker-ts service %v %v", i, e.Origin.Envelope, e.Kind, e.Level, e.Time, w.level, w.at)
		}
		if got := e.Fields.Value(model.KeyModule); got != w.module {
			t.Errorf("entry %d: module %q, want %q", i, got, w.module)
		}
	}
}
