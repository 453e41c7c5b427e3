package triage

import (
	"strings"

	"connlog/model"
	"connlog/model/query"
)

// A chain is the keys one kind of record names a user, a client address or
// a resource by, best first: a row is counted under the value of the first
// key it holds (an e-mail before an id). The user, ip and resource aliases
// read every key of their chains, so a filter on a value names the key it
// was counted from and rules out the keys before it: enter on a value then
// shows the rows it counts, not those that hold it in a lesser key (a
// Pangolin row's userId beside its userEmail).
type chain struct {
	keys []string
	// audit marks the keys of audit records, where "?" and "unset" stand
	// for no value (payload.AuditValue), so that a key holding them does not
	// outrank the next.
	audit bool
	// linux marks a Linux audit chain, whose acct is "?" on many records:
	// its filters spell that out. AQtive Guard writes names and addresses,
	// so its filters stay short (-forwarded_for_client_ip:*).
	linux bool
	// base is the source of the chain's first key less one (see init).
	base source
}

// The chains of the users, client IPs, resources and modules tables. A key
// is in one chain only.
var (
	analyticsUser = chain{keys: []string{model.KeyUserEmail, model.KeyUserID}}
	sessionUser   = chain{keys: []string{model.KeySessUserEmail, model.KeySessUserID}}
	flowUser      = chain{keys: []string{model.KeyNodeUser}}
	guardUser     = chain{keys: []string{model.KeyAuditUserName, model.KeyAuditUserID}, audit: true}
	linuxUser     = chain{keys: []string{model.KeyAuditAcct, model.KeyAuditLoginName}, audit: true, linux: true}

	analyticsIP = chain{keys: []string{model.KeyClientIP}}
	sourceIP    = chain{keys: []string{model.KeySrcIP}} // sessions and flows
	guardIP     = chain{keys: []string{model.KeyForwardedFor, model.KeyAuditClientIP}, audit: true}
	linuxIP     = chain{keys: []string{model.KeyAuditAddr}, audit: true, linux: true}

	analyticsResource = chain{keys: []string{model.KeyResourceAddr, model.KeyResourceIP}}
	sessionResource   = chain{keys: []string{model.KeyResourceName, model.KeySiteResource, model.KeyDestAddr}}
	flowResource      = chain{keys: []string{model.KeyDst}}
	auditResource     = chain{keys: []string{model.KeyElement}, audit: true}

	// A service line's module, or the library that wrote a line no module
	// tagged (libevent's "[msg]", PubNub's replies).
	serviceModule = chain{keys: []string{model.KeyModule, model.KeyLibrary}}
)

var chains = []*chain{&analyticsUser, &sessionUser, &flowUser, &guardUser, &linuxUser,
	&analyticsIP, &sourceIP, &guardIP, &linuxIP,
	&analyticsResource, &sessionResource, &flowResource, &auditResource, &serviceModule}

// source numbers a key of a chain: 1 + its place in sourceKeys, 0 for none.
// A counted value keeps the sources it was read from as bits of a mask.
type source uint8

// sourceKeys lists every key of every chain, in chain order.
var sourceKeys []string

func init() {
	for _, c := range chains {
		c.base = source(len(sourceKeys))
		sourceKeys = append(sourceKeys, c.keys...)
	}
}

// sourceOf returns the source of key k of chain c.
func (c *chain) sourceOf(k int) source { return c.base + source(k) + 1 }

// firstIn returns the value of the first key of c that fs holds, and its
// source.
func (c *chain) firstIn(fs model.Fields) (string, source) {
	for i, k := range c.keys {
		if v := fs.Value(k); v != "" && !(c.audit && model.IsAuditNoValue(v)) {
			return v, c.sourceOf(i)
		}
	}
	return "", 0
}

// pick returns the first non-empty of vals, which are the values of c's
// keys in order, and its source.
func (c *chain) pick(vals ...string) (string, source) {
	for i, v := range vals {
		if v != "" {
			return v, c.sourceOf(i)
		}
	}
	return "", 0
}

// key names the key of source s.
func (s source) key() string {
	if s == 0 {
		return ""
	}
	return sourceKeys[s-1]
}

// resourceLabel is how a value read from source s is shown: a Pangolin
// siteResourceId is a bare number among host names, "resource 35" says
// what it is.
func resourceLabel(s source, v string) string {
	if s.key() == model.KeySiteResource {
		return resourcePrefix + v
	}
	return v
}

const resourcePrefix = "resource "

// Term is the filter that shows the rows counted under v in the users,
// client IPs, resources or modules table: for each key it was read from, the value
// in that key and none of the keys before it in its chain. A value that
// names no key (made by hand, or counted by another table) is looked for
// with alias, which reads every key of the table's chains.
func Term(alias string, v Value) string {
	if len(v.Keys) == 0 {
		return query.Term(alias, v.Value)
	}
	var terms []string
	for _, k := range v.Keys {
		c, i := chainOf(k)
		if c == nil {
			continue
		}
		raw := v.Value
		if k == model.KeySiteResource {
			raw = strings.TrimPrefix(raw, resourcePrefix)
		}
		t := []string{query.Term(k, raw)}
		for _, before := range c.keys[:i] {
			t = append(t, query.Not(c.holding(before)))
		}
		terms = append(terms, query.And(t...))
	}
	return query.Or(terms...)
}

// holding is the term for an entry whose key k has a value the chain
// counts.
func (c *chain) holding(k string) string {
	has := query.Present(k)
	if !c.linux {
		return has
	}
	return query.And(has, query.Not(query.Term(k, "?")), query.Not(query.Term(k, "unset")))
}

// chainOf finds the chain of key k and k's place in it.
func chainOf(k string) (*chain, int) {
	for _, c := range chains {
		for i, ck := range c.keys {
			if ck == k {
				return c, i
			}
		}
	}
	return nil, 0
}

// bit is s's bit in a mask of sources, 0 for none.
func (s source) bit() uint32 {
	if s == 0 {
		return 0
	}
	return 1 << (s - 1)
}

// keysOf lists the keys of a mask of sources.
func keysOf(mask uint32) []string {
	var out []string
	for i, k := range sourceKeys {
		if mask&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}
