package export

import (
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"connlog/model"
)

// minAuditHexLen is the shortest value read as auditd's hex-encoded text:
// two bytes, so that an ordinary short number is not.
const minAuditHexLen = 4

// auditd writes a value holding a blank, a quote or a control byte in
// upper-case hex (a PROCTITLE's command line, its arguments joined by NUL
// bytes; an EXECVE argument; a PATH name or a CWD with a space), which
// hides a user's name from a search of the text: /home/carol reads
// 2F686F6D652F6361726F6C. Such a value is decoded, redacted as text, and
// written again in hex, so that it stays a valid hex value of what the
// record now says.

// redactAuditHex returns the hex value v of a Linux audit record's field
// with the personal data of its text replaced, when there was any.
func redactAuditHex(r *Redactor, e *model.Entry, v string, set *secretSet) (string, bool) {
	if e.Kind != model.KindAudit {
		return "", false
	}
	text, ok := auditHexText(v)
	if !ok {
		return "", false
	}
	red := redactText(r, text, set)
	if red == text {
		return "", false
	}
	return strings.ToUpper(hex.EncodeToString([]byte(red))), true
}

// redactRawHex replaces, in a record's raw line, each hex value of its
// entries' fields as redactAuditHex replaces it in the field.
func redactRawHex(r *Redactor, raw string, entries []model.Entry, set *secretSet) string {
	for i := range entries {
		e := &entries[i]
		for _, f := range e.Fields {
			if f.IsNum {
				continue
			}
			if h, ok := redactAuditHex(r, e, f.Value, set); ok {
				raw = replaceBounded(raw, f.Value, h, true)
			}
		}
	}
	return raw
}

// auditHexText decodes v when it is hex as auditd writes it (upper-case
// digits, whole bytes) of text: valid UTF-8, control bytes other than the
// NUL that separates arguments excluded, so that a number or an id that
// happens to be hex is not read as text.
func auditHexText(v string) (string, bool) {
	if len(v) < minAuditHexLen || len(v)%2 != 0 || strings.Trim(v, "0123456789ABCDEF") != "" {
		return "", false
	}
	b, err := hex.DecodeString(v)
	if err != nil || !utf8.Valid(b) {
		return "", false
	}
	for _, c := range b {
		if c < 0x20 && c != 0 && c != '\t' && c != '\n' || c == 0x7f {
			return "", false
		}
	}
	return string(b), true
}
