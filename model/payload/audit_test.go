package payload

import (
	"testing"
	"time"

	"connlog/model"
)

// AQtive Guard publishes no real line; these follow its documented schema
// (formats.md §6) record type by record type.
func TestParseAudit(t *testing.T) {
	utc := func(s string) time.Time { return rfc(t, s) }
	runTable(t, []tableCase{
		{"login granted", `{"id": "0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c", "created_at": "2026-03-04T09:15:02.418Z", "hostname": "aqg-analyzer-01", "level": "info", "log_type": "audit", "pid": 2113, "user_name": "alice", "action": "login_attempt", "access_granted": true, "client_ip": "10.20.0.15", "forwarded_for_client_ip": "198.51.100.44"}`,
			want{kind: model.KindAudit, level: model.LevelInfo, time: utc("2026-03-04T09:15:02.418Z"),
				fields: map[string]string{model.KeyAuditID: "0b5f7c1e-2a4d-4f6e-9c1b-3d2e1f0a9b8c", model.KeyHostname: "aqg-analyzer-01",
					model.KeyLogType: "audit", model.KeyAction: "login_attempt", model.KeyAccessGranted: "true",
					model.KeyAuditClientIP: "10.20.0.15", model.KeyForwardedFor: "198.51.100.44", model.KeyLevel: "info",
					model.KeyCreatedAt: "2026-03-04T09:15:02.418Z", model.KeyAuditUserName: "alice"},
				nums: map[string]float64{model.KeyPID: 2113}}},
		{"login denied raises info to warn", `{"id":"x","created_at":"2026-03-04T09:15:40Z","hostname":"h","level":"info","log_type":"audit","pid":1,"action":"login_attempt","access_granted":false}`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: utc("2026-03-04T09:15:40Z"),
				fields: map[string]string{model.KeyAccessGranted: "false", model.KeyLevel: "info"}}},
		{"denial keeps a higher level", `{"created_at":"2026-03-04T09:15:40Z","hostname":"h","level":"error","log_type":"audit","access_granted":false}`,
			want{kind: model.KindAudit, level: model.LevelError, time: utc("2026-03-04T09:15:40Z")}},
		{"True as a string, space separator, fraction, no zone", `{"created_at":"2026-03-04 09:16:12.550131","hostname":"h","level":"info","log_type":"audit","action":"access","access_granted":"True","element":"report","element_id":"1187"}`,
			want{kind: model.KindAudit, level: model.LevelInfo, time: utc("2026-03-04T09:16:12.550131Z"),
				fields: map[string]string{model.KeyAccessGranted: "true", model.KeyElement: "report", model.KeyElementID: "1187"}}},
		{"False as a string with a reason", `{"created_at":"2026-03-04T10:17:01+01:00","hostname":"h","level":"info","log_type":"audit","action":"export_jira","access_granted":"False","access_denied_reason":"no permission"}`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: utc("2026-03-04T09:17:01Z"),
				fields: map[string]string{model.KeyAccessGranted: "false", model.KeyDeniedReason: "no permission"}}},
		{"lower-case true", `{"created_at":"2026-03-04T09:17:01","hostname":"h","level":"debug","log_type":"audit","access_granted":"true"}`,
			want{kind: model.KindAudit, level: model.LevelDebug, time: utc("2026-03-04T09:17:01Z"),
				fields: map[string]string{model.KeyAccessGranted: "true"}}},
		{"odd granted value kept", `{"created_at":"2026-03-04T09:17:01Z","hostname":"h","log_type":"audit","access_granted":"maybe"}`,
			want{kind: model.KindAudit, time: utc("2026-03-04T09:17:01Z"), fields: map[string]string{model.KeyAccessGranted: "maybe"}}},
		{"setting change", `{"created_at":"2026-03-04T09:18:30Z","hostname":"h","level":"info","log_type":"audit","action":"setting_change","access_granted":true,"setting":"LOG_LEVEL","old_value":"info","new_value":"debug"}`,
			want{kind: model.KindAudit, level: model.LevelInfo, time: utc("2026-03-04T09:18:30Z"),
				fields: map[string]string{model.KeySetting: "LOG_LEVEL", model.KeyOldValue: "info", model.KeyNewValue: "debug"}}},
		{"api request with invalid key", `{"created_at":"2026-03-04T09:19:05.101Z","hostname":"h","level":"warning","log_type":"audit","action":"api_request","access_granted":false,"access_denied_reason":"Invalid API key","api_key":"k"}`,
			want{kind: model.KindAudit, level: model.LevelWarn, time: utc("2026-03-04T09:19:05.101Z"),
				fields: map[string]string{"api_key": "k", model.KeyDeniedReason: "Invalid API key"}}},
		{"web", `{"created_at":"2026-03-04T09:19:06.332Z","hostname":"h","level":"info","log_type":"web","pid":2113,"method":"GET","path":"/api/v2/reports/1187","status_code":200}`,
			want{kind: model.KindAudit, level: model.LevelInfo, time: utc("2026-03-04T09:19:06.332Z"),
				fields: map[string]string{model.KeyMethod: "GET", model.KeyPath: "/api/v2/reports/1187"},
				nums:   map[string]float64{model.KeyStatusCode: 200}}},
		{"stacktrace kept whole", `{"created_at":"2026-03-04T09:19:07.870Z","hostname":"h","level":"error","log_type":"web","stacktrace":"Traceback (most recent call last):\n  File \"a.py\", line 2\nValueError: x"}`,
			want{kind: model.KindAudit, level: model.LevelError, time: utc("2026-03-04T09:19:07.870Z"),
				fields: map[string]string{model.KeyStacktrace: "Traceback (most recent call last):\n  File \"a.py\", line 2\nValueError: x"}}},
		{"analysis", `{"created_at":"2026-03-04T09:20:00Z","hostname":"h","level":"critical","log_type":"analysis","memory_mb":812.5,"module":"tls_scanner","message":"started"}`,
			want{kind: model.KindAudit, level: model.LevelCritical, time: utc("2026-03-04T09:20:00Z"),
				fields: map[string]string{model.KeyModule: "tls_scanner", model.KeyMessage: "started"},
				nums:   map[string]float64{model.KeyMemoryMB: 812.5}}},
		{"tanium", `{"created_at":"2026-03-04T09:26:13.456Z","hostname":"h","level":"info","log_type":"tanium","computer_group":"Linux Servers","endpoint_id":"3318","message":"Inventory collected"}`,
			want{kind: model.KindAudit, level: model.LevelInfo, time: utc("2026-03-04T09:26:13.456Z"),
				fields: map[string]string{model.KeyTaniumEndpointID: "3318", "computer_group": "Linux Servers"}}},
		{"hostname without created_at", `{"hostname":"h","log_type":"application","message":"m"}`,
			want{kind: model.KindAudit, fields: map[string]string{model.KeyMessage: "m"}}},
		{"epoch created_at", `{"created_at":1772615702,"hostname":"h","log_type":"application"}`,
			want{kind: model.KindAudit, time: time.Unix(1772615702, 0).UTC()}},
		{"bad created_at keeps the record", `{"created_at":"yesterday","hostname":"h","log_type":"audit","level":"info"}`,
			want{kind: model.KindAudit, level: model.LevelInfo, fields: map[string]string{model.KeyCreatedAt: "yesterday"}}},
		{"pid as a string", `{"created_at":"2026-03-04T09:20:00Z","hostname":"h","log_type":"web","pid":"2113","status_code":"oops"}`,
			want{kind: model.KindAudit, time: utc("2026-03-04T09:20:00Z"),
				nums: map[string]float64{model.KeyPID: 2113}, fields: map[string]string{model.KeyStatusCode: "oops"}}},
		{"log_type alone is generic", `{"log_type":"audit","level":"info"}`, want{kind: model.KindJSON, level: model.LevelInfo,
			fields: map[string]string{model.KeyLogType: "audit"}}},
		{"truncated audit", `{"id":"a","created_at":"2026-03-04T09:20:00Z","hostname":"h","log_type":"audit","access_granted":fal`,
			want{kind: model.KindAudit, time: utc("2026-03-04T09:20:00Z"), fields: map[string]string{model.KeyAuditID: "a"},
				errHas: "invalid literal"}},
	})
}
