package export

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// The fixtures mirror what the parsers produce for the published sample
// lines (see testdata/payloads), built by hand so that these tests do not
// depend on the parsers.

const analyticsLine = `ANALYTICS {"connection": {"cbct_freshness": -97, "client_ip": "192.0.2.0", "duration": 3034753, "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "1.2.3.4", "resource_port": 443, "rx": 234867, "tunnel_path": "direct", "tunnel_proto": "quic/udp", "tx": 23363}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "device": {"id": "200903"}, "event_type": "closed_connection", "location": "{\"geoip\":{\"city\":\"Seattle\",\"country\":\"US\",\"lat\":47.6062,\"lon\":-122.3321,\"region\":\"WA\"}}", "relays": [], "remote_network": {"id": "6938", "name": "AWS Network"}, "resource": {"address": "app.website.com", "applied_rule": "*.website.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "user@twingate.com", "id": "113256"}}`

func analyticsEntry() *model.Entry {
	return &model.Entry{
		Seq: 11, Time: time.UnixMilli(1698356150045), Level: model.LevelInfo, Kind: model.KindAnalytics,
		Source: 1, Origin: model.Origin{Offset: 4096, Host: "conn-1", Unit: "twingate-connector.service", Envelope: "bare"},
		Raw: []byte(analyticsLine), Payload: []byte(analyticsLine[len("ANALYTICS "):]),
		Fields: model.Fields{
			model.Str(model.KeyEventType, model.EventClosed),
			model.Int(model.KeyTimestamp, 1698356150045),
			model.Int(model.KeyCBCTFreshness, -97),
			model.Str(model.KeyClientIP, "192.0.2.0"),
			model.Int(model.KeyDuration, 3034753),
			model.Str(model.KeyConnID, "e755ba99988db558-24"),
			model.Str(model.KeyProtocol, "tcp"),
			model.Str(model.KeyResourceIP, "1.2.3.4"),
			model.Int(model.KeyResourcePort, 443),
			model.Int(model.KeyRx, 234867),
			model.Str(model.KeyTunnelPath, "direct"),
			model.Str(model.KeyTunnelProto, "quic/udp"),
			model.Int(model.KeyTx, 23363),
			model.Str(model.KeyConnectorID, "84014"),
			model.Str(model.KeyConnectorName, "nondescript-caterpillar"),
			model.Str(model.KeyDeviceID, "200903"),
			model.Str(model.KeyCity, "Seattle"),
			model.Str(model.KeyCountry, "US"),
			model.Float(model.KeyLat, 47.6062),
			model.Float(model.KeyLon, -122.3321),
			model.Str(model.KeyRegion, "WA"),
			model.Str(model.KeyNetworkID, "6938"),
			model.Str(model.KeyNetworkName, "AWS Network"),
			model.Str(model.KeyResourceAddr, "app.website.com"),
			model.Str(model.KeyAppliedRule, "*.website.com"),
			model.Str(model.KeyResourceID, "2255492"),
			model.Str(model.KeyUserEmail, "user@twingate.com"),
			model.Str(model.KeyUserID, "113256"),
		},
	}
}

// relayedEntry is an established connection through two relays.
func relayedEntry() *model.Entry {
	e := analyticsEntry()
	e.Seq = 10
	e.Time = e.Time.Add(-3034753 * time.Millisecond)
	e.Fields = model.Fields{
		model.Str(model.KeyEventType, model.EventEstablished),
		model.Str(model.KeyConnID, "e755ba99988db558-24"),
		model.Str(model.KeyUserEmail, "user@twingate.com"),
		model.Str(model.KeyRelayIP, "34.147.237.117"),
		model.Str(model.KeyRelayName, "relaybalancer+https://relays.twingate.com"),
		model.Int(model.KeyRelayPort, 30018),
		model.Str(model.KeyRelayIP, "35.188.149.148"),
		model.Str(model.KeyRelayName, "relaybalancer+https://relays.stg.opstg.com"),
		model.Int(model.KeyRelayPort, 30000),
	}
	return e
}

func serviceEntry() *model.Entry {
	line := `[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410`
	return &model.Entry{
		Seq: 12, Time: time.Date(2026, 11, 20, 8, 0, 1, 250e6, time.UTC), Level: model.LevelWarn, Kind: model.KindService,
		Source: 1, Origin: model.Origin{Offset: 5000, Host: "conn-1"}, Raw: []byte(line), Payload: []byte(line),
		Fields: model.Fields{
			model.Str(model.KeyModule, "libsdwan/controller"),
			model.Str(model.KeyFunction, "operator()"),
			model.Str(model.KeyMessage, "failed to get SD: Gone, code 410"),
		},
	}
}

func sessionEntry() *model.Entry {
	line := `INFO: 2026/02/10 14:21:37 ACCESS END session=0123456789abcdef resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 started=2026-02-10T14:21:37Z ended=2026-02-10T14:22:39Z duration=1m2.345678901s`
	return &model.Entry{
		Seq: 13, Time: time.Date(2026, 2, 10, 14, 22, 39, 0, time.UTC), Level: model.LevelInfo, Kind: model.KindSession,
		Source: 2, Origin: model.Origin{Offset: 0, Host: "site-1"}, Raw: []byte(line), Payload: []byte(line[26:]),
		Fields: model.Fields{
			model.Str(model.KeyPhase, "END"),
			model.Str(model.KeySessionID, "0123456789abcdef"),
			model.Int(model.KeySiteResource, 35),
			model.Str(model.KeySessProtocol, "tcp"),
			model.Str(model.KeySourceAddr, "100.90.128.5:38004"),
			model.Str(model.KeySrcIP, "100.90.128.5"),
			model.Str(model.KeyDestAddr, "10.0.0.5:22"),
			model.Str(model.KeyStartedAt, "2026-02-10T14:21:37Z"),
			model.Str(model.KeyEndedAt, "2026-02-10T14:22:39Z"),
			model.Int(model.KeySessDuration, 62345),
		},
	}
}

func auditEntry() *model.Entry {
	line := `{"id":"6f1c0a39-5a43-4d8e-9a0e-1f6b3c2a7d10","created_at":"2026-11-20T08:00:02Z","hostname":"aqg-1","level":"info","log_type":"audit","pid":812,"action":"login_attempt","access_granted":false,"access_denied_reason":"bad password","user_name":"alice@example.com","client_ip":"2001:db8::7"}`
	return &model.Entry{
		Seq: 14, Time: time.Date(2026, 11, 20, 8, 0, 2, 0, time.UTC), Level: model.LevelInfo, Kind: model.KindAudit,
		Source: 3, Origin: model.Origin{Offset: -1, Host: "aqg-1"}, Raw: []byte(line), Payload: []byte(line),
		Fields: model.Fields{
			model.Str(model.KeyAuditID, "6f1c0a39-5a43-4d8e-9a0e-1f6b3c2a7d10"),
			model.Str(model.KeyLogType, "audit"),
			model.Int(model.KeyPID, 812),
			model.Str(model.KeyAction, "login_attempt"),
			model.Bool(model.KeyAccessGranted, false),
			model.Str(model.KeyDeniedReason, "bad password"),
			model.Str(model.KeyAuditUserName, "alice@example.com"),
			model.Str(model.KeyAuditClientIP, "2001:db8::7"),
		},
	}
}

// flowEntries are the two traffic items of one flow message (one record).
func flowEntries() []*model.Entry {
	line := `{"nodeId":"nBcdef1CNTRL","start":"2025-10-28T22:39:51.890385065Z","end":"2025-10-28T22:39:56.886545512Z","virtualTraffic":[{"proto":6,"src":"100.111.22.33:21291","dst":"100.111.44.55:63281","txPkts":2,"txBytes":108,"rxPkts":2,"rxBytes":112},{"proto":6,"src":"100.111.22.33:864","dst":"100.44.55.66:2049","txPkts":6,"txBytes":900,"rxPkts":3,"rxBytes":728}]}`
	mk := func(item int, src, dst string, txp, tx, rxp, rx int64) *model.Entry {
		return &model.Entry{
			Seq: 20 + int64(item), Time: time.Date(2025, 10, 28, 22, 39, 56, 886545512, time.UTC), Kind: model.KindFlow,
			Source: 4, Origin: model.Origin{Offset: 100}, Raw: []byte(line), Payload: []byte(line), Item: item,
			Fields: model.Fields{
				model.Str(model.KeyTraffic, "virtual"), model.Str(model.KeyFlowProto, "tcp"),
				model.Str(model.KeySrc, src), model.Str(model.KeyDst, dst),
				model.Int(model.KeyTxPkts, txp), model.Int(model.KeyTxBytes, tx),
				model.Int(model.KeyRxPkts, rxp), model.Int(model.KeyRxBytes, rx),
				model.Str(model.KeyNodeID, "nBcdef1CNTRL"),
			},
		}
	}
	return []*model.Entry{
		mk(0, "100.111.22.33:21291", "100.111.44.55:63281", 2, 108, 2, 112),
		mk(1, "100.111.22.33:864", "100.44.55.66:2049", 6, 900, 3, 728),
	}
}

func textEntry(raw string) *model.Entry {
	return &model.Entry{Seq: 30, Kind: model.KindText, Source: 1, Origin: model.Origin{Offset: 7000},
		Raw: []byte(raw), Payload: []byte(raw), Fields: model.Fields{model.Str(model.KeyMessage, raw)}}
}

func gapEntry() *model.Entry {
	return &model.Entry{Seq: 31, Time: time.Date(2026, 11, 20, 8, 0, 3, 0, time.UTC), Kind: model.KindGap, Source: 1,
		Origin: model.Origin{Offset: -1},
		Fields: model.Fields{model.Str(model.KeyGapReason, "rotation"), model.Int(model.KeyGapCount, 42)}}
}

// journaldEntry is a line read from the journal.
func journaldEntry(msg string, n int) *model.Entry {
	t := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Second)
	return &model.Entry{
		Seq: int64(40 + n), Time: t, Level: model.LevelInfo, Kind: model.KindText, Source: 5,
		Origin: model.Origin{Received: t, Offset: -1, Host: "conn-1", Unit: "twingate-connector.service",
			Ident: "twingate-connector", PID: 6479, Envelope: "journal",
			Journal: &model.JournalFields{Cursor: "s=abc;i=" + strings.Repeat("1", n+1), Hostname: "conn-1",
				Unit: "twingate-connector.service", Identifier: "twingate-connector", PID: 6479, Priority: 6,
				BootID: "0123456789abcdef0123456789abcdef", InvocationID: "fedcba9876543210fedcba9876543210",
				Transport: "stdout"}},
		Raw: []byte(msg), Payload: []byte(msg), Fields: model.Fields{model.Str(model.KeyMessage, msg)},
	}
}

// mixedEntries is one entry of each kind, in a plausible order.
func mixedEntries() []*model.Entry {
	out := []*model.Entry{relayedEntry(), analyticsEntry(), serviceEntry(), sessionEntry(), auditEntry()}
	out = append(out, flowEntries()...)
	return append(out, textEntry("resource temporarily unavailable"), gapEntry())
}

// fixtureLines reads testdata/lines.txt without its comment lines.
func fixtureLines(t testing.TB) [][]byte {
	t.Helper()
	data, err := os.ReadFile("testdata/lines.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "#") {
			out = append(out, bytes.Clone(sc.Bytes()))
		}
	}
	return out
}

// hostileLines are the lines a log can throw at a writer.
func hostileLines() [][]byte {
	return [][]byte{
		[]byte("bad utf-8 \xff\xfe here"),
		[]byte("nul \x00 byte"),
		[]byte("escape \x1b[2J\x1b]0;title\x07 bell"),
		[]byte("bidi \u202eevil\u202c"),
		[]byte("carriage\rreturn"),
		[]byte(`{"truncated": "json`),
		{},
		bytes.Repeat([]byte("x"), 1<<20),
	}
}

// encode runs entries through a Writer of opts into memory.
func encode(t testing.TB, entries []*model.Entry, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Stream(context.Background(), &buf, Slice(entries), opts); err != nil {
		t.Fatalf("export %s: %v", opts.Format, err)
	}
	return buf.Bytes()
}

// pairs is a PairFinder over fixed answers, by Seq.
type pairs map[int64]model.Pair

func (p pairs) PairOf(e *model.Entry) (model.Pair, bool) {
	pr, ok := p[e.Seq]
	return pr, ok
}

// serialGroup returns a record group redacting with r on the caller's
// goroutine and emitting to emit.
func serialGroup(r *Redactor, emit func(*model.Entry) error) *recordGroup {
	return newRecordGroup(&Options{Redact: r, RedactWorkers: 1}, emit)
}
