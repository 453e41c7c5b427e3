package export

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"sync"

	"connlog/model"
)

// pseudonymHexLen is how many hex digits of the keyed hash a pseudonym
// keeps: 48 bits, so that a million distinct values are very unlikely to
// share one.
const pseudonymHexLen = 12

// minBareIDLen is the shortest user or device id replaced where it is not
// quoted; shorter ids (such as "7") would match unrelated numbers.
const minBareIDLen = 8

// class is a kind of personal data, which decides the pseudonym's shape.
type class uint8

const (
	classEmail class = iota
	classIP
	classUser
	classDevice
)

var classNames = [...]string{"email", "ip", "user", "device"}

// String returns the class's name as Preview reports it.
func (c class) String() string { return classNames[c] }

// Redactor replaces personal data with pseudonyms that are the same for the
// same value throughout one export and unrelated between exports: they are
// a keyed hash, and the key is random and never written anywhere. It is
// safe for concurrent use.
type Redactor struct {
	mu  sync.Mutex
	mac hash.Hash
}

// NewRedactor returns a Redactor with a fresh random key.
func NewRedactor() *Redactor {
	var key [32]byte
	// crypto/rand.Read never fails on Linux (getrandom); the error is
	// documented as always nil since Go 1.24.
	_, _ = rand.Read(key[:])
	return &Redactor{mac: hmac.New(sha256.New, key[:])}
}

// pseudonym returns the stand-in for value: user-7f3a91c2ab01@redacted,
// ip-7f3a91c2ab01, user-7f3a91c2ab01 or device-7f3a91c2ab01. Emails are
// compared without case, as mail systems do.
func (r *Redactor) pseudonym(c class, value string) string {
	if c == classEmail {
		value = strings.ToLower(value)
	}
	var sum [sha256.Size]byte
	r.mu.Lock()
	r.mac.Reset()
	r.mac.Write([]byte(value))
	r.mac.Sum(sum[:0])
	r.mu.Unlock()
	h := hex.EncodeToString(sum[:pseudonymHexLen/2])
	switch c {
	case classEmail:
		return "user-" + h + "@redacted"
	case classIP:
		return "ip-" + h
	case classDevice:
		return "device-" + h
	}
	return "user-" + h
}

// fieldClasses says which fields hold personal data, and of which class.
var fieldClasses = map[string]class{
	model.KeyUserEmail:     classEmail,
	model.KeySessUserEmail: classEmail,
	model.KeyClientIP:      classIP,
	model.KeyAuditClientIP: classIP,
	model.KeyForwardedFor:  classIP,
	model.KeySourceAddr:    classIP,
	model.KeyDeviceID:      classDevice,
	model.KeyUserID:        classUser,
	model.KeyAuditUserID:   classUser,
	model.KeySessUserID:    classUser,
	model.KeyAuditUserName: classUser,
	model.KeyNodeUser:      classUser,
}

// linuxAuditClasses are the pairs of Linux audit records that hold
// personal data: the account a login or an authentication was for, and the
// remote address and host it came from (hostname is an address, a name or
// "?"; only an address is replaced, as in a client-IP field). An AQtive
// Guard record's hostname is its analyzer's, which is kept unless it is an
// address, as a host that is one is. The names auditd's enriched format
// (log_format=ENRICHED) appends for a record's user and group ids are
// users' (a group is often named after its user, and so gets that user's
// pseudonym), and so are the addresses of a network event: AppArmor's
// local and foreign laddr and faddr, netfilter's and SELinux's saddr and
// daddr (a SOCKADDR record's saddr is hex, holding no address as written;
// its enriched form spells it out as laddr).
var linuxAuditClasses = map[string]class{
	"acct": classUser, "addr": classIP, model.KeyHostname: classIP,
	"laddr": classIP, "faddr": classIP, "saddr": classIP, "daddr": classIP,
	// The host a forwarded record came from, which host: reads: replaced
	// when an address, as a host that is one is.
	model.KeyAuditNode: classIP,

	// The enriched names of auparse's uid fields, then of its gid fields.
	model.KeyAuditLoginName: classUser, "UID": classUser, "EUID": classUser, "SUID": classUser, "FSUID": classUser,
	"OUID": classUser, "OAUID": classUser, "OLD-AUID": classUser, "IUID": classUser, "ID": classUser,
	"INODE_UID": classUser, "SAUID": classUser, "OBJ_UID": classUser,
	"GID": classUser, "EGID": classUser, "SGID": classUser, "FSGID": classUser, "OGID": classUser,
	"IGID": classUser, "INODE_GID": classUser, "NEW_GID": classUser, "OBJ_GID": classUser,
}

// classOf returns the class of a field of an entry of kind k. A session's
// derived src_ip is its client; a flow's is the node itself and stays.
func classOf(k model.Kind, key string) (class, bool) {
	switch k {
	case model.KindSession:
		if key == model.KeySrcIP {
			return classIP, true
		}
	case model.KindAudit:
		if c, ok := linuxAuditClasses[key]; ok {
			return c, true
		}
	}
	c, ok := fieldClasses[key]
	return c, ok
}

// fieldClass is classOf for field f, whose value tells too: an empty one,
// and an audit record's way of saying it has none, are no one's.
func fieldClass(k model.Kind, f *model.Field) (class, bool) {
	if f.Value == "" || k == model.KindAudit && model.IsAuditNoValue(f.Value) {
		return 0, false
	}
	return classOf(k, f.Key)
}
