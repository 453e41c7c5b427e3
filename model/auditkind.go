package model

// IsLinuxAudit reports whether the fields of an audit entry are a Linux
// audit record's (auditd's, the kernel's): it has a type and no log type,
// which every AQtive Guard record has. The two share KindAudit, and some
// keys mean other things in each (a Linux record's hostname is the remote
// end of a login, an AQtive Guard record's is its analyzer's own).
func IsLinuxAudit(fs Fields) bool {
	return fs.Value(KeyLogType) == "" && fs.Value(KeyAuditType) != ""
}

// IsAuditNoValue reports whether v is how a Linux audit record says it has
// no value: "?" (acct="?", hostname=?), or "unset", the enriched name of
// the unset login uid (AUID="unset" for auid=4294967295). Such a value is
// no one's: not a user to count, nor a name to redact.
func IsAuditNoValue(v string) bool { return v == "?" || v == "unset" }
