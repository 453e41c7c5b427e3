package theme

import (
	"strings"

	"connlog/model"
	"connlog/model/query"
)

// Marked is text with the byte ranges of it to mark: the parts of field
// values that made the query's field terms match (query.FieldMarks), kept
// with the text as it is joined into a line, cleaned and fitted, so that
// what is marked is the value that matched and never the same letters
// elsewhere on the line.
type Marked struct {
	Text  string
	Spans [][2]int // sorted, within Text
}

// FieldAt is the value of e's field i with its marks.
func FieldAt(e *model.Entry, marks []query.FieldMark, i int) Marked {
	m := Marked{Text: e.Fields[i].Value}
	for _, fm := range marks {
		if fm.Field == i {
			m.Spans = append(m.Spans, [2]int{fm.Start, fm.End})
		}
	}
	return m
}

// FieldOf is the first value of key in e (model.Fields.Value), with its
// marks.
func FieldOf(e *model.Entry, marks []query.FieldMark, key string) Marked {
	for i := range e.Fields {
		if e.Fields[i].Key == key {
			return FieldAt(e, marks, i)
		}
	}
	return Marked{}
}

// FirstField is the first non-empty value of keys in e, with its marks:
// the first key's, else the next one's.
func FirstField(e *model.Entry, marks []query.FieldMark, keys ...string) Marked {
	for _, k := range keys {
		if m := FieldOf(e, marks, k); m.Text != "" {
			return m
		}
	}
	return Marked{}
}

// AttrText is v, a value of the entry itself (its host, unit, ident or
// level) shown as it is, with the marks of a term that matched it; a unit
// matched without its ".service" is marked without it.
func AttrText(v string, a query.Attr, marks []query.FieldMark) Marked {
	m := Marked{Text: v}
	for _, fm := range marks {
		if fm.Field < 0 && fm.Attr == a && v != "" && (fm.Value == v || v == fm.Value+".service") {
			m.Spans = append(m.Spans, [2]int{fm.Start, fm.End})
		}
	}
	return m
}

// Plain is text with nothing to mark.
func Plain(s string) Marked { return Marked{Text: s} }

// Plus returns m followed by more text of its own marks.
func (m Marked) Plus(more Marked) Marked {
	out := Marked{Text: m.Text + more.Text, Spans: append([][2]int(nil), m.Spans...)}
	for _, sp := range more.Spans {
		out.Spans = append(out.Spans, [2]int{sp[0] + len(m.Text), sp[1] + len(m.Text)})
	}
	return out
}

// HostPort joins a host and its port as model.HostPort does, keeping
// their marks: [fd00::10]:443.
func HostPort(host, port Marked) Marked {
	if port.Text == "" {
		return host
	}
	open, end := model.HostBrackets(host.Text)
	return Plain(open).Plus(host).Plus(Plain(end + ":")).Plus(port)
}

// JoinMarked joins the non-empty parts with sep, keeping their marks.
func JoinMarked(sep string, parts ...Marked) Marked {
	var out Marked
	for _, p := range parts {
		if p.Text == "" {
			continue
		}
		if out.Text != "" {
			out = out.Plus(Plain(sep))
		}
		out = out.Plus(p)
	}
	return out
}

// Clean is m made inert for the terminal (see Clean), its marks moved to
// where their text is in the result. A mark whose place cannot be told
// (the cleaning of its start differs alone and in the whole) is dropped:
// better unmarked than marked at the wrong place.
func (m Marked) Clean() Marked {
	out := Marked{Text: Clean(m.Text)}
	at := func(i int) (int, bool) {
		head := Clean(m.Text[:i])
		return len(head), strings.HasPrefix(out.Text, head)
	}
	for _, sp := range m.Spans {
		a, okA := at(sp[0])
		b, okB := at(sp[1])
		if okA && okB && b > a {
			out.Spans = append(out.Spans, [2]int{a, b})
		}
	}
	return out
}

// Slice is the text m.Text[from:to] with the marks in it.
func (m Marked) Slice(from, to int) Marked {
	return Marked{Text: m.Text[from:to], Spans: spansWithin(m.Spans, from, to)}
}

// Fit is Fit for marked text: the marks in the part kept stay, cut where
// the text is.
func (m Marked) Fit(w int) Marked {
	out := Marked{Text: Fit(m.Text, w)}
	kept := len(m.Text)
	if w <= 0 {
		kept = 0
	} else if CellWidth(m.Text) > w {
		kept = len(truncate(m.Text, w, "…")) - len("…")
	}
	out.Spans = spansWithin(m.Spans, 0, max(kept, 0))
	return out
}

// FitRight is FitRight for marked text, for numbers.
func (m Marked) FitRight(w int) Marked {
	if w <= 0 || CellWidth(m.Text) > w {
		return m.Fit(w)
	}
	return Plain(strings.Repeat(" ", w-CellWidth(m.Text))).Plus(m)
}
