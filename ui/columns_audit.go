package ui

import (
	"connlog/model"
	"connlog/model/payload"
)

// The audit tab's cells read an AQtive Guard record's fields first, then a
// Linux audit record's (auditd, the kernel): the tab holds both, and a
// Linux record would otherwise show only its time and level.

// linuxAudit reports whether e is a Linux audit record rather than an
// AQtive Guard one.
func linuxAudit(e *model.Entry) bool {
	return model.IsLinuxAudit(e.Fields)
}

// auditValue is the first of keys e has, "?" counting as none.
func auditValue(e *model.Entry, keys ...string) string { return payload.AuditValue(e.Fields, keys...) }

func auditTypeCell(e *model.Entry) string {
	return auditValue(e, model.KeyLogType, model.KeyAuditType)
}

// auditActionCell is what was done: AQtive Guard's action, a Linux
// record's operation (op=login, AppArmor's operation="open") or, for a
// system call, the command that made it.
func auditActionCell(e *model.Entry) string {
	if !linuxAudit(e) {
		return e.Fields.Value(model.KeyAction)
	}
	return auditValue(e, "op", "operation", "comm")
}

func auditUserCell(e *model.Entry) string { return payload.AuditUser(e.Fields) }

func auditClientCell(e *model.Entry) string {
	return auditValue(e, model.KeyAuditClientIP, model.KeyAuditAddr)
}

// auditResultCell is whether access was granted (AQtive Guard), or how a
// Linux record ended: DENIED or FAILED as the triage views count them,
// else its result as written (success, yes).
func auditResultCell(e *model.Entry) string {
	if !linuxAudit(e) {
		return grantedCell(e)
	}
	switch failed, denied := payload.AuditMarks(e.Level, e.Fields); {
	case denied:
		return "DENIED"
	case failed:
		return "FAILED"
	}
	return auditValue(e, "res", "result", "success")
}

// linuxAuditDetail is what a Linux record is about, after its message: the
// program, the object a security module decided on, the terminal and the
// watch key.
func linuxAuditDetail(e *model.Entry, add func(string)) {
	add(auditValue(e, "exe"))
	add(auditValue(e, model.KeyAuditObject))
	add(auditValue(e, "terminal"))
	if k := auditValue(e, "key"); k != "" && k != "(null)" {
		add("key=" + k)
	}
}
