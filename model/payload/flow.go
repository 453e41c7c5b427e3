package payload

import (
	"strconv"
	"time"

	"connlog/model"
)

// Traffic kinds, named after the message member that lists them.
const (
	trafficVirtual  = "virtual"
	trafficSubnet   = "subnet"
	trafficExit     = "exit"
	trafficPhysical = "physical"
)

// flowFieldsPerItem is the most fields one traffic item's result holds.
const flowFieldsPerItem = 18

// flowItem is one ConnectionCounts entry of a message.
type flowItem struct {
	traffic  string
	proto    string
	src, dst string
	counters [4]scalar // txPkts, txBytes, rxPkts, rxBytes
	at       Place     // where it lies among the message's traffic items
	// cut is set when the record ends inside the item: a counter it lacks
	// may be one that was cut off, not one Tailscale omitted for being 0.
	cut bool
}

var counterKeys = [4]string{model.KeyTxPkts, model.KeyTxBytes, model.KeyRxPkts, model.KeyRxBytes}

// flowMessage is what one Tailscale network-flow message says.
type flowMessage struct {
	nodeID, nodeName, nodeUser string
	start, end, logged         string
	items                      []flowItem
	dropped                    int // items beyond the result budget
	// Where the traffic items lie, from the first one's start to the
	// last one's end, those dropped included.
	itemsFrom, itemsTo int
}

// empty reports whether nothing of the message could be read.
func (m *flowMessage) empty() bool {
	return len(m.items) == 0 && m.nodeID == "" && m.start == "" && m.end == "" && m.logged == ""
}

// flowObject reads one flow message, keeping at most budget items.
func flowObject(sc *scanner, budget int) flowMessage {
	var m flowMessage
	sc.object(func(key string) {
		switch key {
		case model.KeyNodeID:
			m.nodeID = stringValue(sc)
		case model.KeyFlowStart:
			m.start = stringValue(sc)
		case model.KeyFlowEnd:
			m.end = stringValue(sc)
		case model.KeyFlowLogged:
			m.logged = stringValue(sc)
		case "srcNode":
			m.srcNode(sc)
		case "virtualTraffic":
			m.traffic(sc, trafficVirtual, budget)
		case "subnetTraffic":
			m.traffic(sc, trafficSubnet, budget)
		case "exitTraffic":
			m.traffic(sc, trafficExit, budget)
		case "physicalTraffic":
			m.traffic(sc, trafficPhysical, budget)
		}
	})
	return m
}

// stringValue reads a scalar and returns its text, "" for null.
func stringValue(sc *scanner) string {
	k := sc.next()
	if k == kindObject || k == kindArray {
		sc.skip()
		return ""
	}
	v := sc.scalarOf(k)
	if v.kind == kindNull {
		return ""
	}
	return v.text
}

func (m *flowMessage) srcNode(sc *scanner) {
	if sc.next() != kindObject {
		sc.skip()
		return
	}
	sc.object(func(key string) {
		switch key {
		case "name":
			m.nodeName = stringValue(sc)
		case "user":
			m.nodeUser = stringValue(sc)
		}
	})
}

func (m *flowMessage) traffic(sc *scanner, kind string, budget int) {
	if sc.next() != kindArray {
		sc.skip()
		return
	}
	sc.array(func(int) {
		start := sc.i
		switch {
		case sc.next() != kindObject:
			sc.skip()
		case len(m.items) >= budget:
			m.dropped++
			sc.skip()
		default:
			m.items = append(m.items, flowItemObject(sc, kind))
			m.items[len(m.items)-1].at = Place{Start: start, End: sc.i}
		}
		if m.itemsTo == 0 {
			m.itemsFrom = start
		}
		m.itemsTo = sc.i
	})
}

// placeItem places item k among the message's traffic items; the last
// one kept holds those dropped after it.
func (m *flowMessage) placeItem(k int) Place {
	at := m.items[k].at
	if k == len(m.items)-1 {
		at.End = m.itemsTo
	}
	at.From, at.To = m.itemsFrom, m.itemsTo
	return at
}

func flowItemObject(sc *scanner, kind string) flowItem {
	it := flowItem{traffic: kind}
	sc.object(func(key string) {
		switch key {
		case model.KeyFlowProto:
			it.proto = protoName(sc.scalar())
		case model.KeySrc:
			it.src = stringValue(sc)
		case model.KeyDst:
			it.dst = stringValue(sc)
		case model.KeyTxPkts:
			it.counters[0] = sc.scalar()
		case model.KeyTxBytes:
			it.counters[1] = sc.scalar()
		case model.KeyRxPkts:
			it.counters[2] = sc.scalar()
		case model.KeyRxBytes:
			it.counters[3] = sc.scalar()
		}
	})
	it.cut = sc.err != nil
	return it
}

// protoName names the IANA protocol numbers flow logs use. Tailscale omits
// a zero proto, so 0 and missing are both "".
func protoName(v scalar) string {
	switch v.text {
	case "6":
		return "tcp"
	case "17":
		return "udp"
	case "1":
		return "icmp"
	case "0", "", "null":
		return ""
	}
	if v.kind == kindNumber {
		return decimalText(v)
	}
	return v.text
}

// flowContext is what a carrier adds to a message: log streaming's
// recorded time and event time, used when the message lacks its own.
type flowContext struct {
	recorded string
	time     time.Time
}

// appendFlow appends one result per traffic item, or a single result for
// a message without traffic; err marks results of a broken record.
func appendFlow(out []Result, m *flowMessage, ctx flowContext, err string) []Result {
	if m.logged == "" {
		m.logged = ctx.recorded
	}
	t := firstTime(ctx.time, m.start, m.end, m.logged)
	n := max(len(m.items), 1)
	backing := make(model.Fields, 0, n*flowFieldsPerItem)
	for k := 0; k < n; k++ {
		fl := fieldList{fs: backing[len(backing) : len(backing) : len(backing)+flowFieldsPerItem], max: flowFieldsPerItem}
		var at Place
		if k < len(m.items) {
			flowItemFields(&fl, &m.items[k])
			at = m.placeItem(k)
		}
		m.commonFields(&fl)
		backing = backing[:len(backing)+len(fl.fs)]
		// Capped, so that appending to one item's fields cannot reach the next.
		out = append(out, Result{Kind: model.KindFlow, Time: t, Fields: fl.fs[:len(fl.fs):len(fl.fs)], Err: err, Item: at})
	}
	if m.dropped > 0 {
		last := &out[len(out)-1]
		last.Err = joinErr(last.Err, strconv.Itoa(m.dropped)+" more traffic items not shown (at most "+
			strconv.Itoa(maxResults)+" entries per record)")
	}
	return out
}

func flowItemFields(fl *fieldList, it *flowItem) {
	fl.str(model.KeyTraffic, it.traffic)
	fl.str(model.KeyFlowProto, it.proto)
	addSrcDst(fl, model.KeySrc, it.src, model.KeyDst, it.dst)
	for c, v := range it.counters {
		switch {
		case v.kind == kindNumber && v.isNum:
			fl.num(counterKeys[c], v.text, v.num)
		case v.kind == kindString:
			fl.numeric(counterKeys[c], v)
		case it.cut: // not read, or cut in its number: unknown, not 0
		default: // Tailscale omits zero counters
			fl.num(counterKeys[c], "0", 0)
		}
	}
}

func (m *flowMessage) commonFields(fl *fieldList) {
	for _, kv := range [...][2]string{
		{model.KeyNodeID, m.nodeID}, {model.KeyNodeName, m.nodeName}, {model.KeyNodeUser, m.nodeUser},
		{model.KeyFlowStart, m.start}, {model.KeyFlowEnd, m.end}, {model.KeyFlowLogged, m.logged},
	} {
		if kv[1] != "" {
			fl.str(kv[0], kv[1])
		}
	}
}

// firstTime returns the first of the message's times that parses (start,
// then end, then logged), or the carrier's time.
func firstTime(fallback time.Time, texts ...string) time.Time {
	for _, s := range texts {
		if t, n, ok := parseISO(s); ok && n == len(s) {
			return t
		}
	}
	return fallback
}
