package payload

import (
	"time"

	"connlog/model"
)

// The record's own names for the analytics objects whose members are
// mapped one by one; any member not listed in keys.go keeps its dotted
// path under these.
const (
	pathConnection    = "connection"
	pathClientGeo     = "connection.client_geo"
	pathConnector     = "connector"
	pathDevice        = "device"
	pathUser          = "user"
	pathRemoteNetwork = "remote_network"
	pathResource      = "resource"
	pathRelays        = "relays"
	// keyLocationRaw holds the location string as written when it is not
	// the JSON it should be, so that nothing is lost.
	keyLocationRaw = "location"
)

var prefixAnalytics = []byte("ANALYTICS")

// fieldType says how a known member's value is stored.
type fieldType uint8

const (
	asScalar fieldType = iota // as written
	asID                      // identifiers: numbers become decimal text
	asNumber                  // numbers, also when written as numeric strings
)

// memberKeys maps a member of a known object to its field key and type;
// "" means the member is not part of the schema.
type memberKeys func(member string) (string, fieldType)

// parseAnalyticsLine reads "ANALYTICS {json}" with any spacing after the
// prefix. It reports false when no object follows, leaving the line to the
// text parser. memo may be nil.
func parseAnalyticsLine(p []byte, out []Result, memo *AnalyticsMemo) ([]Result, bool) {
	i := skipBlanks(p, len(prefixAnalytics))
	if i >= len(p) || p[i] != '{' {
		return out, false
	}
	sc := scanner{s: string(p[i:])}
	fl := newFieldList(48, maxFamilyFields)
	r := analyticsInto(&sc, &fl, memo)
	endAnalytics(&sc, &r)
	if len(r.Fields) == 0 && r.Err != "" {
		return appendText(out, p, r.Err), true
	}
	return append(out, r), true
}

// endAnalytics fails an event followed by anything but blanks.
func endAnalytics(sc *scanner, r *Result) {
	if sc.err == nil && sc.more() {
		sc.fail("unexpected data after the event object")
		r.Err = joinErr(sc.errText(), r.Err)
	}
}

// analyticsObject reads one Twingate analytics event (v2, or v1 with its
// client_geo).
func analyticsObject(sc *scanner) Result {
	fl := newFieldList(48, maxFamilyFields)
	return analyticsInto(sc, &fl, nil)
}

// analyticsInto is analyticsObject appending to fl, whose fields before
// the event's are left as they are. With a memo, the parts that repeat
// from event to event are decoded once (see AnalyticsMemo).
func analyticsInto(sc *scanner, fl *fieldList, memo *AnalyticsMemo) Result {
	start := len(fl.fs)
	r := Result{Kind: model.KindAnalytics, Level: model.LevelInfo}
	var locErr string
	sc.object(func(key string) {
		switch key {
		case "event_type":
			v := sc.scalar()
			fl.scalar(model.KeyEventType, v)
			r.Level = eventLevel(v.text)
		case "timestamp":
			v := sc.scalar()
			fl.numeric(model.KeyTimestamp, v)
			r.Time = analyticsTime(v)
		case pathConnection:
			connection(sc, fl)
		case pathConnector:
			memoObject(memo, siteConnector, sc, fl, key, connectorKeys)
		case pathDevice:
			memoObject(memo, siteDevice, sc, fl, key, deviceKeys)
		case pathUser:
			memoObject(memo, siteUser, sc, fl, key, userKeys)
		case pathRemoteNetwork:
			memoObject(memo, siteRemoteNetwork, sc, fl, key, remoteNetworkKeys)
		case pathResource:
			memoObject(memo, siteResource, sc, fl, key, resourceKeys)
		case keyLocationRaw:
			memo.part(sc, fl, siteLocation, func() bool {
				locErr = location(sc, fl)
				return locErr == ""
			})
		case pathRelays:
			memo.part(sc, fl, siteRelays, func() bool {
				relays(sc, fl)
				return true
			})
		default:
			flatten(sc, fl, key, 1, maxGenericDepth)
		}
	})
	r.Fields = fl.fs[start:len(fl.fs):len(fl.fs)]
	r.Err = joinErr(sc.errText(), locErr)
	return r
}

// eventLevel: failures and denials are warnings; established, closed and
// event types not known yet are information.
func eventLevel(eventType string) model.Level {
	switch eventType {
	case model.EventFailed, model.EventDenied:
		return model.LevelWarn
	}
	return model.LevelInfo
}

// analyticsTime reads the epoch-millisecond timestamp, tolerating it as a
// numeric string or an ISO-8601 text. A timestamp that is not a plausible
// time (0, year 0, before 1990, years ahead) gives none: the event is
// timed as a line without one, and passes nothing on to the lines after it.
func analyticsTime(v scalar) time.Time {
	if t := analyticsStamp(v); plausibleTime(t) {
		return t
	}
	return time.Time{}
}

// analyticsStamp is analyticsTime before the plausibility check.
func analyticsStamp(v scalar) time.Time {
	switch v.kind {
	case kindNumber:
		if t, ok := epochMillis(v.num); ok && v.isNum {
			return t
		}
	case kindString:
		if f, ok := parseNumber(v.text); ok {
			t, _ := epochMillis(f)
			return t
		}
		t, _ := timeOf(v)
		return t
	}
	return time.Time{}
}

// subObject walks an object whose members memberKeys knows; other members,
// and a value that is not an object at all, keep their dotted paths.
func subObject(sc *scanner, fl *fieldList, prefix string, known memberKeys) {
	walkObject(sc, fl, prefix, known, nil)
}

// memoObject is subObject through memo at site. The part may always be
// remembered: its errors are the scanner's, which the memo checks.
func memoObject(memo *AnalyticsMemo, site memoSite, sc *scanner, fl *fieldList, prefix string, known memberKeys) {
	memo.part(sc, fl, site, func() bool {
		subObject(sc, fl, prefix, known)
		return true
	})
}

// connection walks the connection object; v1's client_geo is mapped onto
// the same location keys v2 decodes from its location string.
func connection(sc *scanner, fl *fieldList) {
	walkObject(sc, fl, pathConnection, connectionKeys, func(member string) bool {
		if member != "client_geo" {
			return false
		}
		clientGeo(sc, fl)
		return true
	})
}

// walkObject is subObject with a hook: special may consume a member itself
// and report that it did.
func walkObject(sc *scanner, fl *fieldList, prefix string, known memberKeys, special func(member string) bool) {
	if sc.next() != kindObject {
		flatten(sc, fl, prefix, 1, maxGenericDepth)
		return
	}
	sc.object(func(member string) {
		if special != nil && special(member) {
			return
		}
		key, typ := known(member)
		if key == "" {
			flatten(sc, fl, joinPath(prefix, member), 2, maxGenericDepth)
			return
		}
		k := sc.next()
		if k == kindObject || k == kindArray {
			flatten(sc, fl, key, 2, maxGenericDepth)
			return
		}
		v := sc.scalarOf(k)
		switch typ {
		case asID:
			fl.id(key, v)
		case asNumber:
			fl.numeric(key, v)
		default:
			fl.scalar(key, v)
		}
	})
}

func connectionKeys(m string) (string, fieldType) {
	switch m {
	case "id":
		return model.KeyConnID, asID
	case "client_ip":
		return model.KeyClientIP, asScalar
	case "resource_ip":
		return model.KeyResourceIP, asScalar
	case "resource_port":
		return model.KeyResourcePort, asNumber
	case "protocol":
		return model.KeyProtocol, asScalar
	case "rx":
		return model.KeyRx, asNumber
	case "tx":
		return model.KeyTx, asNumber
	case "duration":
		return model.KeyDuration, asNumber
	case "tunnel_path":
		return model.KeyTunnelPath, asScalar
	case "tunnel_proto":
		return model.KeyTunnelProto, asScalar
	case "cbct_freshness":
		return model.KeyCBCTFreshness, asNumber
	case "error_message":
		return model.KeyErrorMessage, asScalar
	}
	return "", asScalar
}

func connectorKeys(m string) (string, fieldType) {
	switch m {
	case "id":
		return model.KeyConnectorID, asID
	case "name":
		return model.KeyConnectorName, asScalar
	}
	return "", asScalar
}

func deviceKeys(m string) (string, fieldType) {
	if m == "id" {
		return model.KeyDeviceID, asID
	}
	return "", asScalar
}

func userKeys(m string) (string, fieldType) {
	switch m {
	case "id":
		return model.KeyUserID, asID
	case "email":
		return model.KeyUserEmail, asScalar
	}
	return "", asScalar
}

func remoteNetworkKeys(m string) (string, fieldType) {
	switch m {
	case "id":
		return model.KeyNetworkID, asID
	case "name":
		return model.KeyNetworkName, asScalar
	}
	return "", asScalar
}

func resourceKeys(m string) (string, fieldType) {
	switch m {
	case "id":
		return model.KeyResourceID, asID
	case "address":
		return model.KeyResourceAddr, asScalar
	case "applied_rule":
		return model.KeyAppliedRule, asScalar
	}
	return "", asScalar
}

func relayKeys(m string) (string, fieldType) {
	switch m {
	case "ip":
		return model.KeyRelayIP, asScalar
	case "name":
		return model.KeyRelayName, asScalar
	case "port":
		return model.KeyRelayPort, asNumber
	}
	return "", asScalar
}

// relays adds relays.ip/.name/.port once per relay, in order.
func relays(sc *scanner, fl *fieldList) {
	if sc.next() != kindArray {
		flatten(sc, fl, pathRelays, 1, maxGenericDepth)
		return
	}
	sc.array(func(int) { subObject(sc, fl, pathRelays, relayKeys) })
}

func joinErr(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
