package ui

import (
	"strings"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/cell"
)

// colKind marks the columns the table draws itself rather than through a
// cell function.
type colKind uint8

const (
	colText  colKind = iota // cell() gives the text
	colTime                 // the entry time, with the date when it changes
	colLevel                // the level, coloured
)

// column is one column of a tab: its title, how wide it may be, and how it
// gets its text from an entry. Widths adapt to the content on screen between
// min and max; the flex column takes what is left. When the terminal is too
// narrow, columns with the lowest prio are dropped first.
type column struct {
	title    string
	kind     colKind
	min, max int
	flex     bool
	right    bool
	prio     int
	cell     func(e *model.Entry) string
	idx      int  // position in the tab's column list, set by layout
	varying  bool // shown only while the rows on screen differ in it
}

func timeCol() column  { return column{title: "TIME", kind: colTime, min: 12, max: 18, prio: 100} }
func levelCol() column { return levelColPrio(90) }

func levelColPrio(prio int) column {
	return column{title: "LVL", kind: colLevel, min: 3, max: 3, prio: prio}
}

// hostCol is the entry's host. It shows only while the rows on screen come
// from more than one host: a fleet read from a log store.
func hostCol() column {
	return column{title: "HOST", min: 10, max: 24, prio: 85, cell: hostCell, varying: true}
}

func hostCell(e *model.Entry) string { return e.Origin.HostName() }

// uniform reports whether the rows on screen hold at most one distinct
// non-empty text in column c (an entry without a host is no second host).
func uniform(rows []visibleRow, c int) bool {
	first := ""
	for _, r := range rows {
		if r.cells == nil || r.separator() || r.cells[c] == "" {
			continue
		}
		if first != "" && r.cells[c] != first {
			return false
		}
		first = r.cells[c]
	}
	return true
}

func textCol(title string, lo, hi, prio int, cell func(e *model.Entry) string) column {
	return column{title: title, min: lo, max: hi, prio: prio, cell: cell}
}

// numCol is a right-aligned number (bytes, durations): never cut, so its
// minimum holds "23.4KB" and "50m34s".
func numCol(title string, prio int, cell func(e *model.Entry) string) column {
	return column{title: title, min: 6, max: 8, right: true, prio: prio, cell: cell}
}

func flexCol(title string, lo, prio int, cell func(e *model.Entry) string) column {
	return column{title: title, min: lo, max: 1 << 20, flex: true, prio: prio, cell: cell}
}

func field(key string) func(e *model.Entry) string {
	return func(e *model.Entry) string { return e.Fields.Value(key) }
}

// tabColumns are the columns of each tab, in display order.
var tabColumns = [tabCount][]column{
	TabAll: {timeCol(), levelCol(), hostCol(), textCol("KIND", 4, 9, 50, func(e *model.Entry) string { return e.Kind.String() }),
		flexCol("SUMMARY", 10, 80, export.Summary)},
	// At 80 columns an on-call engineer needs first when, what happened
	// (the event and its error), who and to what, then how much and how
	// long; the level (INF or WRN here, the event says more), the client
	// address, the protocol and the tunnel path come by scrolling right.
	TabConnections: {timeCol(), levelColPrio(45), hostCol(),
		textCol("EVENT", 11, 11, 95, cell.Event), textCol("USER", 10, 28, 85, userCell),
		textCol("RESOURCE", 12, 32, 80, resourceCell), textCol("PROTO", 5, 5, 20, field(model.KeyProtocol)),
		textCol("CLIENT", 12, 22, 40, clientCell), textCol("PATH", 4, 6, 10, field(model.KeyTunnelPath)),
		numCol("RX", 60, cell.Bytes(model.KeyRx)), numCol("TX", 59, cell.Bytes(model.KeyTx)),
		numCol("DUR", 58, cell.Duration(model.KeyDuration)), flexCol("ERROR", 6, 75, field(model.KeyErrorMessage))},
	TabService: {timeCol(), levelCol(), hostCol(), textCol("MODULE", 4, 24, 50, moduleCell), flexCol("MESSAGE", 10, 80, messageCell)},
	TabAudit: {timeCol(), levelCol(), hostCol(), textCol("TYPE", 3, 11, 50, field(model.KeyLogType)),
		textCol("ACTION", 6, 16, 60, field(model.KeyAction)), textCol("USER", 8, 20, 55, auditUserCell),
		textCol("RESULT", 6, 7, 70, grantedCell), textCol("CLIENT", 12, 15, 30, field(model.KeyAuditClientIP)),
		flexCol("DETAIL", 6, 80, auditDetailCell)},
	TabFlows: {timeCol(), hostCol(), textCol("KIND", 7, 7, 40, func(e *model.Entry) string { return e.Kind.String() }),
		textCol("TYPE", 7, 8, 45, flowTypeCell), textCol("PROTO", 4, 5, 35, protoCell),
		textCol("SRC", 16, 28, 70, srcCell), textCol("DST", 18, 30, 70, dstCell),
		numCol("TX", 30, flowBytesCell(model.KeyTxBytes, model.KeyBytesTx)),
		numCol("RX", 29, flowBytesCell(model.KeyRxBytes, model.KeyBytesRx)),
		numCol("DUR", 25, cell.Duration(model.KeySessDuration)), flexCol("RESOURCE", 8, 20, flowResourceCell)},
}

func firstValue(e *model.Entry, keys ...string) string {
	for _, k := range keys {
		if v := e.Fields.Value(k); v != "" {
			return v
		}
	}
	return ""
}

func userCell(e *model.Entry) string { return firstValue(e, model.KeyUserEmail, model.KeyUserID) }

func resourceCell(e *model.Entry) string {
	r := firstValue(e, model.KeyResourceAddr, model.KeyResourceIP)
	if p := e.Fields.Value(model.KeyResourcePort); p != "" {
		r += ":" + p
	}
	return r
}

func clientCell(e *model.Entry) string {
	ip := e.Fields.Value(model.KeyClientIP)
	if c := e.Fields.Value(model.KeyCountry); c != "" {
		return ip + " (" + c + ")"
	}
	return ip
}

func flowBytesCell(keys ...string) func(e *model.Entry) string {
	return func(e *model.Entry) string {
		for _, k := range keys {
			if n, ok := e.Fields.Num(k); ok {
				return model.HumanBytes(n)
			}
		}
		return ""
	}
}

func moduleCell(e *model.Entry) string {
	return firstValue(e, model.KeyModule, model.KeyLibrary)
}

// messageCell puts the function before the message unless the message
// already starts with it.
func messageCell(e *model.Entry) string {
	msg := e.Message()
	if fn := e.Fields.Value(model.KeyFunction); fn != "" && !strings.HasPrefix(msg, fn) {
		return fn + ": " + msg
	}
	return msg
}

func auditUserCell(e *model.Entry) string {
	return firstValue(e, model.KeyAuditUserName, model.KeyAuditUserID)
}

func grantedCell(e *model.Entry) string {
	switch e.Fields.Value(model.KeyAccessGranted) {
	case "true":
		return "granted"
	case "false":
		return "DENIED"
	}
	return ""
}

// auditDetailCell shows what the record is about: the web request, the
// denial reason, the setting change or the message.
func auditDetailCell(e *model.Entry) string {
	f := e.Fields
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(f.Value(model.KeyMethod))
	add(f.Value(model.KeyPath))
	add(f.Value(model.KeyStatusCode))
	add(f.Value(model.KeyDeniedReason))
	if s := f.Value(model.KeySetting); s != "" {
		add(s + ": " + f.Value(model.KeyOldValue) + " → " + f.Value(model.KeyNewValue))
	}
	add(f.Value(model.KeyElement))
	add(e.Fields.Value(model.KeyMessage))
	return strings.Join(parts, " ")
}

func flowTypeCell(e *model.Entry) string { return firstValue(e, model.KeyTraffic, model.KeyPhase) }

func protoCell(e *model.Entry) string {
	return firstValue(e, model.KeyFlowProto, model.KeySessProtocol)
}

func srcCell(e *model.Entry) string { return firstValue(e, model.KeySrc, model.KeySourceAddr) }

func dstCell(e *model.Entry) string {
	if d := firstValue(e, model.KeyDst, model.KeyDestAddr); d != "" {
		return "→ " + d
	}
	return ""
}

func flowResourceCell(e *model.Entry) string {
	return firstValue(e, model.KeyResourceName, model.KeySiteResource, model.KeyNodeName, model.KeySessUserEmail)
}
