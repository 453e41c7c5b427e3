package payload

import (
	"testing"

	"connlog/model"
)

// An audit record's user is its AQtive Guard user, else its account, else
// its login name; a Linux record's "?" is no value, and the next key is
// read.
func TestAuditUser(t *testing.T) {
	for _, c := range []struct {
		fs   model.Fields
		want string
	}{
		{model.Fields{model.Str(model.KeyAuditUserName, "alice@example.com"), model.Str(model.KeyAuditAcct, "root")}, "alice@example.com"},
		{model.Fields{model.Str(model.KeyAuditAcct, "alice"), model.Str(model.KeyAuditLoginName, "bob")}, "alice"},
		{model.Fields{model.Str(model.KeyAuditAcct, "?"), model.Str(model.KeyAuditLoginName, "bob")}, "bob"},
		{model.Fields{model.Str(model.KeyAuditAcct, "?")}, ""},
		// A service's records name no login: the enriched AUID of the
		// unset login uid is "unset", no one's.
		{model.Fields{model.Str(model.KeyAuditLoginName, "unset")}, ""},
		{model.Fields{model.Str(model.KeyAuditAcct, "?"), model.Str(model.KeyAuditLoginName, "unset")}, ""},
		{nil, ""},
	} {
		if got := AuditUser(c.fs); got != c.want {
			t.Errorf("AuditUser(%v) = %q, want %q", c.fs, got, c.want)
		}
	}
}
