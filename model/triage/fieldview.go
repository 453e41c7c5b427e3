package triage

import (
	"math"

	"connlog/model"
)

// view holds the fields the tables read from a structured record, found
// in one pass over its fields: an analytics event has some thirty, and
// looking each key up in turn would read them a dozen times.
type view struct {
	event, errorMsg, rule                  string
	userEmail, userID, sessEmail, sessUser string
	nodeUser                               string
	resAddr, resIP, resPort, resName       string
	destAddr, dst, siteRes                 string
	protocol, sessProto, flowProto         string
	clientIP, srcIP, sourceAddr            string
	country, path, phase, endReason        string
	connID, sessionID, startedAt           string
	rx, tx                                 int64
	duration                               float64
	hasDuration                            bool
	// rxField, txField and durField are the counters and the duration as
	// logged (a zero Field when not: its Key is ""), for a session row to
	// show them as the table does: a count past int64, or one that is not a
	// number, is not 0. Their values may alias the decoder's buffers: they
	// are read while the entry is counted.
	rxField, txField, durField model.Field
}

// structuredKeys are every field of a structured record (a connection
// event, a session or a flow record) that the tables read: the view's, the
// times of a session's span, and what a template is folded by. A load may
// leave the others out (see Parts.Keys): a connection event has some thirty
// fields, and its geoip coordinates and ids cost a string each to load.
var structuredKeys = []string{
	model.KeyEventType, model.KeyErrorMessage, model.KeyAppliedRule,
	model.KeyUserEmail, model.KeyUserID, model.KeySessUserEmail, model.KeySessUserID, model.KeyNodeUser,
	model.KeyResourceAddr, model.KeyResourceIP, model.KeyResourcePort, model.KeyResourceName,
	model.KeyDestAddr, model.KeyDst, model.KeySiteResource,
	model.KeyProtocol, model.KeySessProtocol, model.KeyFlowProto,
	model.KeyClientIP, model.KeySrcIP, model.KeySourceAddr,
	model.KeyCountry, model.KeyTunnelPath, model.KeyPhase, model.KeyEndReason,
	model.KeyConnID, model.KeySessionID, model.KeyStartedAt,
	model.KeyRx, model.KeyBytesRx, model.KeyRxBytes, model.KeyTx, model.KeyBytesTx, model.KeyTxBytes, model.KeyDuration,
	model.KeyFlowStart, model.KeyFlowEnd, model.KeyEndedAt, // a span's times (spanOf)
	model.KeySessionEvent, model.KeyTraffic, // what session and flow templates are folded by
}

// noView is the view of an entry that is not structured: nothing. It is
// read, never written.
var noView view

// read sets v to the view of e, reading e's fields once.
func (v *view) read(e *model.Entry) {
	*v = view{}
	for i := range e.Fields {
		v.take(&e.Fields[i])
	}
}

// take reads one field into the view: a string into its slot, unless an
// earlier field filled it; a byte counter or the duration as a number. One
// switch for all of them: a record's fields are mostly keys the view does
// not read, which would otherwise go through every switch.
func (v *view) take(f *model.Field) {
	var p *string
	switch f.Key {
	case model.KeyEventType:
		p = &v.event
	case model.KeyErrorMessage:
		p = &v.errorMsg
	case model.KeyAppliedRule:
		p = &v.rule
	case model.KeyUserEmail:
		p = &v.userEmail
	case model.KeyUserID:
		p = &v.userID
	case model.KeySessUserEmail:
		p = &v.sessEmail
	case model.KeySessUserID:
		p = &v.sessUser
	case model.KeyNodeUser:
		p = &v.nodeUser
	case model.KeyResourceAddr:
		p = &v.resAddr
	case model.KeyResourceIP:
		p = &v.resIP
	case model.KeyResourcePort:
		p = &v.resPort
	case model.KeyResourceName:
		p = &v.resName
	case model.KeyDestAddr:
		p = &v.destAddr
	case model.KeyDst:
		p = &v.dst
	case model.KeySiteResource:
		p = &v.siteRes
	case model.KeyProtocol:
		p = &v.protocol
	case model.KeySessProtocol:
		p = &v.sessProto
	case model.KeyFlowProto:
		p = &v.flowProto
	case model.KeyClientIP:
		p = &v.clientIP
	case model.KeySrcIP:
		p = &v.srcIP
	case model.KeySourceAddr:
		p = &v.sourceAddr
	case model.KeyCountry:
		p = &v.country
	case model.KeyTunnelPath:
		p = &v.path
	case model.KeyPhase:
		p = &v.phase
	case model.KeyEndReason:
		p = &v.endReason
	case model.KeyConnID:
		p = &v.connID
	case model.KeySessionID:
		p = &v.sessionID
	case model.KeyStartedAt:
		p = &v.startedAt
	case model.KeyRx, model.KeyBytesRx, model.KeyRxBytes:
		v.rx, v.rxField = byteCount(v.rx, v.rxField, f)
		return
	case model.KeyTx, model.KeyBytesTx, model.KeyTxBytes:
		v.tx, v.txField = byteCount(v.tx, v.txField, f)
		return
	case model.KeyDuration:
		v.durField = *f
		if f.IsNum {
			v.duration, v.hasDuration = f.Num, true
		}
		return
	default:
		return
	}
	if *p == "" {
		*p = f.Value
	}
}

// byteCount keeps the larger of a byte counter and field f, and the field
// to show: the largest number, or the first field when none is a number.
func byteCount(n int64, from model.Field, f *model.Field) (int64, model.Field) {
	switch {
	case !f.IsNum:
		if from.Key == "" {
			return n, *f
		}
		return n, from
	case from.Key == "" || !from.IsNum || saturated(f.Num) > saturated(from.Num):
		return max(n, saturated(f.Num)), *f
	}
	return n, from
}

// saturated is n as an int64: a count past its range is its largest (a
// conversion would make it anything), one that is not a number 0.
func saturated(n float64) int64 {
	switch {
	case n != n:
		return 0
	case n >= math.MaxInt64:
		return math.MaxInt64
	case n <= math.MinInt64:
		return math.MinInt64
	}
	return int64(n)
}

// or returns the first non-empty value.
func or(vs ...string) string {
	for _, s := range vs {
		if s != "" {
			return s
		}
	}
	return ""
}

func (v *view) user() string {
	return or(v.userEmail, v.userID, v.sessEmail, v.sessUser, v.nodeUser)
}

// resource is "address:port" of an analytics event, the resource name or
// destination of a session record.
func (v *view) resource() string {
	if a := or(v.resAddr, v.resIP); a != "" {
		return model.HostPort(a, v.resPort)
	}
	return or(v.resName, v.destAddr, v.dst, v.siteRes)
}

func (v *view) client() string { return or(v.clientIP, v.srcIP, v.sourceAddr) }
