package payload

import (
	"bytes"
	"strings"
	"time"

	"connlog/model"
)

// Linux audit records, as auditd writes them to /var/log/audit/audit.log
// (and audisp's syslog plugin to syslog), optionally after node=:
//
//	node=host1 type=USER_LOGIN msg=audit(1796378400.123:456): pid=1234 uid=0 msg='op=login acct="alice" res=failed'
//
// and as the kernel prints them when no auditd listens (dmesg, the journal's
// kernel transport, kern.log, the last with the kernel's uptime first):
//
//	audit: type=1400 audit(1796378400.123:456): apparmor="DENIED" operation="open" pid=99 comm="curl"
//	[ 1234.567890] audit: type=1400 audit(1796378400.123:456): ...
var (
	prefixAuditNode   = []byte("node=")
	prefixAuditType   = []byte("type=")
	prefixAuditKernel = []byte("audit: ")
	auditStampOpen    = "audit("
)

// auditGroupSep is the byte (ASCII GS) auditd's enriched format writes
// before the interpreted fields (AUID="alice" UID="root") it appends.
// rsyslog, which escapes control characters by default, writes it as
// rsyslogGroupSep ("res=failed'#035UID=…").
const (
	auditGroupSep   = 0x1d
	rsyslogGroupSep = "#035"
)

// maxAuditPairs bounds the pairs read from one record; the rest stays in
// the raw line.
const maxAuditPairs = 128

// opensAuditd is the cheap first test for parseAuditd.
func opensAuditd(p []byte) bool {
	switch p[0] {
	case 'n':
		return bytes.HasPrefix(p, prefixAuditNode)
	case 't':
		return bytes.HasPrefix(p, prefixAuditType)
	case 'a':
		return bytes.HasPrefix(p, prefixAuditKernel)
	case '[':
		return bytes.Contains(p[:min(len(p), 32)], []byte("] audit: "))
	}
	return false
}

// parseAuditd reads a Linux audit record (see above) into a KindAudit
// result: node, type, audit_id (the record's stamp as written,
// "1796378400.123:456", shared by the records of one event) and every
// key=value pair, those inside msg='…' included, under their own names.
// Values are kept as written: double quotes removed, hex-encoded values
// (auditd's form for text with blanks or control bytes) left as they are.
// Words that are not pairs (an AVC's "avc:  denied  { read } for") are
// the message. The stamp's time is the result's Time when plausible (see
// plausibleTime); an envelope's time, when there is one, comes first
// (Result.EnvelopeFirst). A failure (res=failed, success=no) or a denial
// (apparmor="DENIED", avc: denied) is a warning; otherwise the record has
// no level. A line without a well-formed stamp is not claimed.
func parseAuditd(p []byte, out []Result) ([]Result, bool) {
	s := string(p[:trimRightBlanks(p, 0)])
	if s == "" {
		return out, false
	}
	fl := newFieldList(24, maxFamilyFields)
	i := 0
	if s[0] == '[' {
		i = strings.Index(s, "] audit: ") + len("] audit: ")
	} else if strings.HasPrefix(s, string(prefixAuditKernel)) {
		i = len(prefixAuditKernel)
	}
	if strings.HasPrefix(s[i:], string(prefixAuditNode)) {
		node, next := auditValue(s, i+len(prefixAuditNode))
		fl.str(model.KeyAuditNode, node)
		i = skipBlanksString(s, next)
	}
	if !strings.HasPrefix(s[i:], string(prefixAuditType)) {
		return out, false
	}
	typ, next := auditValue(s, i+len(prefixAuditType))
	i = skipBlanksString(s, next)
	if strings.HasPrefix(s[i:], "msg=") {
		i += len("msg=")
	}
	stamp, at, rest, ok := auditStamp(s, i)
	if !ok || typ == "" {
		return out, false
	}
	addAuditType(&fl, typ)
	fl.str(model.KeyAuditEvent, stamp)
	words, err := auditPairs(s[rest:], &fl, nil, 0)
	r := auditResult(&fl, words, err)
	if plausibleTime(at) {
		r.Time = at
	}
	return append(out, r), true
}

// auditResult is the result of a record whose pairs fl holds: words not
// pairs are its message, and a failure or a denial makes it a warning.
func auditResult(fl *fieldList, words []string, err string) Result {
	if len(words) > 0 {
		fl.str(model.KeyMessage, strings.Join(words, " "))
	}
	r := Result{Kind: model.KindAudit, EnvelopeFirst: true, Fields: fl.fs, Err: err}
	if auditFailed(fl.fs) {
		r.Level = model.LevelWarn
	}
	return r
}

// addAuditType adds the record's type, by its name when it was written as
// a number the kernel's headers name (1400 is AVC), and the number as
// type_num when it was written as one.
func addAuditType(fl *fieldList, typ string) {
	name, number := auditTypeName(typ)
	fl.str(model.KeyAuditType, name)
	if number != "" {
		fl.str(model.KeyAuditTypeNum, number)
	}
}

// auditStamp reads "audit(SECONDS.MILLIS:SERIAL):" at i and returns the
// stamp as written, its instant and the index after the colon.
func auditStamp(s string, i int) (string, time.Time, int, bool) {
	if !strings.HasPrefix(s[i:], auditStampOpen) {
		return "", time.Time{}, 0, false
	}
	start := i + len(auditStampOpen)
	end := strings.IndexByte(s[start:], ')')
	if end < 0 || end > 40 {
		return "", time.Time{}, 0, false
	}
	stamp := s[start : start+end]
	next := start + end + 1
	if next < len(s) && s[next] == ':' {
		next++
	}
	dot, colon := strings.IndexByte(stamp, '.'), strings.IndexByte(stamp, ':')
	if dot <= 0 || colon <= dot+1 || colon == len(stamp)-1 {
		return "", time.Time{}, 0, false
	}
	sec, ok1 := atoiN(stamp[:dot])
	_, ok2 := atoiN(stamp[dot+1 : colon])
	_, ok3 := atoiN(stamp[colon+1:])
	if !ok1 || !ok2 || !ok3 || dot > 12 {
		return "", time.Time{}, 0, false
	}
	nsec, _ := fraction(stamp[:colon], dot+1)
	return stamp, time.Unix(int64(sec), int64(nsec)).UTC(), next, true
}

// auditPairs adds the key=value pairs of s to fl, descending once into a
// msg='…' value, and appends the words that are not pairs to words.
func auditPairs(s string, fl *fieldList, words []string, depth int) ([]string, string) {
	err := ""
	for n, i := 0, skipAuditBlanks(s, 0); n < maxAuditPairs && i < len(s); n, i = n+1, skipAuditBlanks(s, i) {
		eq := i
		for eq < len(s) && s[eq] != '=' && auditBlankLen(s, eq) == 0 {
			eq++
		}
		if eq == i || eq >= len(s) || s[eq] != '=' {
			word, next := auditValue(s, i) // a word, or "=x": a value without its key
			words, i = append(words, word), next
			continue
		}
		key := s[i:eq]
		if key == "msg" && depth == 0 && eq+1 < len(s) && s[eq+1] == '\'' {
			inner := s[eq+2:]
			end := strings.IndexByte(inner, '\'')
			if end < 0 {
				err = "msg='…' has no closing quote"
				end = len(inner)
			}
			var innerErr string
			words, innerErr = auditPairs(inner[:end], fl, words, depth+1)
			err = joinErr(err, innerErr)
			i = min(len(s), eq+2+end+1)
			continue
		}
		val, next := auditValue(s, eq+1)
		if val == "{" && depth == 0 {
			// The enriched form of a socket address spells it out in
			// braces (SADDR={ saddr_fam=inet laddr=198.51.100.7 lport=80 }):
			// its pairs are the record's, and the braces no one's words.
			inner := s[next:]
			end := strings.IndexByte(inner, '}')
			if end < 0 {
				end = len(inner)
			}
			words, _ = auditPairs(inner[:end], fl, words, depth+1)
			i = min(len(s), next+end+1)
			continue
		}
		fl.str(key, val)
		i = next
	}
	return words, err
}

// auditValue reads the value at i: up to the closing double quote when it
// opens with one (auditd never escapes inside: text that would need it is
// hex-encoded), else up to a blank. It returns the index after it.
func auditValue(s string, i int) (string, int) {
	if i < len(s) && s[i] == '"' {
		if end := strings.IndexByte(s[i+1:], '"'); end >= 0 {
			return s[i+1 : i+1+end], i + end + 2
		}
	}
	j := i
	for j < len(s) && auditBlankLen(s, j) == 0 {
		j++
	}
	return s[i:j], j
}

func isAuditBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == auditGroupSep
}

// auditBlankLen returns the length of the blank between pairs at s[i]: a
// space, a tab, the group separator, or the separator as rsyslog escapes
// it; 0 when there is none. An unquoted value never holds "#035": auditd
// hex-encodes any value that would need more than letters, digits and
// punctuation such as '(', '/', ':' and '-'.
func auditBlankLen(s string, i int) int {
	switch {
	case isAuditBlank(s[i]):
		return 1
	case s[i] == '#' && strings.HasPrefix(s[i:], rsyslogGroupSep):
		return len(rsyslogGroupSep)
	}
	return 0
}

func skipAuditBlanks(s string, i int) int {
	for i < len(s) {
		n := auditBlankLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// ParseJournalAudit reads a Linux audit record as journald stores those it
// receives from the kernel itself (its audit transport, _TRANSPORT=audit):
// the type's name first, then the record's pairs, without "type=" or the
// audit(…) stamp, which the journal keeps in its own fields:
//
//	USER_LOGIN pid=1234 uid=0 auid=1000 ses=3 msg='op=login acct="alice" … res=failed'
//
// The result has the fields and level parseAuditd gives the audit.log form
// of the same record (journald's "AUDIT1400" for a type it cannot name
// named as the kernel's number is), audit_id included when stamp, the
// record's stamp as the journal's fields give it (see
// model.JournalFields.SetAuditStamp), is not empty; and no time: the
// journal's is the entry's. It appends one result and reports true, or leaves out alone
// and reports false when p does not open with a type followed by a pair.
// Colour codes are removed first, as Parse does. The caller says when a
// line was carried that way (see the decoder).
func ParseJournalAudit(p []byte, stamp string, out []Result) ([]Result, bool) {
	p = WithoutColour(p)
	s := string(p[:trimRightBlanks(p, 0)])
	end := 0
	for end < len(s) && end <= maxAuditTypeLen && isAuditTypeByte(s[end]) {
		end++
	}
	if end == 0 || end > maxAuditTypeLen || end == len(s) || !isAuditBlank(s[end]) {
		return out, false
	}
	fl := newFieldList(24, maxFamilyFields)
	addAuditType(&fl, s[:end])
	if stamp != "" {
		fl.str(model.KeyAuditEvent, stamp)
	}
	typed := len(fl.fs)
	words, err := auditPairs(s[end:], &fl, nil, 0)
	if len(fl.fs) == typed {
		return out, false // a sentence opening with a capitalised word, not a record
	}
	return append(out, auditResult(&fl, words, err)), true
}

// maxAuditTypeLen bounds a record type's name (the longest in
// linux/audit.h has 24 bytes).
const maxAuditTypeLen = 40

// isAuditTypeByte reports a byte of a record type's name: USER_LOGIN, AVC,
// AUDIT1400.
func isAuditTypeByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
