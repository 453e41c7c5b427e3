package model

import (
	"math"
	"strconv"
	"strings"
)

// The journal keeps the stamp of a Linux audit record it received itself
// (its audit transport) out of the message: the record's time, which the
// kernel gives to the millisecond, in microseconds, and its serial, shared
// by the records of one event, each in a field of its own.
const (
	JournalFieldAuditSerial    = "_AUDIT_ID"
	JournalFieldSourceRealtime = "_SOURCE_REALTIME_TIMESTAMP"
	// JournalAudit is the _TRANSPORT of those records, and their
	// SYSLOG_IDENTIFIER, which journalctl and syslog show ("audit[1234]: …").
	JournalAudit = "audit"
)

// FromAudit reports a record of the journal's audit transport: by its
// _TRANSPORT, or by its identifier when that was not read.
func (j *JournalFields) FromAudit() bool {
	return j.Transport == JournalAudit || j.Identifier == JournalAudit
}

// SetAuditStamp sets j.AuditStamp to the stamp auditd writes for the
// audit-transport record (FromAudit) whose _SOURCE_REALTIME_TIMESTAMP is
// sourceRealtime and whose _AUDIT_ID is serial: SECONDS.MILLIS:SERIAL, the
// milliseconds on three digits, as in msg=audit(1796378400.023:456). One
// event read from audit.log and from the journal then has one audit_id. j
// is left as it is when it is another record, or when either value is
// missing or not a decimal number.
func (j *JournalFields) SetAuditStamp(sourceRealtime, serial []byte) {
	if !j.FromAudit() {
		return
	}
	us, err := strconv.ParseUint(string(sourceRealtime), 10, 64)
	if err != nil || us > math.MaxInt64 {
		return
	}
	n, err := strconv.ParseUint(string(serial), 10, 64)
	if err != nil {
		return
	}
	ms := us % 1e6 / 1e3
	b := make([]byte, 0, 32)
	b = strconv.AppendUint(b, us/1e6, 10)
	b = append(b, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10), ':')
	j.AuditStamp = string(strconv.AppendUint(b, n, 10))
}

// AuditStampFields returns the values of _SOURCE_REALTIME_TIMESTAMP and
// _AUDIT_ID that give stamp (see SetAuditStamp), for a journal export to
// write them back; ok is false for anything SetAuditStamp does not make.
func AuditStampFields(stamp string) (sourceRealtime, serial string, ok bool) {
	secs, rest, ok1 := strings.Cut(stamp, ".")
	ms, serial, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || len(ms) != 3 {
		return "", "", false
	}
	s, err1 := strconv.ParseUint(secs, 10, 64)
	m, err2 := strconv.ParseUint(ms, 10, 64)
	_, err3 := strconv.ParseUint(serial, 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || s > (math.MaxInt64-m*1e3)/1e6 {
		return "", "", false
	}
	return strconv.FormatUint(s*1e6+m*1e3, 10), serial, true
}
