package decode

import (
	"reflect"
	"testing"
	"unsafe"

	"connlog/model"
)

// TestIndexServiceKeepsIndexedFields: decoding with IndexService gives the
// entries of an ordinary decode, for every fixture, except that service
// lines lack their message field; a store fed those entries gives back,
// on a full load, exactly the fields an ordinary decode gives.
func TestIndexServiceKeepsIndexedFields(t *testing.T) {
	if compareFixtures(t, Options{IndexService: true}, checkIndexed) == 0 {
		t.Fatal("no fixture entry was decoded with its indexed fields only: the comparison proved nothing")
	}
}

// checkIndexed compares a decode with IndexService with an ordinary one,
// and returns how many service entries lacked their message.
func checkIndexed(t *testing.T, got, want []model.Entry) (trimmed int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range got {
		w := want[i]
		if w.Kind == model.KindService && got[i].Fields.Value(model.KeyMessage) == "" && w.Fields.Value(model.KeyMessage) != "" {
			trimmed++
			w.Fields = withoutMessage(w.Fields)
		}
		if !reflect.DeepEqual(got[i], w) {
			t.Fatalf("entry %d differs:\n got %+v\nwant %+v", i, got[i], w)
		}
	}
	checkStoredFull(t, got, want)
	return trimmed
}

// withoutMessage returns fs without its message field.
func withoutMessage(fs model.Fields) model.Fields {
	out := model.Fields{}
	for _, f := range fs {
		if f.Key != model.KeyMessage {
			out = append(out, f)
		}
	}
	return out
}

// checkStoredFull stores es and fails unless a full load of each gives
// the fields of want, the ordinary decode.
func checkStoredFull(t *testing.T, es, want []model.Entry) {
	t.Helper()
	s := model.NewStore(model.StoreOptions{Reparse: Reparse})
	s.Append(es)
	sn := s.Snapshot()
	var e model.Entry
	for i := range want {
		if err := sn.Load(es[i].Seq, &e, model.LoadFull); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e.Fields, want[i].Fields) && !(len(e.Fields) == 0 && len(want[i].Fields) == 0) {
			t.Fatalf("entry %d: a full load gives %v, want %v", i, e.Fields, want[i].Fields)
		}
	}
}

// TestIndexAnalyticsDecodesWhole: decoding with IndexAnalytics gives exactly
// the entries of an ordinary decode, for every fixture, with values of the
// analytics events over their lines' own bytes.
func TestIndexAnalyticsDecodesWhole(t *testing.T) {
	aliased := compareFixtures(t, Options{IndexAnalytics: true}, func(t *testing.T, got, want []model.Entry) (aliased int) {
		if len(got) != len(want) {
			t.Fatalf("%d entries, want %d", len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("entry %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
			}
			if got[i].Kind == model.KindAnalytics && valuesOverRaw(&got[i]) {
				aliased++
			}
		}
		return aliased
	})
	if aliased == 0 {
		t.Fatal("no analytics event was decoded over its line's bytes: the comparison proved nothing")
	}
}

// valuesOverRaw reports whether some field value of e lies in e's raw bytes.
func valuesOverRaw(e *model.Entry) bool {
	for _, f := range e.Fields {
		if within(unsafe.Slice(unsafe.StringData(f.Value), len(f.Value)), e.Raw) && f.Value != "" {
			return true
		}
	}
	return false
}
