package envelope

import (
	"testing"
	"time"

	"connlog/model"
)

// journalLine is a journalctl -o json line built from the journal fields of a
// systemd-run Twingate connector (Datadog integration sample).
const journalLine = `{"__CURSOR":"s=ac0d02dbe26046508ed18e06ba50b941;i=1a2b;b=22d374d78ac34ffb86b955ebf0524bb1;m=5f1a2b3c;t=5ebf0a1b2c3d4;x=9f8e7d6c5b4a3921","__REALTIME_TIMESTAMP":"1666176817571000","__MONOTONIC_TIMESTAMP":"1595485244","_BOOT_ID":"22d374d78ac34ffb86b955ebf0524bb1","PRIORITY":"6","SYSLOG_FACILITY":"3","_UID":"65326","_GID":"65326","_CAP_EFFECTIVE":"0","_SELINUX_CONTEXT":"unconfined\n","_MACHINE_ID":"5a282c8a612e4ce89d37357ab9799753","_HOSTNAME":"ip-172-30-2-209","_SYSTEMD_SLICE":"system.slice","_TRANSPORT":"stdout","_STREAM_ID":"ac0d02dbe26046508ed18e06ba50b941","SYSLOG_IDENTIFIER":"twingate-connector","_PID":"369075","_COMM":"twingate-connec","_EXE":"/usr/bin/twingate-connector","_CMDLINE":"/usr/bin/twingate-connector --systemd-watchdog","_SYSTEMD_CGROUP":"/system.slice/twingate-connector.service","_SYSTEMD_UNIT":"twingate-connector.service","_SYSTEMD_INVOCATION_ID":"79fe4f1561d24c7e97ef10981e97a85d","MESSAGE":"[INFO] [connector] processing \"health\" request"}`

func TestDecodeJournalJSON(t *testing.T) {
	env, ok := Decode(JournalJSON, []byte(journalLine), Context{})
	if !ok {
		t.Fatal("journal line did not decode")
	}
	wantJ := model.JournalFields{
		Cursor:       "s=ac0d02dbe26046508ed18e06ba50b941;i=1a2b;b=22d374d78ac34ffb86b955ebf0524bb1;m=5f1a2b3c;t=5ebf0a1b2c3d4;x=9f8e7d6c5b4a3921",
		Hostname:     "ip-172-30-2-209",
		Unit:         "twingate-connector.service",
		Identifier:   "twingate-connector",
		PID:          369075,
		Priority:     6,
		BootID:       "22d374d78ac34ffb86b955ebf0524bb1",
		InvocationID: "79fe4f1561d24c7e97ef10981e97a85d",
		Transport:    "stdout",
	}
	if env.Journal == nil || *env.Journal != wantJ {
		t.Errorf("journal = %+v\nwant      %+v", env.Journal, wantJ)
	}
	check(t, env, ok, want{ok: true, payload: `[INFO] [connector] processing "health" request`,
		time: time.UnixMicro(1666176817571000), host: "ip-172-30-2-209", ident: "twingate-connector", pid: 369075})
}

func TestDecodeJournalJSONMessages(t *testing.T) {
	const head = `{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1666176817571000",`
	at := time.UnixMicro(1666176817571000)
	cases := []struct {
		name string
		line string
		want want
	}{
		{"byte array keeps invalid UTF-8", head + `"MESSAGE":[91,73,78,70,79,93,32,255,0,10]}`,
			want{ok: true, payload: "[INFO] \xff\x00\n", time: at}},
		{"repeated field takes the first", head + `"MESSAGE":["first","second"]}`, want{ok: true, payload: "first", time: at}},
		{"repeated binary field", head + `"MESSAGE":[[104,105],"x"]}`, want{ok: true, payload: "hi", time: at}},
		{"null message (too large without --all)", head + `"MESSAGE":null}`, want{ok: true, payload: "", time: at}},
		{"no message", `{"__CURSOR":"s=1"}`, want{ok: true, payload: ""}},
		{"compact spacing of older journalctl", `{ "__CURSOR" : "s=1", "__REALTIME_TIMESTAMP" : "1666176817571000", "MESSAGE" : "x" }`,
			want{ok: true, payload: "x", time: at}},
		{"newt under journald", head + `"SYSLOG_IDENTIFIER":"newt","MESSAGE":"WARN: 2026/02/10 14:22:13 Ping attempt 1 failed"}`,
			want{ok: true, payload: "Ping attempt 1 failed", time: at, ident: "newt", level: model.LevelWarn}},
		{"_COMM stands in for a missing identifier", head + `"_COMM":"twingate-connec","MESSAGE":"x"}`,
			want{ok: true, payload: "x", time: at, ident: "twingate-connec"}},
		{"byte value out of range", head + `"MESSAGE":[256]}`, want{ok: true, payload: "", time: at}},
		{"other JSON does not fit", `{"event_type":"closed_connection","MESSAGE":"x"}`, want{}},
		{"truncated line", head + `"MESSAGE":"[INFO] [conn`, want{}},
		{"trailing garbage", head + `"MESSAGE":"x"}}`, want{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Decode(JournalJSON, []byte(tc.line), Context{})
			check(t, got, ok, tc.want)
		})
	}
}

func TestJournalJSONPriority(t *testing.T) {
	cases := []struct {
		name string
		line string
		want int
	}{
		{"absent", `{"__CURSOR":"c"}`, -1},
		{"warning", `{"__CURSOR":"c","PRIORITY":"4"}`, 4},
		{"out of range", `{"__CURSOR":"c","PRIORITY":"9"}`, -1},
		{"not a number", `{"__CURSOR":"c","PRIORITY":"x"}`, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env, ok := Decode(JournalJSON, []byte(tc.line), Context{})
			if !ok || env.Journal.Priority != tc.want {
				t.Fatalf("ok = %v, priority = %+v, want %d", ok, env.Journal, tc.want)
			}
		})
	}
}
