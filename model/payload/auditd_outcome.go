package payload

import (
	"slices"
	"strings"

	"connlog/model"
)

// The pairs by which a Linux audit record says it failed or was denied.
var (
	// AuditResultKeys are the pairs that hold a user-space record's result
	// (a login, an authentication, a command, a service start).
	AuditResultKeys = []string{"res", "result"}
	// AuditFailedResults are the results that say it failed ("no" and "0"
	// as older records write them), in lower case: records write them in
	// any.
	AuditFailedResults = []string{"failed", "fail", "failure", "no", "0"}
	// AuditDenialKeys are the pairs that say a security module denied
	// something when their value is AuditDenied (AppArmor's, SELinux's).
	AuditDenialKeys = []string{"apparmor", "seresult"}
	// AuditAVCTypes are the types of SELinux's access decisions, whose
	// denial ("avc:  denied  { read } for …") is in words, not in a pair.
	AuditAVCTypes = []string{"AVC", "USER_AVC"}
)

// AuditDenied is the value of an AuditDenialKeys pair for a denial.
const AuditDenied = "denied"

// auditSyscallFailed is the pair of a system call that failed
// (success=no): a warning, but neither a failed action nor a denial, since
// many calls fail by design (a file probed that is not there).
const auditSyscallKey, auditSyscallFailed = "success", "no"

// auditDeniedWords opens the message of an SELinux denial.
const auditDeniedWords = "avc: denied"

// auditFailed reports a record of a failure or a denial, which makes it a
// warning: a failed result, a failed system call, a denial by AppArmor or
// SELinux.
func auditFailed(fs model.Fields) bool {
	failed, denied := auditOutcome(fs, true)
	return failed || denied || strings.EqualFold(fs.Value(auditSyscallKey), auditSyscallFailed)
}

// AuditMarks says whether a Linux audit record of level l with the indexed
// fields fs (its message may be left out) failed (a failed result: a
// login, an authentication, a command) or was denied (by AppArmor or
// SELinux). A failed system call is neither. An AQtive Guard record
// (log_type) is not a Linux one: both are false.
func AuditMarks(l model.Level, fs model.Fields) (failed, denied bool) {
	if !model.IsLinuxAudit(fs) {
		return false, false
	}
	failed, denied = auditOutcome(fs, false)
	if !denied && !failed && l >= model.LevelWarn && isAVCType(fs.Value(model.KeyAuditType)) &&
		!strings.EqualFold(fs.Value(auditSyscallKey), auditSyscallFailed) {
		// A warning an SELinux decision has for no other reason is its
		// "avc: denied", which the message holds.
		denied = true
	}
	return failed, denied
}

// auditOutcome reads the pairs of fs that say a record failed or was
// denied; with words, also an SELinux denial in the message.
func auditOutcome(fs model.Fields, words bool) (failed, denied bool) {
	for _, f := range fs {
		switch {
		case slices.Contains(AuditResultKeys, f.Key):
			failed = failed || isOneOfFold(f.Value, AuditFailedResults)
		case slices.Contains(AuditDenialKeys, f.Key):
			denied = denied || strings.EqualFold(f.Value, AuditDenied)
		case words && f.Key == model.KeyMessage:
			denied = denied || strings.HasPrefix(f.Value, auditDeniedWords)
		}
	}
	return failed, denied
}

func isAVCType(typ string) bool { return slices.Contains(AuditAVCTypes, typ) }

func isOneOfFold(s string, list []string) bool {
	for _, v := range list {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}

// AuditValue is the first of keys fs holds, a Linux record's way of saying
// it has none (model.IsAuditNoValue) counting as none.
func AuditValue(fs model.Fields, keys ...string) string {
	for _, k := range keys {
		if v := fs.Value(k); v != "" && !model.IsAuditNoValue(v) {
			return v
		}
	}
	return ""
}

// AuditUser is who an audit record is about: an AQtive Guard record's user
// (its name, else its id), a Linux record's account (acct), else the
// enriched format's login name (AUID).
func AuditUser(fs model.Fields) string {
	return AuditValue(fs, model.KeyAuditUserName, model.KeyAuditUserID, model.KeyAuditAcct, model.KeyAuditLoginName)
}
