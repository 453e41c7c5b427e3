package detail

import (
	"cmp"
	"strings"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/cell"
	"connlog/ui/theme"
)

// analyticsCard is a connection event as a structured card, location decoded.
func (c *card) analyticsCard(e *model.Entry) {
	f := e.Fields
	c.header("CONNECTION "+strings.ToUpper(theme.Clean(cell.Event(e))), e)
	c.kv("event", f.Value(model.KeyEventType))
	if msg := f.Value(model.KeyErrorMessage); msg != "" {
		c.kvStyled("error", theme.Clean(msg), c.st.ErrorText)
	}
	c.kv("conn", f.Value(model.KeyConnID))
	c.kv("user", joinNonEmpty(" ", f.Value(model.KeyUserEmail), paren("id "+f.Value(model.KeyUserID), f.Value(model.KeyUserID))))
	c.kv("device", f.Value(model.KeyDeviceID))
	c.kv("ip", f.Value(model.KeyClientIP))
	c.kv("location", locationText(f))
	c.kv("resource", f.Value(model.KeyResourceAddr))
	c.kv("  rule", f.Value(model.KeyAppliedRule))
	c.kv("  "+model.KeyResourceID, f.Value(model.KeyResourceID))
	c.kv("  target", joinNonEmpty(" ", joinNonEmpty(":", f.Value(model.KeyResourceIP), f.Value(model.KeyResourcePort)), f.Value(model.KeyProtocol)))
	c.kv("tunnel", joinNonEmpty(" ", f.Value(model.KeyTunnelPath), f.Value(model.KeyTunnelProto)))
	c.kv(model.KeyRelayIP, relaysText(f))
	c.kv("rx", humanOf(f, model.KeyRx))
	c.kv("tx", humanOf(f, model.KeyTx))
	c.kv("duration", humanOf(f, model.KeyDuration))
	c.kv("connector", joinNonEmpty(" ", f.Value(model.KeyConnectorName), paren("id "+f.Value(model.KeyConnectorID), f.Value(model.KeyConnectorID))))
	c.kv("network", joinNonEmpty(" ", f.Value(model.KeyNetworkName), paren("id "+f.Value(model.KeyNetworkID), f.Value(model.KeyNetworkID))))
}

// locationText is "Seattle, WA, US (47.6062, -122.3321)".
func locationText(f model.Fields) string {
	place := joinNonEmpty(", ", f.Value(model.KeyCity), f.Value(model.KeyRegion), f.Value(model.KeyCountry))
	lat, lon := f.Value(model.KeyLat), f.Value(model.KeyLon)
	if lat != "" || lon != "" {
		place = joinNonEmpty(" ", place, "("+lat+", "+lon+")")
	}
	return place
}

// relaysText lists the relays as ip:port (name).
func relaysText(f model.Fields) string {
	ips, ports, names := f.All(model.KeyRelayIP), f.All(model.KeyRelayPort), f.All(model.KeyRelayName)
	var out []string
	for i, ip := range ips {
		r := ip
		if i < len(ports) {
			r += ":" + ports[i]
		}
		if i < len(names) && names[i] != "" {
			r += " (" + names[i] + ")"
		}
		out = append(out, r)
	}
	return strings.Join(out, "; ")
}

// auditCard shows every field, the access decision emphasised and the
// stacktrace as a block.
func (c *card) auditCard(e *model.Entry) {
	f := e.Fields
	c.header("AUDIT RECORD · "+theme.Clean(cmp.Or(f.Value(model.KeyLogType), f.Value(model.KeyAuditType))), e)
	// The labels are query names: granted:false finds the denials.
	switch f.Value(model.KeyAccessGranted) {
	case "true":
		c.kvStyled("granted", "true (access GRANTED)", c.st.Granted)
	case "false":
		c.kvStyled("granted", "false (access DENIED)", c.st.Denied)
		if r := f.Value(model.KeyDeniedReason); r != "" {
			c.kvStyled("reason", theme.Clean(r), c.st.ErrorText)
		}
	}
	for _, fl := range f {
		switch fl.Key {
		case model.KeyAccessGranted, model.KeyDeniedReason, model.KeyStacktrace:
			continue
		}
		c.kv(query.FieldName(fl.Key), humanValue(fl))
	}
	if st := f.Value(model.KeyStacktrace); st != "" {
		c.section("STACKTRACE")
		c.block(st)
	}
}

// serviceCard shows a service line and its journald fields.
func (c *card) serviceCard(e *model.Entry) {
	f := e.Fields
	c.header("SERVICE", e)
	c.kv("level", e.Level.String())
	c.kv("module", f.Value(model.KeyModule))
	c.kv("library", f.Value(model.KeyLibrary))
	c.kv("function", f.Value(model.KeyFunction))
	c.kv("message", e.Message())
	for _, fl := range f {
		switch fl.Key {
		case model.KeyModule, model.KeyLibrary, model.KeyFunction, model.KeyMessage:
			continue
		}
		c.kv(query.FieldName(fl.Key), fl.Value)
	}
}

// fieldsCard shows a record's fields in order, for flows, sessions, JSON,
// text, gaps and boundaries.
func (c *card) fieldsCard(e *model.Entry) {
	c.header(strings.ToUpper(e.Kind.String()), e)
	if e.Level != model.LevelNone {
		c.kv("level", e.Level.String())
	}
	if e.Kind == model.KindText {
		c.kv("message", e.Message())
	}
	for _, fl := range e.Fields {
		if e.Kind == model.KindText && fl.Key == model.KeyMessage {
			continue
		}
		c.kv(query.FieldName(fl.Key), humanValue(fl))
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// paren returns "(s)" when cond is set, "" otherwise.
func paren(s, cond string) string {
	if cond == "" {
		return ""
	}
	return "(" + s + ")"
}

// byteKeys and durationKeys are numeric fields worth showing in human
// units beside their exact value.
var (
	byteKeys = map[string]bool{model.KeyRx: true, model.KeyTx: true, model.KeyTxBytes: true, model.KeyRxBytes: true,
		model.KeyBytesTx: true, model.KeyBytesRx: true}
	durationKeys = map[string]bool{model.KeyDuration: true, model.KeySessDuration: true}
)

// humanOf is the value of key in f with its human form, or "".
func humanOf(f model.Fields, key string) string {
	fl, ok := f.Get(key)
	if !ok {
		return ""
	}
	return humanValue(fl)
}

// humanValue is a field's value with its human form: "62345 ms (1m02s)".
func humanValue(f model.Field) string {
	switch {
	case !f.IsNum:
		return f.Value
	case byteKeys[f.Key]:
		return f.Value + " (" + model.HumanBytes(f.Num) + ")"
	case durationKeys[f.Key] && f.Num >= 0:
		return f.Value + " ms (" + model.HumanDuration(f.Num) + ")"
	}
	return f.Value
}
