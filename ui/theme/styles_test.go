package theme

import (
	"image/color"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"

	"connlog/model"
)

// hasColour reports whether a style sets a colour: text, background or
// border.
func hasColour(st lipgloss.Style) bool {
	for _, c := range []color.Color{st.GetForeground(), st.GetBackground(), st.GetBorderTopForeground(),
		st.GetBorderTopBackground(), st.GetUnderlineColor()} {
		if _, none := c.(lipgloss.NoColor); c != nil && !none {
			return true
		}
	}
	return false
}

// everyStyle returns every style of s by field name.
func everyStyle(s Styles) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		if f.Kind() == reflect.Array {
			for j := range f.Len() {
				out[name+"["+model.Level(j).String()+"]"] = f.Index(j).Interface().(lipgloss.Style)
			}
			continue
		}
		out[name] = f.Interface().(lipgloss.Style)
	}
	return out
}

// TestMonochromeHasNoColour checks every monochrome style, the help styles
// included, draws without colour, and that the colour styles do use colour
// (so that the check can see it).
func TestMonochromeHasNoColour(t *testing.T) {
	for name, st := range everyStyle(Monochrome()) {
		if hasColour(st) {
			t.Errorf("monochrome %s has a colour", name)
		}
	}
	coloured := 0
	for _, st := range everyStyle(Default()) {
		if hasColour(st) {
			coloured++
		}
	}
	if coloured == 0 {
		t.Fatal("no colour style uses colour: the check cannot see colour")
	}
	h := Monochrome()
	hs := h.HelpModel().Styles
	for name, st := range map[string]lipgloss.Style{"key": hs.ShortKey, "desc": hs.ShortDesc, "separator": hs.ShortSeparator,
		"full key": hs.FullKey, "full desc": hs.FullDesc, "ellipsis": hs.Ellipsis} {
		if hasColour(st) {
			t.Errorf("the help model of the monochrome styles has a colour for its %s", name)
		}
	}
}

// TestNoColorEnvironment checks that NO_COLOR gives the monochrome styles.
func TestNoColorEnvironment(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	for name, st := range everyStyle(Default()) {
		if hasColour(st) {
			t.Errorf("NO_COLOR: %s has a colour", name)
		}
	}
}

// TestLevelOutOfRange checks that an unknown level gets the first style
// instead of a panic.
func TestLevelOutOfRange(t *testing.T) {
	s := Default()
	if got, want := s.Level(model.Level(200)).Render("x"), s.Levels[0].Render("x"); got != want {
		t.Errorf("level 200 = %q; want the first style's %q", got, want)
	}
}
