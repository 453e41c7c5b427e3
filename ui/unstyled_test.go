package ui

import (
	"reflect"

	"charm.land/lipgloss/v2"

	"connlog/ui/helpscreen"
	"connlog/ui/theme"
)

// unstyled returns the styles without colours or attributes, borders and
// padding kept: frames drawn with them hold no escape sequence of their
// own, so any escape in them came from log content. It is the screen a
// terminal without styling gets, and what the tests of inert text and the
// frame benchmark draw with.
func unstyled(s theme.Styles) theme.Styles {
	v := reflect.ValueOf(&s).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.Array:
			for j := range f.Len() {
				f.Index(j).Set(reflect.ValueOf(plainStyle(f.Index(j).Interface().(lipgloss.Style))))
			}
		default:
			f.Set(reflect.ValueOf(plainStyle(f.Interface().(lipgloss.Style))))
		}
	}
	return s
}

func plainStyle(st lipgloss.Style) lipgloss.Style {
	return st.UnsetForeground().UnsetBackground().UnsetBold().UnsetItalic().UnsetUnderline().
		UnsetStrikethrough().UnsetReverse().UnsetBlink().UnsetFaint().UnsetBorderForeground().UnsetBorderBackground()
}

// withStyles gives a model other styles, everywhere they are drawn.
func withStyles(m Model, s theme.Styles) Model {
	*m.styles = s
	m.help = helpscreen.New(m.keys, m.styles)
	m.table.StylesChanged()
	m.layout()
	return m
}
