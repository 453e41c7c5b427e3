package theme

import "testing"

func TestKeyLabelsAndHints(t *testing.T) {
	cases := []struct{ name, got, want string }{
		{"arrows as arrows", KeysLabel([]string{"k", "up"}), "k/↑"},
		{"one key", KeysLabel([]string{"enter"}), "enter"},
		{"hint drops the bar prefix", Hint(Bind("apply", "enter"), Bind("bar: older query", "up")), "enter apply · ↑ older query"},
		{"keys of several", KeysOf(Bind("help", "?"), Bind("close", "esc")), "?/esc"},
		{"key of one", KeyOf(Bind("columns left", "left", "h")), "←/h"},
		{"commas", Commas(-1234567), "-1,234,567"},
		{"one thing", Plural(1, "line"), "1 line"},
		{"many things", Plural(1200, "line"), "1,200 lines"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q; want %q", c.got, c.want)
			}
		})
	}
}
