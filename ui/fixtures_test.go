package ui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"connlog/model"
)

// base is the time of the first fixture entry.
var base = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// fixture is one hand-built entry: the index part the store keeps and the
// full fields a re-parse gives back.
type fixture struct {
	e model.Entry
}

func at(ms int) time.Time { return base.Add(time.Duration(ms) * time.Millisecond) }

func service(ms int, lvl model.Level, module, fn, msg string) model.Entry {
	raw := "[" + strings.ToUpper(lvl.String()) + "] [" + module + "] " + fn + ": " + msg
	fs := model.Fields{model.Str(model.KeyModule, module), model.Str(model.KeyFunction, fn), model.Str(model.KeyMessage, msg)}
	return model.Entry{Time: at(ms), Level: lvl, Kind: model.KindService, Fields: fs, Raw: []byte(raw), Payload: []byte(raw),
		Origin: journalOrigin("twingate-connector.service")}
}

func journalOrigin(unit string) model.Origin {
	return model.Origin{Offset: -1, Host: "conn-host", Unit: unit, Ident: "twingate-connector", PID: 6479, Envelope: "journald",
		Journal: &model.JournalFields{Cursor: "s=abc;i=1", Hostname: "conn-host", Unit: unit, Identifier: "twingate-connector",
			PID: 6479, Priority: 6, InvocationID: "9f2c", Transport: "stdout"}}
}

const analyticsClosed = `ANALYTICS {"connection": {"cbct_freshness": -97, "client_ip": "192.0.2.10", "duration": 3034753, "id": "e755ba99988db558-24", "protocol": "tcp", "resource_ip": "10.0.0.5", "resource_port": 443, "rx": 234867, "tunnel_path": "direct", "tunnel_proto": "quic/udp", "tx": 23363}, "connector": {"id": "84014", "name": "nondescript-caterpillar"}, "device": {"id": "200903"}, "event_type": "closed_connection", "location": "{\"geoip\":{\"city\":\"Seattle\",\"country\":\"US\",\"lat\":47.6062,\"lon\":-122.3321,\"region\":\"WA\"}}", "relays": [], "remote_network": {"id": "6938", "name": "AWS Network"}, "resource": {"address": "app.website.com", "applied_rule": "*.website.com", "id": "2255492"}, "timestamp": 1698356150045, "user": {"email": "alice@example.com", "id": "113256"}}`

func analytics(ms int, event, id, user, errMsg string, rx, tx, dur int64) model.Entry {
	fs := model.Fields{model.Str(model.KeyEventType, event), model.Str(model.KeyConnID, id),
		model.Str(model.KeyClientIP, "192.0.2.10"), model.Str(model.KeyResourceIP, "10.0.0.5"),
		model.Int(model.KeyResourcePort, 443), model.Str(model.KeyProtocol, "tcp"),
		model.Str(model.KeyTunnelPath, "relay"), model.Str(model.KeyTunnelProto, "quic/udp"),
		model.Str(model.KeyConnectorID, "84014"), model.Str(model.KeyConnectorName, "nondescript-caterpillar"),
		model.Str(model.KeyDeviceID, "200903"), model.Str(model.KeyUserEmail, user), model.Str(model.KeyUserID, "113256"),
		model.Str(model.KeyNetworkName, "AWS Network"), model.Str(model.KeyNetworkID, "6938"),
		model.Str(model.KeyResourceAddr, "app.website.com"), model.Str(model.KeyAppliedRule, "*.website.com"),
		model.Str(model.KeyResourceID, "2255492"),
		model.Str(model.KeyCity, "Seattle"), model.Str(model.KeyRegion, "WA"), model.Str(model.KeyCountry, "US"),
		model.Float(model.KeyLat, 47.6062), model.Float(model.KeyLon, -122.3321),
		model.Str(model.KeyRelayIP, "34.147.237.117"), model.Str(model.KeyRelayName, "relaybalancer"), model.Int(model.KeyRelayPort, 30018)}
	if event == model.EventClosed {
		fs = append(fs, model.Int(model.KeyRx, rx), model.Int(model.KeyTx, tx), model.Int(model.KeyDuration, dur))
	}
	if errMsg != "" {
		fs = append(fs, model.Str(model.KeyErrorMessage, errMsg))
	}
	raw := strings.Replace(strings.Replace(analyticsClosed, "closed_connection", event, 1), "e755ba99988db558-24", id, 1)
	raw = strings.Replace(raw, "alice@example.com", user, 1)
	return model.Entry{Time: at(ms), Level: model.LevelInfo, Kind: model.KindAnalytics, Fields: fs, Raw: []byte(raw),
		Payload: []byte(strings.TrimPrefix(raw, "ANALYTICS ")), Origin: journalOrigin("twingate-connector.service")}
}

func audit(ms int) model.Entry {
	raw := `{"id":"3f1d","created_at":"2026-11-20T08:00:09Z","hostname":"aqg-1","level":"warning","log_type":"audit","pid":812,"user_name":"mallory","action":"access","access_granted":false,"access_denied_reason":"missing role analyst","element":"report","element_id":"42","client_ip":"198.51.100.7","stacktrace":"Traceback (most recent call last):\n  File \"app.py\", line 10, in check\nPermissionError: analyst"}`
	fs := model.Fields{model.Str(model.KeyAuditID, "3f1d"), model.Str(model.KeyCreatedAt, "2026-11-20T08:00:09Z"),
		model.Str(model.KeyHostname, "aqg-1"), model.Str(model.KeyLevel, "warning"), model.Str(model.KeyLogType, "audit"),
		model.Int(model.KeyPID, 812), model.Str(model.KeyAuditUserName, "mallory"), model.Str(model.KeyAction, "access"),
		model.Str(model.KeyAccessGranted, "false"), model.Str(model.KeyDeniedReason, "missing role analyst"),
		model.Str(model.KeyElement, "report"), model.Str(model.KeyElementID, "42"), model.Str(model.KeyAuditClientIP, "198.51.100.7"),
		model.Str(model.KeyStacktrace, "Traceback (most recent call last):\n  File \"app.py\", line 10, in check\nPermissionError: analyst")}
	return model.Entry{Time: at(ms), Level: model.LevelWarn, Kind: model.KindAudit, Fields: fs, Raw: []byte(raw), Payload: []byte(raw),
		Origin: model.Origin{Offset: -1, Envelope: "bare"}}
}

func flow(ms int) model.Entry {
	raw := `{"nodeId":"n123456CNTRL","start":"2026-11-20T08:00:10Z","end":"2026-11-20T08:00:15Z","virtualTraffic":[{"proto":6,"src":"100.109.51.95:22","dst":"100.85.80.41:42912","txPkts":16,"txBytes":1630,"rxPkts":10,"rxBytes":1008}]}`
	fs := model.Fields{model.Str(model.KeyNodeID, "n123456CNTRL"), model.Str(model.KeyTraffic, "virtual"), model.Str(model.KeyFlowProto, "tcp"),
		model.Str(model.KeySrc, "100.109.51.95:22"), model.Str(model.KeyDst, "100.85.80.41:42912"),
		model.Int(model.KeyTxPkts, 16), model.Int(model.KeyTxBytes, 1630), model.Int(model.KeyRxPkts, 10), model.Int(model.KeyRxBytes, 1008)}
	return model.Entry{Time: at(ms), Kind: model.KindFlow, Fields: fs, Raw: []byte(raw), Payload: []byte(raw), Origin: model.Origin{Offset: -1, Envelope: "bare"}}
}

func session(ms int, phase string) model.Entry {
	raw := "INFO: 2026/11/20 08:00:12 ACCESS " + phase + " session=7c1f0a9e3b2d4c11 resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22"
	fs := model.Fields{model.Str(model.KeyPhase, phase), model.Str(model.KeySessionID, "7c1f0a9e3b2d4c11"), model.Int(model.KeySiteResource, 35),
		model.Str(model.KeySessProtocol, "tcp"), model.Str(model.KeySourceAddr, "100.90.128.5:38004"), model.Str(model.KeyDestAddr, "10.0.0.5:22")}
	if phase == "END" {
		fs = append(fs, model.Int(model.KeySessDuration, 62345))
	}
	return model.Entry{Time: at(ms), Level: model.LevelInfo, Kind: model.KindSession, Fields: fs, Raw: []byte(raw), Payload: []byte(raw),
		Origin: model.Origin{Offset: -1, Envelope: "newt"}}
}

// hostileRaw carries a screen clear, an OSC 52 clipboard write, an OSC 8
// link, a bell, a bidi override and a byte that is not UTF-8.
const hostileRaw = "user \x1b[2Jpwned \x1b]52;c;ZXZpbA==\x07 \x1b]8;;http://x\x1b\\link \u202Egnp.exe \xff end 日本語"

func text(ms int, raw string) model.Entry {
	return model.Entry{Time: at(ms), Kind: model.KindText, Fields: model.Fields{model.Str(model.KeyMessage, raw)}, Raw: []byte(raw),
		Payload: []byte(raw), Origin: model.Origin{Offset: -1, Envelope: "bare"}}
}

func marker(ms int, kind model.Kind, fs ...model.Field) model.Entry {
	return model.Entry{Time: at(ms), Kind: kind, Fields: fs, Origin: model.Origin{Offset: -1}}
}

// fixtureEntries is a small log with every kind.
func fixtureEntries() []model.Entry {
	return []model.Entry{
		marker(0, model.KindBoundary, model.Str(model.KeyBoundary, "restart"), model.Str(model.KeyMessage, "service restarted (new invocation 9f2c)")),
		service(100, model.LevelInfo, "connector", "", "State: Online"),
		service(200, model.LevelDebug, "libsdwan", "listen::channel_event", "relay 34.147.237.117:30018 connected"),
		analytics(1000, model.EventEstablished, "e755ba99988db558-24", "alice@example.com", "", 0, 0, 0),
		service(1500, model.LevelError, "libsdwan", "listen::maintain_relay_connectivity", "relay 10.0.0.5:443 is not available, disconnect"),
		analytics(2000, model.EventFailed, "aa11bb22-77", "bob@example.com", "CONNECTION_FAILED: timeout", 0, 0, 0),
		analytics(3000, model.EventDenied, "cc33dd44-88", "carol@example.com", "DNS_ERROR", 0, 0, 0),
		service(4000, model.LevelWarn, "libsdwan", "operator()", "failed to get SD: Gone, code 410"),
		audit(9000),
		flow(10000),
		session(12000, "START"),
		text(13000, hostileRaw),
		marker(14000, model.KindGap, model.Str(model.KeyGapReason, "rotation"), model.Int(model.KeyGapCount, 120),
			model.Str(model.KeyMessage, "lost 120 lines (rotation)")),
		session(74345, "END"),
		analytics(3034753+1000, model.EventClosed, "e755ba99988db558-24", "alice@example.com", "", 234867, 23363, 3034753),
	}
}

// reparser rebuilds the full fields of fixture entries from their raw bytes,
// as the decoder does for the real store.
type reparser struct {
	mu   sync.Mutex
	full map[string]model.Entry
}

func (r *reparser) add(es []model.Entry) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range es {
		r.full[string(e.Raw)] = e
	}
}

func (r *reparser) reparse(e *model.Entry) {
	r.mu.Lock()
	f, ok := r.full[string(e.Raw)]
	r.mu.Unlock()
	if ok && len(e.Raw) > 0 {
		e.Fields = append(e.Fields[:0], f.Fields...)
		e.Payload, e.Err = f.Payload, f.Err
	}
}

// newFixtureStore returns a store holding es, with a re-parser for them.
func newFixtureStore(t testing.TB, es []model.Entry) (*model.Store, *reparser) {
	t.Helper()
	rp := &reparser{full: map[string]model.Entry{}}
	rp.add(es)
	st := model.NewStore(model.StoreOptions{Reparse: rp.reparse})
	cp := append([]model.Entry(nil), es...)
	st.Append(cp)
	return st, rp
}

// builtSeqs returns the Seqs a view BuildView made holds, in order.
func builtSeqs(v *model.View) []int64 {
	seqs := make([]int64, v.Len())
	for i := range seqs {
		seqs[i] = v.At(i)
	}
	return seqs
}
