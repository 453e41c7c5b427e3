package triage

import (
	"testing"

	"connlog/model"
)

// Linux audit records fold by type, operation and result: two users'
// failed logins are one template, a successful one another.
func TestLinuxAuditTemplates(t *testing.T) {
	rec := func(pairs ...string) *model.Entry {
		fs := model.Fields{model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str(model.KeyAuditEvent, "1796378400.123:456")}
		for i := 0; i+1 < len(pairs); i += 2 {
			fs = append(fs, model.Str(pairs[i], pairs[i+1]))
		}
		return &model.Entry{Kind: model.KindAudit, Fields: fs}
	}
	text := func(e *model.Entry) string { return string(templateText(nil, e)) }
	alice := rec("op", "login", "acct", "alice", "pid", "1", "res", "failed")
	bob := rec("op", "login", "acct", "bob", "pid", "2", "res", "failed")
	ok := rec("op", "login", "acct", "bob", "pid", "3", "res", "success")
	if got, want := text(alice), "audit USER_LOGIN login failed"; got != want {
		t.Errorf("template %q, want %q", got, want)
	}
	if text(alice) != text(bob) || text(bob) == text(ok) {
		t.Errorf("templates %q %q %q: failed logins must fold together, apart from a success", text(alice), text(bob), text(ok))
	}
}
