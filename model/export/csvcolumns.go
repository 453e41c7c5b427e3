package export

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"connlog/model"
)

// keyClientEndpoint is Pangolin's clientEndpoint column. model/keys.go has no
// constant for it yet; the CSV needs the name to keep Pangolin's column order.
const keyClientEndpoint = "clientEndpoint"

// csvTime is the CSV's time format: RFC 3339 with milliseconds, UTC.
const csvTime = "2006-01-02T15:04:05.000Z"

// row is what a column reads from: the entry and the export's context.
type row struct {
	e     *model.Entry
	names sourceNames
	pairs model.PairFinder
	// The connection span is asked for twice per row; it is worked out once.
	spanDone   bool
	start, end time.Time
}

// column is one CSV column: its header and how a row fills it.
type column struct {
	name  string
	value func(r *row) string
}

// fieldCol is a column holding one field's value, named after its key.
func fieldCol(key string) column { return namedField(key, key) }

// namedField is a column holding one field's value under another name.
func namedField(name, key string) column {
	return column{name, func(r *row) string { return r.e.Fields.Value(key) }}
}

// joinedField is a column holding every value of a repeated key, joined by ";".
func joinedField(name, key string) column {
	return column{name, func(r *row) string { return strings.Join(r.e.Fields.All(key), ";") }}
}

var (
	timeCol   = column{"time", func(r *row) string { return csvTimeText(r.e.Time) }}
	levelCol  = column{"level", func(r *row) string { return r.e.Level.String() }}
	sourceCol = column{"source", func(r *row) string { return r.names.name(r.e.Source) }}
	errorCol  = column{"error", func(r *row) string { return r.e.Problem() }}
)

// kindColumns lists each kind's columns, indexed by model.Kind.
var kindColumns = func() [][]column {
	generic := []column{timeCol, levelCol, sourceCol,
		{"message", func(r *row) string { return plainMessage(r.e) }}, errorCol}
	out := make([][]column, len(model.Kinds()))
	for _, k := range model.Kinds() {
		out[k] = generic
	}
	out[model.KindAnalytics] = append(append([]column(nil), analyticsColumns...), timeCol)
	// Beside other kinds a session or connection row fills the time (its
	// own columns say it their way), the level and the source as every row
	// does; an export of that kind alone keeps its columns exactly (see
	// singleLayout).
	out[model.KindSession] = append(append([]column(nil), sessionColumns...), timeCol, levelCol, sourceCol)
	out[model.KindAudit] = auditColumns
	out[model.KindFlow] = flowColumns
	out[model.KindService] = []column{timeCol, levelCol, sourceCol, fieldCol(model.KeyModule),
		fieldCol(model.KeyFunction), fieldCol(model.KeyLibrary),
		{"message", func(r *row) string { return r.e.Message() }}, errorCol}
	return out
}()

// analyticsColumns are the Twingate admin console's network-events columns,
// then what the console leaves out.
var analyticsColumns = []column{
	{"start_time", func(r *row) string { r.span(); return csvTimeText(r.start) }},
	{"end_time", func(r *row) string { r.span(); return csvTimeText(r.end) }},
	namedField("user", model.KeyUserEmail),
	namedField("user_id", model.KeyUserID),
	namedField("device_id", model.KeyDeviceID),
	namedField("client_ip", model.KeyClientIP),
	namedField("connector", model.KeyConnectorName),
	namedField("connector_id", model.KeyConnectorID),
	namedField("resource_ip", model.KeyResourceIP),
	namedField("resource_port", model.KeyResourcePort),
	namedField("resource_domain", model.KeyResourceAddr),
	namedField("resource_id", model.KeyResourceID),
	namedField("protocol", model.KeyProtocol),
	{"status", connectionStatus},
	namedField("bytes_transferred", model.KeyTx),
	namedField("bytes_received", model.KeyRx),
	namedField("remote_network", model.KeyNetworkName),
	namedField("remote_network_id", model.KeyNetworkID),
	namedField("applied_rule", model.KeyAppliedRule),
	joinedField("relays", model.KeyRelayName),
	joinedField("relay_ips", model.KeyRelayIP),
	joinedField("relay_ports", model.KeyRelayPort),
	namedField("event_type", model.KeyEventType),
	namedField("connection_id", model.KeyConnID),
	namedField("country", model.KeyCountry),
	namedField("city", model.KeyCity),
	namedField("error_message", model.KeyErrorMessage),
}

// sessionColumns are Pangolin's connection-log export columns, in its order.
var sessionColumns = []column{
	fieldCol(model.KeySessionID), fieldCol(model.KeySiteResource), fieldCol(model.KeyOrgID),
	fieldCol(model.KeySiteID), fieldCol(model.KeyClientID), fieldCol(keyClientEndpoint),
	fieldCol(model.KeySessUserID), fieldCol(model.KeySourceAddr), fieldCol(model.KeyDestAddr),
	fieldCol(model.KeySessProtocol),
	{model.KeyStartedAt, func(r *row) string { return epochSeconds(r.e.Fields.Value(model.KeyStartedAt)) }},
	{model.KeyEndedAt, func(r *row) string { return epochSeconds(r.e.Fields.Value(model.KeyEndedAt)) }},
	fieldCol(model.KeyBytesTx), fieldCol(model.KeyBytesRx),
}

// auditColumns hold both families of audit records: AQtive Guard's flat
// JSON records first, in their columns of old, then the pairs of Linux
// audit records (auditd's audit.log, the kernel's audit: lines) a SIEM
// correlates on. A row fills the columns its record has: the two families
// share hostname (a Linux record's remote host), message (its words that
// are not pairs) and pid.
var auditColumns = append([]column{
	timeCol, levelCol, fieldCol(model.KeyLogType), fieldCol(model.KeyAction),
	fieldCol(model.KeyAuditUserID), fieldCol(model.KeyAuditUserName), fieldCol(model.KeyAccessGranted),
	fieldCol(model.KeyDeniedReason), fieldCol(model.KeyAuditClientIP), fieldCol(model.KeyForwardedFor),
	fieldCol(model.KeyMethod), fieldCol(model.KeyPath), fieldCol(model.KeyStatusCode),
	fieldCol(model.KeyElement), fieldCol(model.KeyElementID), fieldCol(model.KeySetting),
	fieldCol(model.KeyOldValue), fieldCol(model.KeyNewValue), fieldCol(model.KeyModule),
	fieldCol(model.KeyMessage), fieldCol(model.KeyHostname), fieldCol(model.KeyPID),
	fieldCol(model.KeyRequestID), fieldCol(model.KeyAuditID),
}, linuxAuditColumns...)

// linuxAuditColumns are the pairs of Linux audit records that say who did
// what, from where, and how it ended: the record's type (and the kernel's
// number for it, when the record gave the number) and event stamp
// (audit_id, which joins an event's records), the forwarding node, the
// user (acct, and the login and real uids, numbers as written), the
// session, the program, the remote address and terminal, the outcome
// (res, or result in older records; success for a syscall), the operation
// and watch key, the syscall, and AppArmor's verdict, operation, profile
// and object.
var linuxAuditColumns = []column{
	fieldCol(model.KeyAuditType), fieldCol(model.KeyAuditTypeNum), fieldCol(model.KeyAuditEvent), fieldCol(model.KeyAuditNode),
	fieldCol("acct"), fieldCol("auid"), fieldCol("uid"), fieldCol("ses"), fieldCol("exe"), fieldCol("comm"),
	fieldCol("addr"), fieldCol("terminal"),
	{"res", func(r *row) string { return cmp.Or(r.e.Fields.Value("res"), r.e.Fields.Value("result")) }},
	fieldCol("success"), fieldCol("op"), fieldCol("key"), fieldCol("syscall"),
	fieldCol("apparmor"), fieldCol("operation"), fieldCol("profile"), fieldCol("name"),
}

var flowColumns = []column{
	timeCol, levelCol, sourceCol, fieldCol(model.KeyTraffic), fieldCol(model.KeyFlowProto), fieldCol(model.KeySrc),
	fieldCol(model.KeyDst), fieldCol(model.KeyTxPkts), fieldCol(model.KeyTxBytes),
	fieldCol(model.KeyRxPkts), fieldCol(model.KeyRxBytes), fieldCol(model.KeyFlowStart),
	fieldCol(model.KeyFlowEnd), fieldCol(model.KeyFlowLogged), fieldCol(model.KeyNodeID),
	fieldCol(model.KeyNodeName), fieldCol(model.KeyNodeUser),
}

// plainMessage is the generic kinds' message; gap and boundary markers have
// their summary instead, since they may have no message field.
func plainMessage(e *model.Entry) string {
	if e.Kind == model.KindGap || e.Kind == model.KindBoundary {
		return Summary(e)
	}
	return e.Message()
}

func csvTimeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(csvTime)
}

// epochSeconds gives Pangolin's integer seconds for a time that newt lines
// carry as RFC 3339; other text is kept as it is.
func epochSeconds(v string) string {
	if v == "" || isJSONNumber(v) {
		return v
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return strconv.FormatInt(t.Unix(), 10)
	}
	return v
}

// maxSpanMillis bounds a duration taken from a record (about 300 years), so
// that a hostile value cannot overflow time.Duration.
const maxSpanMillis = 1e13

func (r *row) span() {
	if !r.spanDone {
		r.start, r.end = connectionSpan(r)
		r.spanDone = true
	}
}

// connectionSpan is a connection's start and end as the admin console shows
// them: from the pairing when the partner event is known, otherwise from the
// close's duration, otherwise the event's own time.
func connectionSpan(r *row) (start, end time.Time) {
	e := r.e
	t := e.Time
	var partner time.Time
	if r.pairs != nil {
		if p, ok := r.pairs.PairOf(e); ok && p.Partner != 0 {
			partner = p.PartnerTime
		}
	}
	switch e.Fields.Value(model.KeyEventType) {
	case model.EventEstablished:
		return t, partner
	case model.EventClosed, model.EventFailed, model.EventDenied:
		if !partner.IsZero() {
			return partner, t
		}
		if ms, ok := e.Fields.Num(model.KeyDuration); ok && ms >= 0 && ms < maxSpanMillis && !t.IsZero() {
			return t.Add(-time.Duration(ms * float64(time.Millisecond))), t
		}
		return t, t
	}
	return t, time.Time{}
}

// connectionStatus maps the event to the console's status vocabulary. An
// event without its type, or cut short (its parse failed), has no status
// but the failure or denial its type says: it cannot be told NORMAL.
func connectionStatus(r *row) string {
	switch ev := r.e.Fields.Value(model.KeyEventType); {
	case ev == model.EventFailed:
		return "CONNECTION_FAILED"
	case ev == model.EventDenied:
		return "DENIED_ACCESS"
	case ev == "" || r.e.Flags.Has(model.FlagParseError):
		return ""
	}
	return "NORMAL"
}
