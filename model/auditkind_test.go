package model

import "testing"

// A Linux audit record has a type and no log type; an AQtive Guard record
// has a log type, and may have a "type" of its own.
func TestIsLinuxAudit(t *testing.T) {
	for _, c := range []struct {
		name string
		fs   Fields
		want bool
	}{
		{"auditd record", Fields{Str(KeyAuditType, "USER_LOGIN"), Str(KeyHostname, "client1")}, true},
		{"AQtive Guard record", Fields{Str(KeyLogType, "audit"), Str(KeyHostname, "analyzer-1")}, false},
		{"AQtive Guard record with a type", Fields{Str(KeyLogType, "web"), Str(KeyAuditType, "x")}, false},
		{"no fields", nil, false},
	} {
		if got := IsLinuxAudit(c.fs); got != c.want {
			t.Errorf("%s: IsLinuxAudit = %v, want %v", c.name, got, c.want)
		}
	}
}
