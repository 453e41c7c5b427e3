package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// TestHintsFollowTheKeyMap rebinds keys and checks that the in-context
// hints show the new keys: they are rendered from the bindings, not typed.
func TestHintsFollowTheKeyMap(t *testing.T) {
	rebind := func(b *key.Binding, k, desc string) { *b = key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	cases := []struct {
		name   string
		change func(k *KeyMap)
		press  []tea.Msg
		want   string
	}{
		{"idle footer", func(k *KeyMap) { rebind(&k.Filter, "F", "filter") }, nil, "F filter"},
		{"filter bar", func(k *KeyMap) { rebind(&k.Bar.Apply, "ctrl+j", "apply") }, keys("/"), "ctrl+j apply"},
		{"pivot menu", func(k *KeyMap) { rebind(&k.Menu.Close, "ctrl+g", "close") }, keys("g", "jjj", "="), "ctrl+g close"},
		{"help screen", func(k *KeyMap) { rebind(&k.Menu.Close, "ctrl+g", "close") }, keys("?"), "?/ctrl+g/q close"},
		{"export dialog", func(k *KeyMap) { rebind(&k.Dialog.Write, "ctrl+w", "write") }, keys("x"), "ctrl+w write"},
		{"detail pane", func(k *KeyMap) { rebind(&k.Pair, "P", "paired event") }, keys("g", "jjj", "enter"), "P paired event"},
		{"search in the bar", func(k *KeyMap) { rebind(&k.NextMatch, "]", "next match") }, keys("/", "ctrl+s", "alice"), "]/N jump"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, _ := newFixtureStore(t, fixtureEntries())
			m := newTestModel(t, st, 120, 30)
			c.change(m.keys)
			m = drive(t, m, c.press...)
			if s := screen(m); !strings.Contains(s, c.want) {
				t.Errorf("the screen does not show %q:\n%s", c.want, s)
			}
		})
	}
}
