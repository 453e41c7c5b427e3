package payload

import (
	"testing"

	"connlog/model"
)

// Every Twingate service and library line quoted in formats.md and the
// samples, verbatim.
func TestParseServiceRealLines(t *testing.T) {
	runTable(t, []tableCase{
		{"state error", `[INFO] [connector] State: Error`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "connector", model.KeyMessage: "State: Error"},
			absent: []string{model.KeyFunction},
		}},
		{"pre-unrecoverable", `[DEBUG] [libsdwan] [controller] run_state_machine: Pre-unrecoverable error`, want{
			kind: model.KindService, level: model.LevelDebug,
			fields: map[string]string{model.KeyModule: "libsdwan/controller", model.KeyFunction: "run_state_machine",
				model.KeyMessage: "Pre-unrecoverable error"},
		}},
		{"resetting", `[DEBUG] [libsdwan] resetting configuration`, want{
			kind: model.KindService, level: model.LevelDebug,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyMessage: "resetting configuration"},
			absent: []string{model.KeyFunction},
		}},
		{"gone 410", `[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyModule: "libsdwan/controller", model.KeyFunction: "operator()",
				model.KeyMessage: "failed to get SD: Gone, code 410"},
		}},
		{"sdwan state", `[INFO] [libsdwan] sdwan_state: Offline User`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyFunction: "sdwan_state", model.KeyMessage: "Offline User"},
		}},
		{"analytics submit failure", `[ERROR] [connector] Failed to submit analytics events: Unexpected error: error sending request for url (https://analytics.twingate.com/v1/track): error trying to connect: dns error: Too many open files (os error 24)`, want{
			kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyModule: "connector",
				model.KeyMessage: "Failed to submit analytics events: Unexpected error: error sending request for url (https://analytics.twingate.com/v1/track): error trying to connect: dns error: Too many open files (os error 24)"},
			absent: []string{model.KeyFunction},
		}},
		{"relay preconnect", `[ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`, want{
			kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyFunction: "listen::channel_event",
				model.KeyMessage: `Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`},
		}},
		{"relay not available", `[ERROR] [libsdwan] listen::maintain_relay_connectivity: relay [IP address and port] is not available, disconnect`, want{
			kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyFunction: "listen::maintain_relay_connectivity",
				model.KeyMessage: "relay [IP address and port] is not available, disconnect"},
		}},
		{"health", `[INFO] [connector] processing "health" request`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "connector", model.KeyMessage: `processing "health" request`},
		}},
		{"stun nat type", `[INFO] [libsdwan] stun_nat_type: endpoint-independent`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyFunction: "stun_nat_type", model.KeyMessage: "endpoint-independent"},
		}},
		{"client packet manager", `[INFO] [client] Start packet manager initialization.`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "client", model.KeyMessage: "Start packet manager initialization."},
		}},
		{"libhydra", `[ERROR] [libsdwan] failed to initialize libhydra: code -1`, want{
			kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyMessage: "failed to initialize libhydra: code -1"},
			absent: []string{model.KeyFunction},
		}},
		{"no module ssl", `[WARN] SSL check error from host: .twingate.com. SSL Certificate is not pinned!`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyMessage: "SSL check error from host: .twingate.com. SSL Certificate is not pinned!"},
			absent: []string{model.KeyModule, model.KeyFunction},
		}},
		{"no module trailing space", "[ERROR] Failed to validate controller url - AuthenticationException: ", want{
			kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyMessage: "Failed to validate controller url - AuthenticationException:"},
			absent: []string{model.KeyModule},
		}},
		{"no spaces between tokens", `[INFO][client]Client posture data collected. {"IsScreenSaverSecure":false}`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "client", model.KeyMessage: `Client posture data collected. {"IsScreenSaverSecure":false}`},
		}},
		{"libevent all failed", `[msg] All nameservers have failed`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "libevent", model.KeyMessage: "All nameservers have failed"},
		}},
		{"libevent back up", `[msg] Nameserver 172.20.0.10:53 is back up`, want{
			kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyLibrary: "libevent", model.KeyMessage: "Nameserver 172.20.0.10:53 is back up"},
		}},
		{"libevent has failed", `[msg] Nameserver 172.20.0.10:53 has failed: request timed out.`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "libevent", model.KeyMessage: "Nameserver 172.20.0.10:53 has failed: request timed out."},
		}},
		{"pubnub response", `Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "pubnub", "status": "403", "service": "Access Manager",
				model.KeyMessage: `Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`},
		}},
		{"pubnub access denied", `pbcc_parse_subscribe_v2_response - AccessDenied: response from server`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "pubnub", model.KeyFunction: "pbcc_parse_subscribe_v2_response",
				model.KeyMessage: "AccessDenied: response from server"},
		}},
		{"pubnub bare reply", `{"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`, want{
			kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "pubnub", model.KeyMessage: "Token is expired.", "error": "true"},
			nums:   map[string]float64{"status": 403},
		}},
		// Lines of the same sources that are not in the bracket shape stay text.
		{"bare library text", `resource temporarily unavailable`, want{
			kind: model.KindText, fields: map[string]string{model.KeyMessage: "resource temporarily unavailable"},
		}},
		{"joined tail", `Authentication [INFO] [libsdwan] sdwan_state: Offline User`, want{
			kind: model.KindText, fields: map[string]string{model.KeyMessage: "Authentication [INFO] [libsdwan] sdwan_state: Offline User"},
		}},
		{"viewer placeholder prefix", `[Timestamp][Connector]: [ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`, want{
			kind:   model.KindText,
			fields: map[string]string{model.KeyMessage: `[Timestamp][Connector]: [ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)`},
		}},
		{"journalctl ident kept", `twingate-connector[6479]: Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`, want{
			kind:   model.KindText,
			fields: map[string]string{model.KeyMessage: `twingate-connector[6479]: Response was: {"error":true,"status":403,"service":"Access Manager","message":"Token is expired."}`},
		}},
		{"journalctl ident pbcc", `twingate-connector[6479]: pbcc_parse_subscribe_v2_response - AccessDenied: response from server`, want{
			kind:   model.KindText,
			fields: map[string]string{model.KeyMessage: `twingate-connector[6479]: pbcc_parse_subscribe_v2_response - AccessDenied: response from server`},
		}},
		{"connectorctl ok", `OK`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: "OK"}}},
		{"connectorctl enoent", `No such file or directory (os error 2)`, want{
			kind: model.KindText, fields: map[string]string{model.KeyMessage: "No such file or directory (os error 2)"},
		}},
		{"connectorctl error", `Error: No such file or directory (os error 2)`, want{
			kind: model.KindText, fields: map[string]string{model.KeyMessage: "Error: No such file or directory (os error 2)"},
		}},
	})
}

// The rules around the real lines: every level token, spacing, module
// tokens, and which prefixes count as a function.
func TestParseServiceRules(t *testing.T) {
	runTable(t, []tableCase{
		{"trace", `[TRACE] [libsdwan] tick`, want{kind: model.KindService, level: model.LevelTrace,
			fields: map[string]string{model.KeyModule: "libsdwan", model.KeyMessage: "tick"}}},
		{"warning spelled out", `[WARNING] [connector] x`, want{kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyMessage: "x"}}},
		{"three modules", `[DEBUG] [libsdwan] [controller] [dns] resolve: done`, want{kind: model.KindService, level: model.LevelDebug,
			fields: map[string]string{model.KeyModule: "libsdwan/controller/dns", model.KeyMessage: "resolve: done"}}},
		{"tabs and extra spaces", "[INFO]\t [connector]   \t processing request  \r", want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyModule: "connector", model.KeyMessage: "processing request"}}},
		{"level only", `[ERROR]`, want{kind: model.KindService, level: model.LevelError,
			fields: map[string]string{model.KeyMessage: ""}, absent: []string{model.KeyModule}}},
		{"phrase in brackets is message", `[INFO] [some words here] x`, want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyMessage: "[some words here] x"}, absent: []string{model.KeyModule}}},
		{"destructor scope", `[DEBUG] [libsdwan] session::~session: closed`, want{kind: model.KindService, level: model.LevelDebug,
			fields: map[string]string{model.KeyFunction: "session::~session", model.KeyMessage: "closed"}}},
		{"url is not a function", `[INFO] [connector] https://example.com: up`, want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyMessage: "https://example.com: up"}, absent: []string{model.KeyFunction}}},
		{"capitalised snake is message", `[INFO] [connector] Token_State: fresh`, want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyMessage: "Token_State: fresh"}, absent: []string{model.KeyFunction}}},
		{"function at end of line", `[DEBUG] [libsdwan] run_state_machine:`, want{kind: model.KindService, level: model.LevelDebug,
			fields: map[string]string{model.KeyFunction: "run_state_machine", model.KeyMessage: ""}}},
		{"lower-case level is not a service token", `[info] something`, want{kind: model.KindText,
			fields: map[string]string{model.KeyMessage: "[info] something"}}},
		{"unknown bracket", `[1] first item`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: "[1] first item"}}},
		{"libevent without space", `[msg]Nameserver up`, want{kind: model.KindService, level: model.LevelInfo,
			fields: map[string]string{model.KeyLibrary: "libevent", model.KeyMessage: "Nameserver up"}}},
		{"libevent FAILED in capitals", `[msg] Nameserver 10.0.0.2:53 FAILED`, want{kind: model.KindService, level: model.LevelWarn,
			fields: map[string]string{model.KeyLibrary: "libevent"}}},
		{"pubnub reply without error", `Response was: {"error":false,"status":200,"service":"Presence","message":"OK"}`, want{
			kind: model.KindService, fields: map[string]string{model.KeyLibrary: "pubnub", "error": "false"}}},
		{"pubnub broken reply", `Response was: {"error":true,"status":4`, want{
			kind: model.KindService, level: model.LevelWarn, fields: map[string]string{model.KeyLibrary: "pubnub"},
			errHas: "truncated"}},
		{"pubnub core without function", `pbcc_ something odd`, want{kind: model.KindService,
			fields: map[string]string{model.KeyLibrary: "pubnub", model.KeyMessage: "pbcc_ something odd"}, absent: []string{model.KeyFunction}}},
	})
}

// A module token is made of letters, digits and "_-./:", whatever byte
// comes: the table says what the former test of each byte said.
func TestModuleTokenBytes(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
			b == '_' || b == '-' || b == '.' || b == '/' || b == ':'
		if got := isModuleToken([]byte{'m', b}); got != want {
			t.Errorf("byte %#x: module token %v, want %v", b, got, want)
		}
	}
}

// indexByteWithin finds c only among the first max bytes.
func TestIndexByteWithin(t *testing.T) {
	for _, c := range []struct {
		p    string
		max  int
		want int
	}{{"[DEBUG]", 12, 6}, {"[DEBUG]", 6, -1}, {"[DEBUG]", 7, 6}, {"", 3, -1}, {"]", 0, -1}, {"ab]", 100, 2}} {
		if got := indexByteWithin([]byte(c.p), ']', c.max); got != c.want {
			t.Errorf("indexByteWithin(%q, %d) = %d, want %d", c.p, c.max, got, c.want)
		}
	}
}
