package query

import (
	"testing"

	"connlog/model"
)

// A Linux audit record's pairs are queried by their own names, as the
// record writes them: a query naming them compiles and matches.
func TestLinuxAuditFieldsByName(t *testing.T) {
	record := func(res string) *model.Entry {
		return &model.Entry{Kind: model.KindAudit, Level: model.LevelWarn, Fields: model.Fields{
			model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str(model.KeyAuditEvent, "1796378400.123:456"),
			model.Str(model.KeyAuditNode, "host1"), model.Str("op", "login"), model.Str("acct", "alice"),
			model.Str("exe", "/usr/sbin/sshd"), model.Str("res", res)}}
	}
	failed, ok := record("failed"), record("success")
	for _, tc := range []struct {
		src            string
		failedIn, okIn bool
	}{
		{"type:USER_LOGIN", true, true},
		{"acct:alice res:failed", true, false},
		{"res:success", false, true},
		{"kind:audit -res:failed", false, true},
		{"node:host1 audit_id:1796378400.123:*", true, true},
		{`exe:"/usr/sbin/sshd" op=login`, true, true},
	} {
		q, err := Compile(tc.src, testOpts)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.src, err)
			continue
		}
		if q.Match(failed) != tc.failedIn || q.Match(ok) != tc.okIn {
			t.Errorf("%q matches failed %v, success %v; want %v, %v", tc.src, q.Match(failed), q.Match(ok), tc.failedIn, tc.okIn)
		}
	}
}

// A kernel record's numeric type is read by its name and its number.
func TestLinuxAuditTypeByNameOrNumber(t *testing.T) {
	e := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{
		model.Str(model.KeyAuditType, "AVC"), model.Str(model.KeyAuditTypeNum, "1400"), model.Str("apparmor", "DENIED")}}
	for _, src := range []string{"type:AVC", "type_num:1400", "type:avc type_num=1400"} {
		q, err := Compile(src, testOpts)
		if err != nil {
			t.Errorf("Compile(%q): %v", src, err)
			continue
		}
		if !q.Match(e) {
			t.Errorf("%q does not match a kernel AVC record", src)
		}
	}
}

// The user and ip aliases find a Linux audit record by the account it
// acted for and the remote address it came from, as they find the user
// and client of the other kinds; its numeric ids are not users.
func TestLinuxAuditUserAndIPAliases(t *testing.T) {
	login := &model.Entry{Kind: model.KindAudit, Level: model.LevelWarn, Fields: model.Fields{
		model.Str(model.KeyAuditType, "USER_LOGIN"), model.Str("auid", "1000"), model.Str("uid", "0"),
		model.Str(model.KeyAuditAcct, "alice"), model.Str(model.KeyHostname, "?"),
		model.Str(model.KeyAuditAddr, "203.0.113.9"), model.Str("res", "failed")}}
	enriched := &model.Entry{Kind: model.KindAudit, Fields: model.Fields{
		model.Str(model.KeyAuditType, "USER_CMD"), model.Str("auid", "1001"), model.Str(model.KeyAuditLoginName, "bob")}}
	for _, tc := range []struct {
		src        string
		login, cmd bool
	}{
		{"user:alice", true, false},
		{"user:bob", false, true},
		{"user:1000", false, false},
		{"ip:203.0.113.9", true, false},
		{"user:alice ip:203.0.113.9 res:failed", true, false},
		{"ip:203.0.113.*", true, false},
	} {
		q, err := Compile(tc.src, testOpts)
		if err != nil {
			t.Errorf("Compile(%q): %v", tc.src, err)
			continue
		}
		if q.Match(login) != tc.login || q.Match(enriched) != tc.cmd {
			t.Errorf("%q matches the login %v, the command %v; want %v, %v", tc.src, q.Match(login), q.Match(enriched), tc.login, tc.cmd)
		}
	}
	for key, alias := range map[string]string{model.KeyAuditAcct: "user", model.KeyAuditLoginName: "user", model.KeyAuditAddr: "ip"} {
		if got, ok := AliasOf(key); !ok || got != alias {
			t.Errorf("AliasOf(%q) = %q, %v; want %q", key, got, ok, alias)
		}
	}
}
