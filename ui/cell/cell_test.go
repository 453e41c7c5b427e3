package cell

import (
	"testing"

	"connlog/model"
)

func TestCells(t *testing.T) {
	e := func(fs ...model.Field) *model.Entry { return &model.Entry{Fields: fs} }
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"established", Event(e(model.Str(model.KeyEventType, model.EventEstablished))), "established"},
		{"closed", Event(e(model.Str(model.KeyEventType, model.EventClosed))), "closed"},
		{"an unknown event as it is", Event(e(model.Str(model.KeyEventType, "odd_event"))), "odd_event"},
		{"bytes", Bytes(model.KeyRx)(e(model.Int(model.KeyRx, 234867))), model.HumanBytes(234867)},
		{"bytes not a number", Bytes(model.KeyRx)(e(model.Str(model.KeyRx, "n/a"))), "n/a"},
		{"bytes missing", Bytes(model.KeyRx)(e()), ""},
		{"duration", Duration(model.KeyDuration)(e(model.Int(model.KeyDuration, 3034753))), model.HumanDuration(3034753)},
		{"negative duration with its unit", Duration(model.KeyDuration)(e(model.Int(model.KeyDuration, -5))), "-5ms"},
		{"duration past int64 nanoseconds", Duration(model.KeyDuration)(e(model.Int(model.KeyDuration, 1e13))), "115740d"},
		{"duration not a number", Duration(model.KeyDuration)(e(model.Str(model.KeyDuration, "n/a"))), "n/a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %q; want %q", c.got, c.want)
			}
		})
	}
}
