package model

// Field keys. JSON-derived kinds keep the record's own dotted paths, so that a
// user who knows the vendor's schema can query it directly; the few derived
// fields are named here too. Parsers, the query aliases, the table, the
// detail pane and the exports all use these constants, never literals.
const (
	// Every kind may set these.
	KeyMessage = "message" // the human message
	KeyModule  = "module"  // service: "libsdwan/controller"; audit analysis records: their module
	// KeyExplanation is connlog's own note on a line that is not the
	// program's words (journalctl's "[75B blob data]" placeholder).
	KeyExplanation = "explanation"

	// service (Twingate and library lines).
	KeyFunction = "function" // "listen::channel_event", "operator()"
	KeyLibrary  = "library"  // "libevent", "pubnub" for unleveled library lines
	KeyCaller   = "caller"   // the "[Class.Method]" a Twingate client line ends with

	// text lines of other loggers (Spring Boot); their logger's name is the module.
	KeyThread      = "thread"      // "main", "pool-1-thread-2"
	KeyApplication = "application" // Spring Boot 3.2's spring.application.name

	// analytics (Twingate ANALYTICS v2; v1 is mapped onto the same keys).
	KeyEventType     = "event_type"
	KeyTimestamp     = "timestamp" // epoch ms
	KeyConnID        = "connection.id"
	KeyClientIP      = "connection.client_ip"
	KeyResourceIP    = "connection.resource_ip"
	KeyResourcePort  = "connection.resource_port"
	KeyProtocol      = "connection.protocol"
	KeyRx            = "connection.rx"       // bytes
	KeyTx            = "connection.tx"       // bytes
	KeyDuration      = "connection.duration" // ms
	KeyTunnelPath    = "connection.tunnel_path"
	KeyTunnelProto   = "connection.tunnel_proto"
	KeyCBCTFreshness = "connection.cbct_freshness"
	KeyErrorMessage  = "connection.error_message"
	KeyConnectorID   = "connector.id"
	KeyConnectorName = "connector.name"
	KeyDeviceID      = "device.id"
	KeyUserEmail     = "user.email"
	KeyUserID        = "user.id"
	KeyNetworkID     = "remote_network.id"
	KeyNetworkName   = "remote_network.name"
	KeyResourceAddr  = "resource.address"
	KeyAppliedRule   = "resource.applied_rule"
	KeyResourceID    = "resource.id"
	KeyCity          = "location.city" // decoded from the nested geoip string, or v1 client_geo
	KeyRegion        = "location.region"
	KeyCountry       = "location.country" // ISO code
	KeyLat           = "location.lat"
	KeyLon           = "location.lon"
	KeyRelayIP       = "relays.ip" // repeated, one per relay
	KeyRelayName     = "relays.name"
	KeyRelayPort     = "relays.port"

	// audit (AQtive Guard): the record's flat keys, kept as they are.
	KeyAuditID          = "id"
	KeyCreatedAt        = "created_at"
	KeyHostname         = "hostname"
	KeyLevel            = "level"
	KeyLogType          = "log_type"
	KeyPID              = "pid"
	KeyRequestID        = "request_id"
	KeyAuditUserID      = "user_id"
	KeyAuditUserName    = "user_name"
	KeyAction           = "action"
	KeyAccessGranted    = "access_granted" // normalised to "true"/"false"
	KeyDeniedReason     = "access_denied_reason"
	KeyAuditClientIP    = "client_ip"
	KeyForwardedFor     = "forwarded_for_client_ip"
	KeyMethod           = "method"
	KeyPath             = "path"
	KeyStatusCode       = "status_code"
	KeyStacktrace       = "stacktrace"
	KeyElement          = "element"
	KeyElementID        = "element_id"
	KeySetting          = "setting"
	KeyOldValue         = "old_value"
	KeyNewValue         = "new_value"
	KeyMemoryMB         = "memory_mb"
	KeyTaniumEndpointID = "endpoint_id"

	// audit (Linux auditd and kernel audit records): every key=value pair
	// under its own name, those inside msg='…' included, plus these.
	KeyAuditType    = "type"     // USER_LOGIN, SYSCALL, AVC… (the kernel's 1400 by its name, AVC)
	KeyAuditTypeNum = "type_num" // the type as the kernel wrote it, a number (1400); absent for a name
	KeyAuditEvent   = "audit_id" // the stamp as written, 1796378400.123:456; shared by one event's records
	KeyAuditNode    = "node"     // node= of a record forwarded from another host
	KeyAuditAcct    = "acct"     // the account a login, an authentication or a command was for
	KeyAuditAddr    = "addr"     // the remote address of a login or an authentication ("?" when none)
	KeyAuditObject  = "name"     // the object (a path) a security module decided on
	// KeyAuditLoginName is the name of the login user (auid), which the
	// enriched format appends after its separator.
	KeyAuditLoginName = "AUID"

	// flow (Tailscale): one entry per traffic item; the message's keys plus
	// the derived traffic type and split addresses.
	KeyTraffic    = "traffic" // virtual | subnet | exit | physical
	KeyFlowProto  = "proto"   // named: tcp, udp, icmp, or the number
	KeySrc        = "src"     // ip:port as in the record
	KeyDst        = "dst"
	KeySrcIP      = "src_ip" // derived; also set for sessions
	KeySrcPort    = "src_port"
	KeyDstIP      = "dst_ip"
	KeyDstPort    = "dst_port"
	KeyTxPkts     = "txPkts" // missing counters are 0
	KeyTxBytes    = "txBytes"
	KeyRxPkts     = "rxPkts"
	KeyRxBytes    = "rxBytes"
	KeyNodeID     = "nodeId"
	KeyNodeName   = "srcNode.name"
	KeyNodeUser   = "srcNode.user"
	KeyFlowStart  = "start"
	KeyFlowEnd    = "end"
	KeyFlowLogged = "logged"

	// session (Pangolin rows, streaming events, CSV; newt ACCESS lines are
	// mapped onto the same names).
	KeySessionID     = "sessionId"
	KeySiteResource  = "siteResourceId"
	KeyOrgID         = "orgId"
	KeySiteID        = "siteId"
	KeyClientID      = "clientId"
	KeySessUserID    = "userId"
	KeySessUserEmail = "userEmail"
	KeySourceAddr    = "sourceAddr"
	KeyDestAddr      = "destAddr"
	KeySessProtocol  = "protocol"
	KeyStartedAt     = "startedAt" // epoch seconds in Pangolin rows; RFC 3339 in newt lines
	KeyEndedAt       = "endedAt"
	KeyBytesTx       = "bytesTx"
	KeyBytesRx       = "bytesRx"
	KeySessDuration  = "duration" // ms (derived from endedAt-startedAt, or newt's duration=)
	KeyResourceName  = "resourceName"
	KeyPhase         = "phase"     // newt: START | END
	KeyEndReason     = "endReason" // newt: reaped | shutdown
	KeySessionEvent  = "event"     // Pangolin streaming: "connection"

	// gap and boundary entries.
	KeyGapReason = "gap.reason"
	KeyGapCount  = "gap.count"
	KeyBoundary  = "boundary" // "restart" | "reboot"
)

// Analytics event types seen in ANALYTICS lines. Any other value is kept as it is.
const (
	EventEstablished = "established_connection"
	EventClosed      = "closed_connection"
	EventFailed      = "failed_to_connect"
	EventDenied      = "denied_access"
)

// AuditFieldKeys are the names of the pairs Linux audit records carry most
// (the audit field dictionary's, AppArmor's and SELinux's), which a query
// may name as they are (acct:alice, res:failed); a record's other pairs
// are fields too, reached by their exact name (.name form). Names the
// other kinds already use (pid, hostname, id, path, protocol) are left to
// their constants, and a query alias's name (unit, msg) is the alias.
var AuditFieldKeys = []string{
	"a0", "a1", "a2", "a3", "acct", "addr", "arch", "argc", "auid", "cmd", "comm", "cwd", "dev", "egid", "euid",
	"exe", "exit", "fsgid", "fsuid", "gid", "grantors", "inode", "item", "items", "key", "mode", "name", "nametype",
	"obj", "ogid", "op", "ouid", "perm", "ppid", "proctitle", "res", "result", "saddr", "ses", "sgid", "sig", "subj",
	"success", "suid", "syscall", "terminal", "tty", "uid", "vm",
	"apparmor", "operation", "profile", "requested_mask", "denied_mask", "info", "error", "class", "family",
	"sock_type", "laddr", "faddr", "lport", "fport", "peer",
	"scontext", "tcontext", "tclass", "permissive", "seresult", "seuser",
}
