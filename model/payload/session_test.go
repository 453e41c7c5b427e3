package payload

import (
	"testing"
	"time"

	"connlog/model"
)

func TestParseNewtAccess(t *testing.T) {
	runTable(t, []tableCase{
		{"start tcp (formats.md example)", `ACCESS START session=4f9c2a7d1e8b3c60 resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 time=2026-02-10T14:21:37Z`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:21:37Z"), fields: map[string]string{
				model.KeyPhase: "START", model.KeySessionID: "4f9c2a7d1e8b3c60", model.KeySessProtocol: "tcp",
				model.KeySourceAddr: "100.90.128.5:38004", model.KeySrcIP: "100.90.128.5", model.KeyDestAddr: "10.0.0.5:22",
				model.KeyDstIP: "10.0.0.5", model.KeyStartedAt: "2026-02-10T14:21:37Z"},
				nums:   map[string]float64{model.KeySiteResource: 35, model.KeySrcPort: 38004, model.KeyDstPort: 22},
				absent: []string{model.KeyEndReason, model.KeySessDuration, model.KeyEndedAt}}},
		{"start udp", `ACCESS START session=8d1e3f5a7b9c0d2e resource=35 proto=udp src=100.90.128.5:51820 dst=10.0.0.53:53 time=2026-02-10T14:21:38Z`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:21:38Z"), fields: map[string]string{model.KeySessProtocol: "udp"}}},
		{"end with Go duration", `ACCESS END session=4f9c2a7d1e8b3c60 resource=35 proto=tcp src=100.90.128.5:38004 dst=10.0.0.5:22 started=2026-02-10T14:21:37Z ended=2026-02-10T14:22:39Z duration=1m2.345678901s`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:22:39Z"), fields: map[string]string{
				model.KeyPhase: "END", model.KeyStartedAt: "2026-02-10T14:21:37Z", model.KeyEndedAt: "2026-02-10T14:22:39Z"},
				nums:   map[string]float64{model.KeySessDuration: 62345.678901},
				absent: []string{model.KeyEndReason}}},
		{"end reaped", `ACCESS END (reaped) session=a1b2c3d4e5f60718 resource=41 proto=udp src=100.90.128.9:40001 dst=10.0.0.7:514 started=2026-02-10T14:19:02Z ended=2026-02-10T14:21:40Z duration=2m38s`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:21:40Z"), fields: map[string]string{
				model.KeyPhase: "END", model.KeyEndReason: "reaped"}, nums: map[string]float64{model.KeySessDuration: 158000}}},
		{"end shutdown", `ACCESS END (shutdown) session=0c1d2e3f4a5b6c7d resource=35 proto=tcp src=100.90.128.12:45522 dst=10.0.0.5:443 started=2026-02-10T14:20:00Z ended=2026-02-10T14:23:00Z duration=41.207ms`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:23:00Z"), fields: map[string]string{model.KeyEndReason: "shutdown"},
				nums: map[string]float64{model.KeySessDuration: 41.207}}},
		{"bad duration kept as text", `ACCESS END session=s resource=1 proto=tcp src=a:1 dst=b:2 started=2026-02-10T14:20:00Z ended=2026-02-10T14:23:00Z duration=forever`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:23:00Z"), fields: map[string]string{model.KeySessDuration: "forever"},
				errHas: "not a Go duration"}},
		{"bad time", `ACCESS START session=s resource=x proto=tcp src=a dst=b time=10:21`,
			want{kind: model.KindSession, fields: map[string]string{model.KeySiteResource: "x", model.KeySrcIP: "a"}, errHas: "not RFC 3339"}},
		{"stray word", `ACCESS START oops session=s`, want{kind: model.KindSession, fields: map[string]string{model.KeySessionID: "s"},
			errHas: "unexpected word"}},
		{"not a phase", `ACCESS DENIED for user`, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: "ACCESS DENIED for user"}}},
	})
}

func TestParsePangolinJSON(t *testing.T) {
	lines := fixtureLines(t, "session.log")
	stream := lines[6]
	row := map[string]string{model.KeySessionID: "4f9c2a7d1e8b3c60", model.KeyOrgID: "org_acme", model.KeySessProtocol: "tcp",
		model.KeySourceAddr: "100.90.128.5:38004", model.KeySrcIP: "100.90.128.5", model.KeyDestAddr: "10.0.0.5:22", model.KeyDstIP: "10.0.0.5",
		model.KeySessUserID: "usr_8k2j"}
	t.Run("streaming event", func(t *testing.T) {
		check(t, parseOne(t, stream), want{kind: model.KindSession, time: time.Unix(1770733297, 0).UTC(),
			fields: merge(row, map[string]string{model.KeySessionEvent: "connection"}),
			nums: map[string]float64{model.KeyStartedAt: 1770733297, model.KeyEndedAt: 1770733359, model.KeySessDuration: 62000,
				model.KeyBytesTx: 48213, model.KeyBytesRx: 9120, model.KeySiteResource: 35, model.KeySiteID: 3, model.KeyClientID: 12,
				model.KeySrcPort: 38004, model.KeyDstPort: 22},
			absent: []string{"clientEndpoint"}})
	})
	t.Run("json_array of events", func(t *testing.T) {
		checkAll(t, Parse([]byte(lines[7]), nil), []want{
			{kind: model.KindSession, time: time.Unix(1770733142, 0).UTC(), fields: map[string]string{model.KeySessionID: "a1b2c3d4e5f60718"},
				nums: map[string]float64{model.KeySessDuration: 158000, model.KeyBytesRx: 0}, absent: []string{model.KeySessUserID}},
			{kind: model.KindSession, time: time.Unix(1770733298, 0).UTC(), fields: map[string]string{model.KeySessionID: "8d1e3f5a7b9c0d2e"},
				nums: map[string]float64{model.KeySessDuration: 0}},
		})
	})
	t.Run("API response", func(t *testing.T) {
		checkAll(t, Parse([]byte(lines[8]), nil), []want{
			{kind: model.KindSession, time: time.Unix(1770733200, 0).UTC(), fields: map[string]string{
				model.KeySessionID: "0c1d2e3f4a5b6c7d", model.KeyResourceName: "intranet", model.KeySessUserEmail: "bob@example.com"},
				nums: map[string]float64{model.KeySessDuration: 180000}},
			{kind: model.KindSession, time: time.Unix(1770733297, 0).UTC(), fields: map[string]string{
				model.KeySessionID: "4f9c2a7d1e8b3c60", model.KeyResourceName: "bastion"},
				absent: []string{model.KeyEndedAt, model.KeySessDuration, model.KeyBytesTx}},
		})
	})
	t.Run("bare row", func(t *testing.T) {
		check(t, parseOne(t, lines[9]), want{kind: model.KindSession, time: time.Unix(1770733410, 0).UTC(),
			fields: map[string]string{model.KeySessionID: "5a6b7c8d9e0f1a2b", model.KeyDstIP: "192.168.50.10"},
			nums:   map[string]float64{model.KeySessDuration: 1800000, model.KeyBytesTx: 120442210, model.KeyDstPort: 3389},
			absent: []string{model.KeyClientID, model.KeySessUserID}})
	})
	runTable(t, []tableCase{
		{"empty API response is generic", lines[8][:0] + `{"data":{"log":[],"pagination":{"total":0,"limit":1000,"offset":0}},"success":true,"message":"Connection audit logs retrieved successfully","status":200}`,
			want{kind: model.KindJSON, fields: map[string]string{model.KeyMessage: "Connection audit logs retrieved successfully",
				"data.pagination.total": "0", "success": "true"}}},
		{"event with time but no startedAt", `{"event":"connection","timestamp":"2026-02-10T14:21:37.000Z","data":{"sessionId":"s","destAddr":"[fd00::5]:22"}}`,
			want{kind: model.KindSession, time: rfc(t, "2026-02-10T14:21:37Z"),
				fields: map[string]string{model.KeyDstIP: "fd00::5", model.KeyTimestamp: "2026-02-10T14:21:37.000Z"},
				nums:   map[string]float64{model.KeyDstPort: 22}}},
		{"startedAt as a numeric string", `{"sessionId":"s","startedAt":"1770733297","endedAt":"1770733298"}`,
			want{kind: model.KindSession, time: time.Unix(1770733297, 0).UTC(), nums: map[string]float64{model.KeySessDuration: 1000}}},
		{"end before start: no duration", `{"sessionId":"s","startedAt":1770733297,"endedAt":1770733200}`,
			want{kind: model.KindSession, time: time.Unix(1770733297, 0).UTC(), absent: []string{model.KeySessDuration}}},
		{"row truncated", `{"sessionId":"s","siteResourceId":35,"startedAt":17707`,
			want{kind: model.KindSession, fields: map[string]string{model.KeySessionID: "s"}, errHas: "truncated"}},
		{"sessionId alone is generic", `{"sessionId":"s","note":"x"}`, want{kind: model.KindJSON,
			fields: map[string]string{model.KeySessionID: "s"}}},
	})
}

func TestParseSessionCSV(t *testing.T) {
	runTable(t, []tableCase{
		{"header is text", csvHeader, want{kind: model.KindText, fields: map[string]string{model.KeyMessage: csvHeader}}},
		{"row", `4f9c2a7d1e8b3c60,35,org_acme,3,12,,usr_8k2j,100.90.128.5:38004,10.0.0.5:22,tcp,1770733297,1770733359,48213,9120`,
			want{kind: model.KindSession, time: time.Unix(1770733297, 0).UTC(), fields: map[string]string{
				model.KeySessionID: "4f9c2a7d1e8b3c60", model.KeyOrgID: "org_acme", model.KeySessUserID: "usr_8k2j",
				model.KeySrcIP: "100.90.128.5", model.KeyDestAddr: "10.0.0.5:22", model.KeySessProtocol: "tcp"},
				nums: map[string]float64{model.KeySiteResource: 35, model.KeySiteID: 3, model.KeyClientID: 12, model.KeyStartedAt: 1770733297,
					model.KeyEndedAt: 1770733359, model.KeySessDuration: 62000, model.KeyBytesTx: 48213, model.KeyBytesRx: 9120},
				absent: []string{"clientEndpoint"}}},
		{"open session", `0c1d2e3f4a5b6c7d,35,org_acme,3,22,,usr_q7d1,100.90.128.12:45522,10.0.0.5:443,tcp,1770733200,,,`,
			want{kind: model.KindSession, time: time.Unix(1770733200, 0).UTC(),
				absent: []string{model.KeyEndedAt, model.KeySessDuration, model.KeyBytesTx, model.KeyBytesRx}}},
		{"carriage return", "a1b2c3d4e5f60718,41,org_acme,3,15,,,100.90.128.9:40001,10.0.0.7:514,UDP,1770733142,1770733300,1840,0\r",
			want{kind: model.KindSession, time: time.Unix(1770733142, 0).UTC(), nums: map[string]float64{model.KeyBytesRx: 0},
				fields: map[string]string{model.KeySessProtocol: "UDP"}}},
		{"quoted cell and formula protection", `9e8d7c6b5a4f3e2d,35,"org,acme",3,22,,'@svc-backup,100.90.128.12:45523,10.0.0.5:443,tcp,1770733210,1770733211,10,20`,
			want{kind: model.KindSession, time: time.Unix(1770733210, 0).UTC(),
				fields: map[string]string{model.KeyOrgID: "org,acme", model.KeySessUserID: "@svc-backup"}}},
		{"escaped quotes", `s1,35,"org ""a""",3,,"'=cmd",'-x,a:1,b:2,tcp,1,2,,`,
			want{kind: model.KindSession, time: time.Unix(1, 0).UTC(),
				fields: map[string]string{model.KeyOrgID: `org "a"`, "clientEndpoint": "=cmd", model.KeySessUserID: "-x"}}},
		{"apostrophe before other text stays", `s1,35,'org,3,,,'x,a:1,b:2,tcp,1,2,,`,
			want{kind: model.KindSession, time: time.Unix(1, 0).UTC(),
				fields: map[string]string{model.KeyOrgID: "'org", model.KeySessUserID: "'x"}}},
		{"protected tab", "s1,35,org,3,,,'\tu,a:1,b:2,tcp,1,2,,",
			want{kind: model.KindSession, time: time.Unix(1, 0).UTC(), fields: map[string]string{model.KeySessUserID: "\tu"}}},
		{"13 columns is text", `s1,35,org,3,,,u,a:1,b:2,tcp,1,2,3`, want{kind: model.KindText}},
		{"15 columns is text", `s1,35,org,3,,,u,a:1,b:2,tcp,1,2,3,4,5`, want{kind: model.KindText}},
		{"implausible protocol", `s1,35,org,3,,,u,a:1,b:2,sctp,1,2,3,4`, want{kind: model.KindText}},
		{"implausible startedAt", `s1,35,org,3,,,u,a:1,b:2,tcp,yesterday,2,3,4`, want{kind: model.KindText}},
		{"empty sessionId", `,35,org,3,,,u,a:1,b:2,tcp,1,2,3,4`, want{kind: model.KindText}},
		{"broken quote", `s1,35,"org,3,,,u,a:1,b:2,tcp,1,2,3,4`, want{kind: model.KindText}},
		{"prose with commas", `a, b, c, d, e, f, g, h, i, j, k, l, m, n`, want{kind: model.KindText}},
	})
}
