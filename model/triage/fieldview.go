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
		f := &e.Fields[i]
		if p := v.slot(f.Key); p != nil && *p == "" {
			*p = f.Value
			continue
		}
		v.number(f)
	}
}

// slot returns where a string field goes, or nil.
func (v *view) slot(key string) *string {
	switch key {
	case model.KeyEventType:
		return &v.event
	case model.KeyErrorMessage:
		return &v.errorMsg
	case model.KeyAppliedRule:
		return &v.rule
	case model.KeyUserEmail:
		return &v.userEmail
	case model.KeyUserID:
		return &v.userID
	case model.KeySessUserEmail:
		return &v.sessEmail
	case model.KeySessUserID:
		return &v.sessUser
	case model.KeyNodeUser:
		return &v.nodeUser
	case model.KeyResourceAddr:
		return &v.resAddr
	case model.KeyResourceIP:
		return &v.resIP
	case model.KeyResourcePort:
		return &v.resPort
	case model.KeyResourceName:
		return &v.resName
	case model.KeyDestAddr:
		return &v.destAddr
	case model.KeyDst:
		return &v.dst
	case model.KeySiteResource:
		return &v.siteRes
	}
	return v.slot2(key)
}

func (v *view) slot2(key string) *string {
	switch key {
	case model.KeyProtocol:
		return &v.protocol
	case model.KeySessProtocol:
		return &v.sessProto
	case model.KeyFlowProto:
		return &v.flowProto
	case model.KeyClientIP:
		return &v.clientIP
	case model.KeySrcIP:
		return &v.srcIP
	case model.KeySourceAddr:
		return &v.sourceAddr
	case model.KeyCountry:
		return &v.country
	case model.KeyTunnelPath:
		return &v.path
	case model.KeyPhase:
		return &v.phase
	case model.KeyEndReason:
		return &v.endReason
	case model.KeyConnID:
		return &v.connID
	case model.KeySessionID:
		return &v.sessionID
	case model.KeyStartedAt:
		return &v.startedAt
	}
	return nil
}

// number reads the byte counters and the duration.
func (v *view) number(f *model.Field) {
	switch f.Key {
	case model.KeyRx, model.KeyBytesRx, model.KeyRxBytes:
		v.rx, v.rxField = byteCount(v.rx, v.rxField, f)
	case model.KeyTx, model.KeyBytesTx, model.KeyTxBytes:
		v.tx, v.txField = byteCount(v.tx, v.txField, f)
	case model.KeyDuration:
		v.durField = *f
		if f.IsNum {
			v.duration, v.hasDuration = f.Num, true
		}
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
