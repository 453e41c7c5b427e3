package payload

// Keys whose presence at the top of an object tells its family.
const (
	hasEventType uint32 = 1 << iota
	hasConnection
	hasLogType
	hasCreatedAt
	hasHostname
	hasNodeID
	hasFlowWindow // start or end
	hasLogtail
	hasTraffic // any of the four *Traffic lists
	hasTime
	hasSessionID
	hasSessionCols // siteResourceId, sourceAddr, destAddr or startedAt
	hasError
	hasStatus
	hasService
)

// span is where a member's value lies in the scanned text; end is 0 when
// the member was absent or its value incomplete.
type span struct{ start, end int }

func (sp span) ok() bool { return sp.end > sp.start }

// shape is what one pass over an object's top-level members tells about
// it, without decoding any value.
type shape struct {
	bits      uint32
	eventText string // "event" when it is a string (Pangolin streaming)
	event     span   // "event" when it is an object (log-streaming HEC)
	data      span   // "data" object (Pangolin)
	logs      span   // "logs" array (Tailscale API)
	log       span   // "log" array (Pangolin API, inside "data")
	message   span   // "message" object (a collector's wrapper)
}

func (sh shape) has(bits uint32) bool { return sh.bits&bits == bits }

// classify reads the members of the object at sc's position. It leaves sc
// after the object, or at the error; what was seen before an error still
// counts, so that a truncated record keeps its family.
func classify(sc *scanner) shape {
	var sh shape
	sc.object(func(key string) {
		sh.bits |= keyBit(key)
		switch key {
		case "event":
			if sc.next() == kindString {
				sh.eventText = sc.str()
				return
			}
			sh.event = valueSpan(sc, kindObject)
		case "data":
			sh.data = valueSpan(sc, kindObject)
		case "logs":
			sh.logs = valueSpan(sc, kindArray)
		case "log":
			sh.log = valueSpan(sc, kindArray)
		case "message":
			sh.message = valueSpan(sc, kindObject)
		}
	})
	return sh
}

func keyBit(key string) uint32 {
	switch key {
	case "event_type":
		return hasEventType
	case "connection":
		return hasConnection
	case "log_type":
		return hasLogType
	case "created_at":
		return hasCreatedAt
	case "hostname":
		return hasHostname
	case "nodeId":
		return hasNodeID
	case "start", "end":
		return hasFlowWindow
	case "logtail":
		return hasLogtail
	case "virtualTraffic", "subnetTraffic", "exitTraffic", "physicalTraffic":
		return hasTraffic
	case "time":
		return hasTime
	case "sessionId":
		return hasSessionID
	case "siteResourceId", "sourceAddr", "destAddr", "startedAt":
		return hasSessionCols
	case "error":
		return hasError
	case "status":
		return hasStatus
	case "service":
		return hasService
	}
	return 0
}

// valueSpan skips the value and returns its span when it is of kind k.
func valueSpan(sc *scanner, k valueKind) span {
	if sc.next() != k {
		sc.skip()
		return span{}
	}
	start := sc.i
	sc.skip()
	if sc.err != nil {
		return span{}
	}
	return span{start, sc.i}
}

// innerShape classifies the object in a span of s.
func innerShape(s string, sp span) shape {
	if !sp.ok() {
		return shape{}
	}
	sc := scanner{s: s[sp.start:sp.end]}
	return classify(&sc)
}

// family is the parser an object goes to.
type family uint8

const (
	familyJSON family = iota
	familyAnalytics
	familyWrappedAnalytics // a collector's record whose "message" is the event
	familyAudit
	familyFlow
	familyFlowAPI // {"logs":[messages]}
	familyHEC     // {"time":…,"event":{…},"fields":{…}}
	familySessionRow
	familySessionEvent
	familySessionAPI
	familyPubNub
)

// familyOf decides from the shape, looking one level into the members
// that wrap another record.
func familyOf(s string, sh *shape) family {
	switch {
	case sh.has(hasEventType | hasConnection):
		return familyAnalytics
	case sh.has(hasLogType) && (sh.has(hasCreatedAt) || sh.has(hasHostname)):
		return familyAudit
	case isFlowBits(sh.bits):
		return familyFlow
	case sh.has(hasTime) && sh.event.ok():
		return familyHEC
	case sh.eventText != "" && sh.data.ok() && innerShape(s, sh.data).has(hasSessionID):
		return familySessionEvent
	case sh.data.ok() && innerShape(s, sh.data).log.ok():
		return familySessionAPI
	case sh.has(hasSessionID) && sh.bits&hasSessionCols != 0:
		return familySessionRow
	case sh.logs.ok() && firstElementIsFlow(s, sh.logs):
		return familyFlowAPI
	case sh.message.ok() && innerShape(s, sh.message).has(hasEventType|hasConnection):
		return familyWrappedAnalytics
	case sh.has(hasError | hasStatus | hasService):
		return familyPubNub
	}
	return familyJSON
}

// isFlowBits: a traffic list, or a node id with a window or logtail
// metadata, make a Tailscale flow message.
func isFlowBits(bits uint32) bool {
	return bits&hasTraffic != 0 || (bits&hasNodeID != 0 && bits&(hasFlowWindow|hasLogtail) != 0)
}

// firstElementIsFlow looks at the first element of the array in sp only,
// so that a large API response is not walked twice.
func firstElementIsFlow(s string, sp span) bool {
	sc := scanner{s: s[sp.start:sp.end], i: 1}
	return sc.next() == kindObject && isFlowBits(classify(&sc).bits)
}
