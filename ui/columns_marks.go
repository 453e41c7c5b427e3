package ui

import (
	"strings"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// The cells below know where each field's value is in their text, so that
// a field term's match is marked there and nowhere else (country:DE marks
// the country in "10.0.0.5 (DE)", not a DE in the address).
type markedCell = func(e *model.Entry, marks []query.FieldMark) theme.Marked

// firstOf is the first non-empty value of keys.
func firstOf(keys ...string) markedCell {
	return func(e *model.Entry, marks []query.FieldMark) theme.Marked {
		return theme.FirstField(e, marks, keys...)
	}
}

// shownAs is a value shown in another form (1.2MB for 1234567, closed
// for closed_connection), marked whole when a term matched the field it
// shows: the first of keys that the entry has, as the cell reads it.
func shownAs(text func(e *model.Entry) string, keys ...string) markedCell {
	return func(e *model.Entry, marks []query.FieldMark) theme.Marked {
		m := theme.Plain(text(e))
		for _, k := range keys {
			if _, ok := e.Fields.Get(k); ok {
				if len(theme.FieldOf(e, marks, k).Spans) > 0 && m.Text != "" {
					m.Spans = [][2]int{{0, len(m.Text)}}
				}
				break
			}
		}
		return m
	}
}

// resourceCell is the resource's address (or IP) and its port.
func resourceCell(e *model.Entry, marks []query.FieldMark) theme.Marked {
	return theme.HostPort(theme.FirstField(e, marks, model.KeyResourceAddr, model.KeyResourceIP),
		theme.FieldOf(e, marks, model.KeyResourcePort))
}

// clientCell is the client's IP and its country.
func clientCell(e *model.Entry, marks []query.FieldMark) theme.Marked {
	ip := theme.FieldOf(e, marks, model.KeyClientIP)
	if c := theme.FieldOf(e, marks, model.KeyCountry); c.Text != "" {
		return ip.Plus(theme.Plain(" (")).Plus(c).Plus(theme.Plain(")"))
	}
	return ip
}

// messageCell puts the function before the message unless the message
// already starts with it.
func messageCell(e *model.Entry, marks []query.FieldMark) theme.Marked {
	msg := theme.FieldOf(e, marks, model.KeyMessage)
	if msg.Text == "" {
		msg = theme.Plain(e.Message())
	}
	if fn := theme.FieldOf(e, marks, model.KeyFunction); fn.Text != "" && !strings.HasPrefix(msg.Text, fn.Text) {
		return fn.Plus(theme.Plain(": ")).Plus(msg)
	}
	return msg
}

// dstCell is a flow's destination after an arrow.
func dstCell(e *model.Entry, marks []query.FieldMark) theme.Marked {
	if d := theme.FirstField(e, marks, model.KeyDst, model.KeyDestAddr); d.Text != "" {
		return theme.Plain("→ ").Plus(d)
	}
	return theme.Marked{}
}
