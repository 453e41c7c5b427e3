package detail

import (
	"cmp"
	"strings"

	"charm.land/lipgloss/v2"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/cell"
	"connlog/ui/theme"
)

// analyticsCard is a connection event as a structured card, location decoded.
func (c *card) analyticsCard(e *model.Entry) {
	none := lipgloss.Style{}
	c.header("CONNECTION "+strings.ToUpper(theme.Clean(cell.Event(e))), e)
	c.kvMarked("event", c.field(model.KeyEventType), none)
	c.kvMarked("error", c.field(model.KeyErrorMessage), c.st.ErrorText)
	c.kvMarked("conn", c.field(model.KeyConnID), none)
	c.kvMarked("user", c.named(model.KeyUserEmail, model.KeyUserID), none)
	c.kvMarked("device", c.field(model.KeyDeviceID), none)
	c.kvMarked("ip", c.field(model.KeyClientIP), none)
	c.kvMarked("location", c.locationText(), none)
	c.kvMarked("resource", c.field(model.KeyResourceAddr), none)
	c.kvMarked("  rule", c.field(model.KeyAppliedRule), none)
	c.kvMarked("  "+model.KeyResourceID, c.field(model.KeyResourceID), none)
	c.kvMarked("  target", theme.JoinMarked(" ", theme.HostPort(c.field(model.KeyResourceIP), c.field(model.KeyResourcePort)),
		c.field(model.KeyProtocol)), none)
	c.kvMarked("tunnel", theme.JoinMarked(" ", c.field(model.KeyTunnelPath), c.field(model.KeyTunnelProto)), none)
	c.kvMarked(model.KeyRelayIP, c.relaysText(), none)
	c.kvMarked("rx", c.human(model.KeyRx), none)
	c.kvMarked("tx", c.human(model.KeyTx), none)
	c.kvMarked("duration", c.human(model.KeyDuration), none)
	c.kvMarked("connector", c.named(model.KeyConnectorName, model.KeyConnectorID), none)
	c.kvMarked("network", c.named(model.KeyNetworkName, model.KeyNetworkID), none)
}

// named is "name (id ID)", either part missing when its field is.
func (c *card) named(nameKey, idKey string) theme.Marked {
	id := c.field(idKey)
	if id.Text != "" {
		id = theme.Plain("(id ").Plus(id).Plus(theme.Plain(")"))
	}
	return theme.JoinMarked(" ", c.field(nameKey), id)
}

// locationText is "Seattle, WA, US (47.6062, -122.3321)".
func (c *card) locationText() theme.Marked {
	place := theme.JoinMarked(", ", c.field(model.KeyCity), c.field(model.KeyRegion), c.field(model.KeyCountry))
	lat, lon := c.field(model.KeyLat), c.field(model.KeyLon)
	if lat.Text != "" || lon.Text != "" {
		coords := theme.Plain("(").Plus(lat).Plus(theme.Plain(", ")).Plus(lon).Plus(theme.Plain(")"))
		place = theme.JoinMarked(" ", place, coords)
	}
	return place
}

// relaysText lists the relays as ip:port (name).
func (c *card) relaysText() theme.Marked {
	ips, ports, names := c.fieldsOf(model.KeyRelayIP), c.fieldsOf(model.KeyRelayPort), c.fieldsOf(model.KeyRelayName)
	var out []theme.Marked
	for i, ip := range ips {
		r := ip
		if i < len(ports) {
			r = theme.HostPort(ip, ports[i])
		}
		if i < len(names) && names[i].Text != "" {
			r = r.Plus(theme.Plain(" (")).Plus(names[i]).Plus(theme.Plain(")"))
		}
		out = append(out, r)
	}
	return theme.JoinMarked("; ", out...)
}

// fieldsOf is every value of key in the entry, in order, with its marks.
func (c *card) fieldsOf(key string) []theme.Marked {
	var out []theme.Marked
	for i := range c.e.Fields {
		if c.e.Fields[i].Key == key {
			out = append(out, c.fieldAt(i))
		}
	}
	return out
}

// human is the value of key with its human form, and its marks.
func (c *card) human(key string) theme.Marked {
	for i, f := range c.e.Fields {
		if f.Key == key {
			return c.humanAt(i)
		}
	}
	return theme.Marked{}
}

// humanAt is field i's value with its human form (humanValue), and its
// marks: the value comes first.
func (c *card) humanAt(i int) theme.Marked {
	v := c.fieldAt(i)
	v.Text = humanValue(c.e.Fields[i])
	return v
}

// auditCard shows every field, the access decision emphasised and the
// stacktrace as a block.
func (c *card) auditCard(e *model.Entry) {
	f := e.Fields
	c.header("AUDIT RECORD · "+theme.Clean(cmp.Or(f.Value(model.KeyLogType), f.Value(model.KeyAuditType))), e)
	// The labels are query names: granted:false finds the denials.
	switch f.Value(model.KeyAccessGranted) {
	case "true":
		c.kvMarked("granted", c.field(model.KeyAccessGranted).Plus(theme.Plain(" (access GRANTED)")), c.st.Granted)
	case "false":
		c.kvMarked("granted", c.field(model.KeyAccessGranted).Plus(theme.Plain(" (access DENIED)")), c.st.Denied)
		c.kvMarked("reason", c.field(model.KeyDeniedReason), c.st.ErrorText)
	}
	for i, fl := range f {
		switch fl.Key {
		case model.KeyAccessGranted, model.KeyDeniedReason, model.KeyStacktrace:
			continue
		}
		c.kvMarked(query.FieldName(fl.Key), c.humanAt(i), lipgloss.Style{})
	}
	if st := f.Value(model.KeyStacktrace); st != "" {
		c.section("STACKTRACE")
		c.block(st)
	}
}

// serviceCard shows a service line and its journald fields.
func (c *card) serviceCard(e *model.Entry) {
	f := e.Fields
	none := lipgloss.Style{}
	c.header("SERVICE", e)
	c.kvMarked("level", c.level(), none)
	c.kvMarked("module", c.field(model.KeyModule), none)
	c.kvMarked("library", c.field(model.KeyLibrary), none)
	c.kvMarked("function", c.field(model.KeyFunction), none)
	c.kvMarked("message", c.message(), none)
	for i, fl := range f {
		switch fl.Key {
		case model.KeyModule, model.KeyLibrary, model.KeyFunction, model.KeyMessage:
			continue
		}
		c.kvMarked(query.FieldName(fl.Key), c.fieldAt(i), none)
	}
}

// fieldsCard shows a record's fields in order, for flows, sessions, JSON,
// text, gaps and boundaries.
func (c *card) fieldsCard(e *model.Entry) {
	none := lipgloss.Style{}
	c.header(strings.ToUpper(e.Kind.String()), e)
	if e.Level != model.LevelNone {
		c.kvMarked("level", c.level(), none)
	}
	if e.Kind == model.KindText {
		c.textMessage(e)
	}
	for i, fl := range e.Fields {
		if e.Kind == model.KindText && fl.Key == model.KeyMessage {
			continue
		}
		c.kvMarked(query.FieldName(fl.Key), c.humanAt(i), none)
	}
}

// textMessage shows a text line's message; one of spaces only, or an
// empty one, is named, dim, rather than drawn as nothing.
func (c *card) textMessage(e *model.Entry) {
	if note := theme.BlankNote(e, e.Message()); note != "" {
		c.kvStyled("message", note, c.st.Dim)
		return
	}
	c.kvMarked("message", c.message(), lipgloss.Style{})
}

// level is the entry's level, marked when a level term matched it.
func (c *card) level() theme.Marked {
	return theme.AttrText(c.e.Level.String(), query.AttrLevel, c.marks)
}

// message is the entry's message (model.Entry.Message), with the marks of
// its field when it is one.
func (c *card) message() theme.Marked {
	if m := c.field(model.KeyMessage); m.Text != "" {
		return m
	}
	return theme.Plain(c.e.Message())
}

// byteKeys and durationKeys are numeric fields worth showing in human
// units beside their exact value.
var (
	byteKeys = map[string]bool{model.KeyRx: true, model.KeyTx: true, model.KeyTxBytes: true, model.KeyRxBytes: true,
		model.KeyBytesTx: true, model.KeyBytesRx: true}
	durationKeys = map[string]bool{model.KeyDuration: true, model.KeySessDuration: true}
)

// humanValue is a field's value with its human form: "62345 ms (1m02s)".
func humanValue(f model.Field) string {
	switch {
	case !f.IsNum:
		return f.Value
	case byteKeys[f.Key]:
		return f.Value + " (" + model.HumanBytes(f.Num) + ")"
	case durationKeys[f.Key]:
		return f.Value + " ms (" + model.HumanDuration(f.Num) + ")"
	}
	return f.Value
}
