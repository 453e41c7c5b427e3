package query

import (
	"time"

	"connlog/model"
)

// testNow is the fixed "now" every test compiles against.
var testNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// testOpts compiles against testNow in UTC.
var testOpts = Options{Now: testNow, Location: time.UTC}

// named is a hand-built entry with a name for test tables.
type named struct {
	name string
	e    model.Entry
}

// testEntries returns one or more realistic entries of every kind, shaped as
// the parsers store them (model/keys.go), with lines from the samples.
func testEntries() []named {
	return []named{
		serviceEntry(),
		debugEntry(),
		closedEntry(),
		relayedEntry(),
		failedEntry(),
		auditEntry(),
		flowEntry(),
		sessionEntry(),
		jsonEntry(),
		textEntry(),
		gapEntry(),
		untimedEntry(),
	}
}

// serviceEntry is a Twingate service warning carried by journald.
func serviceEntry() named {
	journal := &model.JournalFields{Hostname: "gw-journal", Unit: "twingate-connector.service", Identifier: "twingate-connector", Priority: 6}
	return named{"service", model.Entry{
		Time: testNow.Add(-10 * time.Minute), Level: model.LevelWarn, Kind: model.KindService,
		Origin: model.Origin{Host: "gw-1", Unit: "twingate-connector.service", Journal: journal},
		Raw:    []byte("[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410"),
		Fields: model.Fields{
			model.Str(model.KeyModule, "libsdwan/controller"),
			model.Str(model.KeyFunction, "operator()"),
			model.Str(model.KeyMessage, "failed to get SD: Gone, code 410"),
		},
	}}
}

// debugEntry is a Twingate debug line from a file.
func debugEntry() named {
	return named{"debug", model.Entry{
		Time: testNow.Add(-9 * time.Minute), Level: model.LevelDebug, Kind: model.KindService,
		Origin: model.Origin{Host: "gw-1", Unit: "twingate-connector.service"},
		Raw:    []byte("[DEBUG] [libsdwan] resetting configuration"),
		Fields: model.Fields{model.Str(model.KeyModule, "libsdwan"), model.Str(model.KeyMessage, "resetting configuration")},
	}}
}

// closedEntry is the docs' closed_connection ANALYTICS event, from Seattle.
func closedEntry() named {
	return named{"closed", model.Entry{
		Time: testNow.Add(-8 * time.Minute), Level: model.LevelInfo, Kind: model.KindAnalytics,
		Origin: model.Origin{Host: "gw-1", Unit: "twingate-connector.service"},
		Raw:    []byte(`ANALYTICS {"connection": {"id": "e755ba99988db558-24", "rx": 234867}, "event_type": "closed_connection", "user": {"email": "user@twingate.com"}}`),
		Fields: model.Fields{
			model.Str(model.KeyEventType, model.EventClosed),
			model.Int(model.KeyTimestamp, 1698356150045),
			model.Str(model.KeyConnID, "e755ba99988db558-24"),
			model.Str(model.KeyClientIP, "192.0.2.0"),
			model.Str(model.KeyResourceIP, "1.2.3.4"),
			model.Int(model.KeyResourcePort, 443),
			model.Str(model.KeyProtocol, "tcp"),
			model.Int(model.KeyRx, 234867),
			model.Int(model.KeyTx, 23363),
			model.Int(model.KeyDuration, 3034753),
			model.Int(model.KeyCBCTFreshness, -97),
			model.Str(model.KeyUserEmail, "user@twingate.com"),
			model.Str(model.KeyUserID, "113256"),
			model.Str(model.KeyResourceAddr, "app.website.com"),
			model.Str(model.KeyAppliedRule, "*.website.com"),
			model.Str(model.KeyCity, "Seattle"),
			model.Str(model.KeyCountry, "US"),
			model.Float(model.KeyLat, 47.6062),
		},
	}}
}

// relayedEntry is a relayed connection from Germany with two relays (a repeated key).
func relayedEntry() named {
	return named{"relayed", model.Entry{
		Time: testNow.Add(-7 * time.Minute), Level: model.LevelInfo, Kind: model.KindAnalytics,
		Raw: []byte(`ANALYTICS {"event_type":"closed_connection","connection":{"id":"2139eb38-eb7143eb-6"}}`),
		Fields: model.Fields{
			model.Str(model.KeyEventType, model.EventClosed),
			model.Str(model.KeyConnID, "2139eb38-eb7143eb-6"),
			model.Int(model.KeyRx, 5_000_000),
			model.Int(model.KeyTx, 1_048_576),
			model.Int(model.KeyDuration, 30124),
			model.Str(model.KeyUserEmail, "alice@example.com"),
			model.Str(model.KeyCity, "München"),
			model.Str(model.KeyCountry, "DE"),
			model.Str(model.KeyRelayIP, "34.147.237.117"),
			model.Str(model.KeyRelayIP, "35.204.10.8"),
			model.Int(model.KeyRelayPort, 30018),
		},
	}}
}

// failedEntry is a failed_to_connect event with an error message.
func failedEntry() named {
	return named{"failed", model.Entry{
		Time: testNow.Add(-6 * time.Minute), Level: model.LevelError, Kind: model.KindAnalytics,
		Raw: []byte(`ANALYTICS {"event_type":"failed_to_connect","connection":{"error_message":"DNS_ERROR"}}`),
		Fields: model.Fields{
			model.Str(model.KeyEventType, model.EventFailed),
			model.Str(model.KeyConnID, "ba8d113d-6226187c-a"),
			model.Str(model.KeyErrorMessage, "DNS_ERROR"),
			model.Str(model.KeyUserEmail, "alice.smith@example.com"),
			model.Str(model.KeyCountry, "DE"),
			model.Int(model.KeyResourcePort, 22),
		},
	}}
}

// auditEntry is an AQtive Guard login attempt that was denied.
func auditEntry() named {
	return named{"audit", model.Entry{
		Time: testNow.Add(-5 * time.Minute), Level: model.LevelWarn, Kind: model.KindAudit,
		Raw: []byte(`{"id":"5b0e","log_type":"audit","action":"login_attempt","access_granted":false,"user_name":"Alice","hostname":"analyzer-1","level":"warning"}`),
		Fields: model.Fields{
			model.Str(model.KeyAuditID, "5b0e"),
			model.Str(model.KeyLogType, "audit"),
			model.Str(model.KeyLevel, "warning"),
			model.Str(model.KeyHostname, "analyzer-1"),
			model.Str(model.KeyAction, "login_attempt"),
			model.Bool(model.KeyAccessGranted, false),
			model.Str(model.KeyAuditUserName, "Alice"),
			model.Str(model.KeyAuditClientIP, "203.0.113.7"),
			model.Int(model.KeyStatusCode, 403),
			model.Str(model.KeyPath, "/api/v1/login"),
		},
	}}
}

// flowEntry is one Tailscale subnet traffic item.
func flowEntry() named {
	return named{"flow", model.Entry{
		Time: testNow.Add(-4 * time.Minute), Kind: model.KindFlow,
		Raw: []byte(`{"nodeId":"n123456CNTRL","subnetTraffic":[{"proto":6,"src":"100.64.0.1:5555","dst":"10.0.0.5:22","txBytes":1500000}]}`),
		Fields: model.Fields{
			model.Str(model.KeyNodeID, "n123456CNTRL"),
			model.Str(model.KeyTraffic, "subnet"),
			model.Str(model.KeyFlowProto, "tcp"),
			model.Str(model.KeySrcIP, "100.64.0.1"),
			model.Str(model.KeyDstIP, "10.0.0.5"),
			model.Int(model.KeyDstPort, 22),
			model.Int(model.KeyTxBytes, 1_500_000),
			model.Int(model.KeyRxBytes, 200),
			model.Str(model.KeyNodeUser, "bob@example.com"),
		},
	}}
}

// sessionEntry is a newt ACCESS END line for a reaped UDP session.
func sessionEntry() named {
	return named{"session", model.Entry{
		Time: testNow.Add(-3 * time.Minute), Level: model.LevelInfo, Kind: model.KindSession,
		Origin: model.Origin{Unit: "newt.service", Ident: "newt"},
		Raw:    []byte("INFO: 2026/11/20 11:57:00 ACCESS END (reaped) session=9f1c2a7b3d4e5f60 resource=35 proto=udp src=100.90.128.5:38004 dst=10.0.0.5:53 duration=1m2.345678s"),
		Fields: model.Fields{
			model.Str(model.KeySessionID, "9f1c2a7b3d4e5f60"),
			model.Int(model.KeySiteResource, 35),
			model.Str(model.KeySessProtocol, "udp"),
			model.Str(model.KeySrcIP, "100.90.128.5"),
			model.Str(model.KeyPhase, "END"),
			model.Str(model.KeyEndReason, "reaped"),
			model.Float(model.KeySessDuration, 62345.678),
		},
	}}
}

// jsonEntry is a generic JSON object with keys no parser knows.
func jsonEntry() named {
	return named{"json", model.Entry{
		Time: testNow.Add(-2 * time.Minute), Kind: model.KindJSON,
		Raw: []byte(`{"event":"connection","x-request-id":"r-1","my key":"v w"}`),
		Fields: model.Fields{
			model.Str(model.KeySessionEvent, "connection"),
			model.Str("x-request-id", "r-1"),
			model.Str("my key", "v w"),
		},
	}}
}

// textEntry is an unparsed line holding invalid UTF-8 and a NUL byte.
func textEntry() named {
	return named{"text", model.Entry{
		Time: testNow.Add(-1 * time.Minute), Kind: model.KindText, Flags: model.FlagTimeInferred,
		Raw:    []byte("Authentication \xff\x00 TIMEOUT talking to relay"),
		Fields: model.Fields{model.Str(model.KeyMessage, "Authentication \xff\x00 TIMEOUT talking to relay")},
	}}
}

// gapEntry is a rotation gap, which has no raw line.
func gapEntry() named {
	return named{"gap", model.Entry{
		Time: testNow, Kind: model.KindGap,
		Fields: model.Fields{model.Str(model.KeyGapReason, "rotation"), model.Int(model.KeyGapCount, 120)},
	}}
}

// untimedEntry is a line with no time at all.
func untimedEntry() named {
	return named{"untimed", model.Entry{Kind: model.KindText, Raw: []byte("no time at all")}}
}
