package ui

import (
	"strings"

	"connlog/model"
	"connlog/model/export"
	"connlog/ui/cell"
	"connlog/ui/table"
)

// tabColumns are the columns of each tab, in display order. A column that
// shows field values marks those that the filter's and the search's field
// terms matched (table.Column.WithMarks).
var tabColumns = [tabCount][]table.Column{
	TabAll: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("KIND", 4, 9, 50, func(e *model.Entry) string { return e.Kind.String() }),
		table.FlexColumn("SUMMARY", 10, 80, summaryCell).WithHead(summaryHead).NamingBlankLines()},
	// At 80 columns an on-call engineer needs first when, what happened
	// (the event and its error), who and to what, then how much and how
	// long; the level (INF or WRN here, the event says more), the client
	// address, the protocol and the tunnel path come by scrolling right.
	TabConnections: {table.TimeColumn(), table.LevelColumn(45), table.HostColumn(),
		table.TextColumn("EVENT", 11, 11, 95, nil).WithMarks(shownAs(cell.Event, model.KeyEventType)), table.TextColumn("USER", 10, 28, 85, nil).WithMarks(firstOf(model.KeyUserEmail, model.KeyUserID)),
		table.TextColumn("RESOURCE", 12, 32, 80, nil).WithMarks(resourceCell), table.TextColumn("PROTO", 5, 5, 20, nil).WithMarks(firstOf(model.KeyProtocol)),
		table.TextColumn("CLIENT", 12, 22, 40, nil).WithMarks(clientCell), table.TextColumn("PATH", 4, 6, 10, nil).WithMarks(firstOf(model.KeyTunnelPath)),
		table.NumColumn("RX", 60, nil).WithMarks(shownAs(cell.Bytes(model.KeyRx), model.KeyRx)),
		table.NumColumn("TX", 59, nil).WithMarks(shownAs(cell.Bytes(model.KeyTx), model.KeyTx)),
		table.NumColumn("DUR", 58, nil).WithMarks(shownAs(cell.Duration(model.KeyDuration), model.KeyDuration)),
		table.FlexColumn("ERROR", 6, 75, nil).WithMarks(firstOf(model.KeyErrorMessage))},
	TabService: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("MODULE", 4, 24, 50, nil).WithMarks(firstOf(model.KeyModule, model.KeyLibrary)),
		table.FlexColumn("MESSAGE", 10, 80, nil).WithMarks(messageCell).NamingBlankLines()},
	TabAudit: {table.TimeColumn(), table.LevelColumn(90), table.HostColumn(), table.TextColumn("TYPE", 3, 11, 50, auditTypeCell),
		table.TextColumn("ACTION", 6, 16, 60, auditActionCell), table.TextColumn("USER", 8, 20, 55, auditUserCell),
		table.TextColumn("RESULT", 6, 7, 70, auditResultCell), table.TextColumn("CLIENT", 12, 15, 30, auditClientCell),
		table.FlexColumn("DETAIL", 6, 80, auditDetailCell)},
	TabFlows: {table.TimeColumn(), table.HostColumn(), table.TextColumn("KIND", 7, 7, 40, func(e *model.Entry) string { return e.Kind.String() }),
		table.TextColumn("TYPE", 7, 8, 45, nil).WithMarks(firstOf(model.KeyTraffic, model.KeyPhase)),
		table.TextColumn("PROTO", 4, 5, 35, nil).WithMarks(firstOf(model.KeyFlowProto, model.KeySessProtocol)),
		table.TextColumn("SRC", 16, 28, 70, nil).WithMarks(firstOf(model.KeySrc, model.KeySourceAddr)),
		table.TextColumn("DST", 18, 30, 70, nil).WithMarks(dstCell),
		table.NumColumn("TX", 30, nil).WithMarks(shownAs(flowBytesCell(model.KeyTxBytes, model.KeyBytesTx), model.KeyTxBytes, model.KeyBytesTx)),
		table.NumColumn("RX", 29, nil).WithMarks(shownAs(flowBytesCell(model.KeyRxBytes, model.KeyBytesRx), model.KeyRxBytes, model.KeyBytesRx)),
		table.NumColumn("DUR", 25, nil).WithMarks(shownAs(cell.Duration(model.KeySessDuration), model.KeySessDuration)),
		table.FlexColumn("RESOURCE", 8, 20, nil).WithMarks(firstOf(model.KeyResourceName, model.KeySiteResource, model.KeyNodeName, model.KeySessUserEmail))},
}

func firstValue(e *model.Entry, keys ...string) string {
	for _, k := range keys {
		if v := e.Fields.Value(k); v != "" {
			return v
		}
	}
	return ""
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

// summaryCell is the summary of the All tab (export.Summary). The summary
// of a text or JSON line is its message, which it shows as it is, not
// cleaned yet: the table cleans it, and marks the stand-in of a control
// character a regular expression matched (/\x1b/), which it can only find
// in the message before it is cleaned.
func summaryCell(e *model.Entry) string {
	s, _ := summaryHead(e, 0)
	return s
}

// summaryHead is the start of summaryCell, about limit bytes of it (all
// of it for 0), and whether that is all of it: a summary is built only as
// far as a row shows it (export.SummaryHead); a message is the line's own
// bytes.
func summaryHead(e *model.Entry, limit int) (string, bool) {
	if e.Kind == model.KindText || e.Kind == model.KindJSON {
		if m := e.Message(); m != "" {
			return m, true
		}
	}
	return export.SummaryHead(e, limit)
}
