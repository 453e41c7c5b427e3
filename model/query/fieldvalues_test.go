package query

import (
	"testing"

	"connlog/model"
)

func TestFieldValues(t *testing.T) {
	q := `user="a b" -ip:10.* since:08:00 level>=warn .device.id=7 word`
	got, err := FieldValues(q)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text    string
		key     string // the first key, "" for none
		pattern bool
	}{{`"a b"`, model.KeyUserEmail, false}, {"10.*", model.KeyClientIP, true}, {"08:00", "", false},
		{"warn", "", true}, {"7", model.KeyDeviceID, false}}
	if len(got) != len(want) {
		t.Fatalf("got %d values, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		key := ""
		if len(g.Keys) > 0 {
			key = g.Keys[0]
		}
		if q[g.Pos:g.End] != w.text || key != w.key || g.Pattern != w.pattern {
			t.Errorf("value %d = %q key %q pattern %v, want %q key %q pattern %v", i, q[g.Pos:g.End], key, g.Pattern, w.text, w.key, w.pattern)
		}
	}
	if _, err := FieldValues("usr=alice"); err == nil {
		t.Error("an unknown field is no error")
	}
}
