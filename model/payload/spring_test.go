package payload

import (
	"testing"

	"connlog/model"
)

// TestSpringBootHeader reads the pid, thread, application and logger of
// Spring Boot's console lines instead of leaving them in the message. The
// lines are those of testdata/realworld/logfmt-java-python.log [C] [D] [E]
// (the compose prefix of [C] removed, as the envelope does).
func TestSpringBootHeader(t *testing.T) {
	cases := []struct {
		line, pid, thread, app, logger, msg string
		level                               model.Level
	}{
		{"2024-11-17T03:22:31.552Z  INFO 1 --- [demo101] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.",
			"1", "main", "demo101", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed.", model.LevelInfo},
		{"2025-08-18T11:31:03.829+02:00  WARN 1 --- [pool-1-thread-2] c.n.k.f.service.KafkaListenerService     : [81d7dfb9-cb41-4a47-8438-8e686b0aec52] Folder 'mobstat' does not exist",
			"1", "pool-1-thread-2", "", "c.n.k.f.service.KafkaListenerService", "[81d7dfb9-cb41-4a47-8438-8e686b0aec52] Folder 'mobstat' does not exist", model.LevelWarn},
		{"2019-10-23 07:29:17.726 WARN 1 --- [nt_0.internal-2] c.h.c.connection.nio.HeartbeatManager : hz.client_0 [CloudDemo] [3.11.1] Heartbeat failed over the connection",
			"1", "nt_0.internal-2", "", "c.h.c.connection.nio.HeartbeatManager", "hz.client_0 [CloudDemo] [3.11.1] Heartbeat failed over the connection", model.LevelWarn},
	}
	for _, tc := range cases {
		r := Parse([]byte(tc.line), nil)[0]
		f := r.Fields
		if r.Level != tc.level || r.Time.IsZero() || f.Value(model.KeyPID) != tc.pid || f.Value(model.KeyThread) != tc.thread ||
			f.Value(model.KeyApplication) != tc.app || f.Value(model.KeyModule) != tc.logger || f.Value(model.KeyMessage) != tc.msg {
			t.Errorf("%.60q:\n got level %v fields %v", tc.line, r.Level, f)
		}
	}
	// Without a level it is not Spring Boot's header, whatever follows.
	if f := Parse([]byte("2019-10-23 07:29:17.726 1 --- [main] a.b.C : msg"), nil)[0].Fields; f.Value(model.KeyThread) != "" {
		t.Errorf("a line without a level read as Spring Boot: %v", f)
	}
}
