package query

import (
	"strings"

	"connlog/model"
)

// Attr is an attribute of the entry itself, not one of its parsed fields,
// that an alias reads. Level, kind and time are first-class so that the
// commonest filters need no field lookup; host, unit and ident come from
// the envelope as well as from the fields.
type Attr uint8

// The entry attributes an alias can read.
const (
	AttrNone  Attr = iota // the alias reads field keys only
	AttrLevel             // Entry.Level, compared by severity
	AttrKind              // Entry.Kind
	AttrTime              // Entry.Time
	AttrHost              // Origin.Host and the journal's hostname, besides the hostname field (node= for a Linux audit record)
	AttrUnit              // Origin.Unit and the journal's unit, with or without ".service"
	AttrIdent             // Origin.Ident and the journal's SYSLOG_IDENTIFIER
	AttrFile              // Origin.Input: the input's name (a path), or its base name
)

// aliasModule names the alias whose globs take sub-modules (takesSubModules).
const aliasModule = "module"

// String names the attribute ("level", "host"...), or "" for AttrNone.
func (a Attr) String() string {
	switch a {
	case AttrLevel:
		return "level"
	case AttrKind:
		return "kind"
	case AttrTime:
		return "time"
	case AttrHost:
		return "host"
	case AttrUnit:
		return "unit"
	case AttrIdent:
		return "ident"
	case AttrFile:
		return "file"
	}
	return ""
}

// Alias is a short field name that looks in the right place for every kind
// of entry: `user` reads user.email on a Twingate connection, user_name on an
// audit record and srcNode.user on a flow.
type Alias struct {
	// Name is what the user types; it is matched case-insensitively.
	Name string
	// Keys are the field keys the alias reads; a term matches when any value
	// of any of them matches.
	Keys []string
	// Attr is the entry attribute the alias reads besides Keys.
	Attr Attr
	// Doc is a one-line description for the help screen.
	Doc string
}

// aliasTable is the only place the aliases are defined; Aliases hands out
// copies so that no caller can change it.
var aliasTable = []Alias{
	{Name: "level", Attr: AttrLevel, Doc: "severity, ordered: level>=warn"},
	{Name: "kind", Attr: AttrKind, Doc: "entry kind: text, service, analytics, audit, flow, session, json, gap, boundary"},
	{Name: "time", Attr: AttrTime, Doc: "event time: time>=2026-11-20T08:00"},
	{Name: "event", Keys: []string{model.KeyEventType, model.KeyPhase}, Doc: "analytics event_type, session phase"},
	// A Linux audit record's user is the account it acted for (acct, or
	// the enriched format's AUID, the login user's name); its numeric ids
	// (auid, uid) are numbers of the host's, not users, and are queried
	// by their names.
	{Name: "user", Keys: []string{model.KeyUserEmail, model.KeyUserID, model.KeyAuditUserName, model.KeyAuditUserID,
		model.KeySessUserEmail, model.KeySessUserID, model.KeyNodeUser, model.KeyAuditAcct, model.KeyAuditLoginName},
		Doc: "user e-mail, name or id; a Linux audit record's account"},
	// The resource alias reads every field the triage tables count as a
	// resource (an analytics event with only its IP, a session's or a
	// flow's destination), so that pivoting on a counted value finds it.
	{Name: "resource", Keys: []string{model.KeyResourceAddr, model.KeyAppliedRule, model.KeyResourceID,
		model.KeyResourceName, model.KeySiteResource, model.KeyElement, model.KeyResourceIP, model.KeyDestAddr,
		model.KeyDst}, Doc: "resource address, IP, rule, name or id; session or flow destination"},
	{Name: "port", Keys: []string{model.KeyResourcePort, model.KeyDstPort}, Doc: "destination port"},
	{Name: "proto", Keys: []string{model.KeyProtocol, model.KeyFlowProto, model.KeySessProtocol}, Doc: "protocol: tcp, udp, icmp"},
	// A Linux audit record's client is addr, the remote address of a login
	// or an authentication; its hostname, the remote end's name (or
	// address), is queried as hostname (see match_host.go).
	{Name: "ip", Keys: []string{model.KeyClientIP, model.KeyAuditClientIP, model.KeyForwardedFor, model.KeySrcIP,
		model.KeyAuditAddr}, Doc: "client or source IP; a Linux audit record's addr"},
	{Name: "conn", Keys: []string{model.KeyConnID, model.KeySessionID}, Doc: "connection or session id"},
	{Name: "country", Keys: []string{model.KeyCountry}, Doc: "client country (ISO code)"},
	{Name: "city", Keys: []string{model.KeyCity}, Doc: "client city"},
	{Name: aliasModule, Keys: []string{model.KeyModule}, Doc: "service module or analysis module"},
	// host is the machine that wrote the entry; a Linux audit record's
	// hostname= is not (see match_host.go).
	{Name: "host", Keys: []string{model.KeyHostname}, Attr: AttrHost, Doc: "the host the entry came from (a Linux audit record's client: hostname)"},
	{Name: "unit", Attr: AttrUnit, Doc: "systemd unit, with or without .service"},
	{Name: "ident", Attr: AttrIdent, Doc: "syslog identifier (or a container's name)"},
	// An entry's input is its "source" in the detail pane and the exports,
	// and file is what one says of an input on the command line.
	{Name: "source", Attr: AttrFile, Doc: "the input read: its name (a file's path as named) or base name: source:b.log"},
	{Name: "file", Attr: AttrFile, Doc: "same as source"},
	{Name: "action", Keys: []string{model.KeyAction}, Doc: "audit action"},
	{Name: "granted", Keys: []string{model.KeyAccessGranted}, Doc: "audit access_granted: true or false"},
	{Name: "rx", Keys: []string{model.KeyRx, model.KeyRxBytes, model.KeyBytesRx}, Doc: "bytes received: rx>10MB"},
	{Name: "tx", Keys: []string{model.KeyTx, model.KeyTxBytes, model.KeyBytesTx}, Doc: "bytes sent: tx>1MiB"},
	{Name: "duration", Keys: []string{model.KeyDuration, model.KeySessDuration}, Doc: "connection duration: duration>30s"},
	// The names the detail pane labels a connection's and an audit
	// record's lines with, so that what the pane shows is what is typed.
	// Each also reads a key of its own name (a JSON document's "device"),
	// which the name reached before it was an alias.
	{Name: "device", Keys: []string{model.KeyDeviceID, "device"}, Doc: "the client device's id"},
	{Name: "connector", Keys: []string{model.KeyConnectorName, model.KeyConnectorID, "connector"}, Doc: "connector name or id"},
	{Name: "network", Keys: []string{model.KeyNetworkName, model.KeyNetworkID, "network"}, Doc: "remote network name or id"},
	{Name: "location", Keys: []string{model.KeyCity, model.KeyRegion, model.KeyCountry, "location"}, Doc: "client city, region or country"},
	{Name: "rule", Keys: []string{model.KeyAppliedRule, "rule"}, Doc: "the resource rule a connection matched"},
	{Name: "target", Keys: []string{model.KeyResourceIP, model.KeyResourcePort, model.KeyProtocol, "target"},
		Doc: "a connection's resource IP, port or protocol"},
	{Name: "tunnel", Keys: []string{model.KeyTunnelPath, model.KeyTunnelProto, "tunnel"}, Doc: "tunnel path or protocol: direct, relayed, quic/udp"},
	{Name: "error", Keys: []string{model.KeyErrorMessage, "error"}, Doc: "a connection's error message; a Linux audit record's error"},
	{Name: "reason", Keys: []string{model.KeyDeniedReason, model.KeyEndReason, "reason"}, Doc: "why access was denied or a session ended"},
	{Name: "message", Keys: []string{model.KeyMessage}, Doc: "the human message"},
	{Name: "msg", Keys: []string{model.KeyMessage}, Doc: "same as message"},
}

// Aliases returns a copy of the alias table, in the order the help screen
// lists it.
func Aliases() []Alias {
	out := make([]Alias, len(aliasTable))
	for i, a := range aliasTable {
		a.Keys = append([]string(nil), a.Keys...)
		out[i] = a
	}
	return out
}

// AliasOf returns the name of the first alias that reads key, so that a
// pivot filter built from a field of one entry also finds the other kinds'
// equivalents ("user.email" gives "user").
func AliasOf(key string) (string, bool) {
	for _, a := range aliasTable {
		for _, k := range a.Keys {
			if k == key {
				return a.Name, true
			}
		}
	}
	return "", false
}

// lookupAlias finds an alias by name, ignoring case.
func lookupAlias(name string) (*Alias, bool) {
	for i := range aliasTable {
		if strings.EqualFold(aliasTable[i].Name, name) {
			return &aliasTable[i], true
		}
	}
	return nil, false
}
