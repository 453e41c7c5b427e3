package ui

import (
	"strings"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/cell"
	"connlog/ui/table"
)

func field(key string) func(e *model.Entry) string {
	return func(e *model.Entry) string { return e.Fields.Value(key) }
}

// tabColumns are the columns of each tab, in display order.
var tabColumns = [tabCount][]table.Column{
	TabAll: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("KIND", 4, 9, 50, func(e *model.Entry) string { return e.Kind.String() }),
		table.FlexColumn("SUMMARY", 10, 80, export.Summary)},
	// At 80 columns an on-call engineer needs first when, what happened
	// (the event and its error), who and to what, then how much and how
	// long; the level (INF or WRN here, the event says more), the client
	// address, the protocol and the tunnel path come by scrolling right.
	TabConnections: {table.TimeColumn(), table.LevelColumn(45), table.HostColumn(),
		table.TextColumn("EVENT", 11, 11, 95, cell.Event), table.TextColumn("USER", 10, 28, 85, userCell),
		table.TextColumn("RESOURCE", 12, 32, 80, resourceCell), table.TextColumn("PROTO", 5, 5, 20, field(model.KeyProtocol)),
		table.TextColumn("CLIENT", 12, 22, 40, clientCell), table.TextColumn("PATH", 4, 6, 10, field(model.KeyTunnelPath)),
		table.NumColumn("RX", 60, cell.Bytes(model.KeyRx)), table.NumColumn("TX", 59, cell.Bytes(model.KeyTx)),
		table.NumColumn("DUR", 58, cell.Duration(model.KeyDuration)), table.FlexColumn("ERROR", 6, 75, field(model.KeyErrorMessage))},
	TabService: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("MODULE", 4, 24, 50, moduleCell), table.FlexColumn("MESSAGE", 10, 80, messageCell)},
	TabAudit: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("TYPE", 3, 11, 50, auditTypeCell),
		table.TextColumn("ACTION", 6, 16, 60, auditActionCell), table.TextColumn("USER", 8, 20, 55, auditUserCell),
		table.TextColumn("RESULT", 6, 7, 70, auditResultCell), table.TextColumn("CLIENT", 12, 15, 30, auditClientCell),
		table.FlexColumn("DETAIL", 6, 80, auditDetailCell)},
	TabFlows: {table.TimeColumn(), table.HostColumn(), table.TextColumn("KIND", 7, 7, 40, func(e *model.Entry) string { return e.Kind.String() }),
		table.TextColumn("TYPE", 7, 8, 45, flowTypeCell), table.TextColumn("PROTO", 4, 5, 35, protoCell),
		table.TextColumn("SRC", 16, 28, 70, srcCell), table.TextColumn("DST", 18, 30, 70, dstCell),
		table.NumColumn("TX", 30, flowBytesCell(model.KeyTxBytes, model.KeyBytesTx)),
		table.NumColumn("RX", 29, flowBytesCell(model.KeyRxBytes, model.KeyBytesRx)),
		table.NumColumn("DUR", 25, cell.Duration(model.KeySessDuration)), table.FlexColumn("RESOURCE", 8, 20, flowResourceCell)},
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
// denial reason, the setting change or the message; for a Linux record,
// also its program, object, terminal and key.
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
	if linuxAudit(e) {
		linuxAuditDetail(e, add)
	}
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
