package model

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// templated builds the entries of TestTemplatesKeptApartFromFields: service
// lines of a few templates, with and without a journal cursor, events
// whose fields are stored split around a shared set, and lines without a
// template.
func templated(n int) []Entry {
	es := make([]Entry, 0, n)
	for i := range n {
		var e Entry
		switch i % 4 {
		case 0, 1:
			e = Entry{Time: t0.Add(time.Duration(i) * time.Millisecond), Kind: KindService, Level: LevelDebug,
				Raw: []byte(fmt.Sprint("[DEBUG] [m] line ", i)), Origin: Origin{Offset: -1},
				Fields:   Fields{Str(KeyModule, "m"), Str(KeyFunction, fmt.Sprint("f", i%3))},
				Template: fmt.Sprint("[m] line <num> ", i%5)}
			if i%4 == 1 {
				e.Origin.Journal = &JournalFields{Cursor: fmt.Sprint("s=1;i=", i)}
			}
		case 2:
			e = event(i)
			e.Template = fmt.Sprint("event ", i%3)
		default:
			e = event(i)
		}
		es = append(es, e)
	}
	return es
}

// TestTemplatesKeptApartFromFields: a line's template comes back with every
// load, from a set shared whole, from one split around a shared template,
// beside a cursor, appended or prepended, restricted to no field or to
// all, and never among the fields; and lines of one template share a set.
func TestTemplatesKeptApartFromFields(t *testing.T) {
	es := templated(4000)
	s := NewStore(StoreOptions{})
	s.Prepend(slices.Clone(es[:1000]))
	s.Append(slices.Clone(es[1000:]))
	sn := s.Snapshot()
	if sn.Len() != len(es) {
		t.Fatalf("%d entries held, want %d", sn.Len(), len(es))
	}
	i := 0
	for seq := sn.First(); seq < sn.End(); seq++ {
		if !sn.Has(seq) {
			continue // 0, between the prepended entries and the appended
		}
		want := es[i]
		i++
		for _, keys := range [][]string{nil, {}, {KeyModule}} {
			e := Entry{Seq: seq}
			sn.LoadMany([]*Entry{&e}, LoadIndex, keys, nil)
			if e.Template != want.Template {
				t.Fatalf("entry %d (keys %v): template %q, want %q", seq, keys, e.Template, want.Template)
			}
			for _, f := range e.Fields {
				if f.Key == keyTemplate || f.Value == want.Template && want.Template != "" {
					t.Fatalf("entry %d: the template is among the fields %v", seq, e.Fields)
				}
			}
			if keys == nil && !reflect.DeepEqual(e.Fields, want.Fields) {
				t.Fatalf("entry %d: fields %v, want %v", seq, e.Fields, want.Fields)
			}
		}
	}
	// The service lines of one template and function share their set.
	sets := map[uint32]bool{}
	for seq := sn.First(); seq < sn.End(); seq++ {
		if e := (Entry{}); sn.Has(seq) && sn.Load(seq, &e, LoadIndex) == nil && e.Kind == KindService && e.Origin.Journal == nil {
			sets[sn.row(seq).attrs] = true
		}
	}
	if len(sets) > 2*5*3 { // appended and prepended, 5 templates, 3 functions
		t.Errorf("the service lines without a cursor have %d sets", len(sets))
	}
}
