package query

import (
	"strings"
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

// Each field term and each text term is found with the bytes it is
// written with, so that it can be read, or compiled, alone.
func TestTermSpans(t *testing.T) {
	q := `(name:"/home/a b" or -carol) "x y" /ro+t/i .k=v`
	values, err := FieldValues(q)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, v := range values {
		fields = append(fields, q[v.From:v.End])
	}
	texts, err := TextTerms(q)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, w := range texts {
		words = append(words, q[w.Pos:w.End]+"|"+w.Text)
	}
	if got, want := strings.Join(fields, " "), `name:"/home/a b" .k=v`; got != want {
		t.Errorf("field terms %q, want %q", got, want)
	}
	if got, want := strings.Join(words, " "), `carol|carol "x y"|x y /ro+t/i|ro+t`; got != want {
		t.Errorf("text terms %q, want %q", got, want)
	}
	if texts[2].Regex != true || texts[0].Regex {
		t.Errorf("regex flags %+v", texts)
	}
}
