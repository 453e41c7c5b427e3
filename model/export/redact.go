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
// a keyed hash, and the key is random and never written anywhere. It also
// holds the values the export learned are personal (see Learn), which are
// replaced in every record of the export. It is safe for concurrent use.
type Redactor struct {
	key   *pseudonymKey
	known knownView
}

// pseudonymKey is the keyed hash that makes pseudonyms. Each goroutine
// redacting records takes a hash of its own from the pool.
type pseudonymKey struct {
	macs sync.Pool // of hash.Hash, each keyed with the export's key
}

func newPseudonymKey(key []byte) *pseudonymKey {
	k := &pseudonymKey{}
	k.macs.New = func() any { return hmac.New(sha256.New, key) }
	return k
}

// NewRedactor returns a Redactor with a fresh random key.
func NewRedactor() *Redactor {
	key := make([]byte, 32)
	// crypto/rand.Read never fails on Linux (getrandom); the error is
	// documented as always nil since Go 1.24.
	_, _ = rand.Read(key)
	return &Redactor{key: newPseudonymKey(key), known: knownView{knownValues: newKnownValues(), upto: allKnown}}
}

// Fresh returns a Redactor with r's key, so the same pseudonyms, that has
// learned nothing yet: one export's values are not another's (the dialog
// previews and writes several exports with one key).
func (r *Redactor) Fresh() *Redactor {
	return &Redactor{key: r.key, known: knownView{knownValues: newKnownValues(), upto: allKnown}}
}

// asOf returns r as it was when it knew upto values (see knownView): the
// redactor of a record whose turn came then.
func (r *Redactor) asOf(upto int) Redactor {
	return Redactor{key: r.key, known: knownView{knownValues: r.known.knownValues, upto: upto}}
}

// pseudonym returns the stand-in for value: user-7f3a91c2ab01@redacted,
// ip-7f3a91c2ab01, user-7f3a91c2ab01 or device-7f3a91c2ab01. Emails are
// compared without case, as mail systems do, and addresses in their
// canonical form (FD7A::1 is fd7a::1, ::ffff:10.1.2.3 is 10.1.2.3).
func (r *Redactor) pseudonym(c class, value string) string {
	switch c {
	case classEmail:
		value = strings.ToLower(value)
	case classIP:
		value = canonicalAddr(value)
	}
	var sum [sha256.Size]byte
	mac := r.key.macs.Get().(hash.Hash)
	mac.Reset()
	mac.Write([]byte(value))
	mac.Sum(sum[:0])
	r.key.macs.Put(mac)
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
// A key means the same in every kind of entry (only src_ip differs, see
// classOf): a manifest's query does not say which kind a term is for, and
// it selects the redacted records only if the records of every kind replace
// what the query replaces, and keep what it keeps.
var fieldClasses = map[string]class{
	model.KeyUserEmail:     classEmail,
	model.KeySessUserEmail: classEmail,
	model.KeyClientIP:      classIP,
	model.KeyAuditClientIP: classIP,
	model.KeyForwardedFor:  classIP,
	model.KeySourceAddr:    classIP,
	model.KeySrcIP:         classIP,
	model.KeyDeviceID:      classDevice,
	model.KeyUserID:        classUser,
	// A user's display name ("Alice Smith"), which an event's user object
	// may carry beside the email, names the person as the email does.
	keyUserName: classUser,
	// A JSON line's device_id, as its user_id (the key an audit record's
	// user id has too, below), names whom the line is about.
	"device_id":            classDevice,
	model.KeyAuditUserID:   classUser,
	model.KeySessUserID:    classUser,
	model.KeyAuditUserName: classUser,
	model.KeyNodeUser:      classUser,

	// The pairs of Linux audit records that hold personal data: the
	// account a login or an authentication was for, and the remote address
	// and host it came from (hostname is an address, a name or "?"; only an
	// address is replaced, as in a client-IP field). The same keys in
	// other kinds are read the same way: an AQtive Guard record's or a JSON
	// line's hostname is the machine's own, kept unless it is an address,
	// as a host that is one is. The names auditd's enriched format
	// (log_format=ENRICHED) appends for a record's user and group ids are
	// users' (a group is often named after its user, and so gets that
	// user's pseudonym), and so are the addresses of a network event:
	// AppArmor's local and foreign laddr and faddr, netfilter's and
	// SELinux's saddr and daddr (a SOCKADDR record's saddr is hex, holding
	// no address as written; its enriched form spells it out as laddr).
	model.KeyAuditAcct: classUser, model.KeyAuditAddr: classIP, model.KeyHostname: classIP,
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

// keyUserName is the display name of an event's user, a member the
// analytics parser does not know and keeps under its dotted path.
const keyUserName = "user.name"

// classOf returns the class of a field of an entry of kind k. A flow's
// derived src_ip is the node itself (or its peer) and stays; every other
// kind's, a session's client above all, is replaced.
func classOf(k model.Kind, key string) (class, bool) {
	if k == model.KindFlow && key == model.KeySrcIP {
		return 0, false
	}
	c, ok := fieldClasses[key]
	return c, ok
}

// valueClass is the one decision of what redaction replaces, for the
// records (fieldClass) and for the terms of a query (personalClass): the
// class of value under key in an entry of kind k. An empty value, and
// auditd's way of saying a record has none ("?", "unset"), are no one's.
func valueClass(k model.Kind, key, value string) (class, bool) {
	if value == "" || model.IsAuditNoValue(value) {
		return 0, false
	}
	return classOf(k, key)
}

// fieldClass is valueClass for field f of an entry of kind k.
func fieldClass(k model.Kind, f *model.Field) (class, bool) { return valueClass(k, f.Key, f.Value) }
