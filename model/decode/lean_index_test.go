package decode

import (
	"reflect"
	"strconv"
	"strings"
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

// TestIndexServiceSharesJoinedModules: the lines of one module of several
// groups share one string for it, however the modules alternate, and a
// module new or gone from the recent ones is still joined right. Each line
// names a function of its own, so that no two share their fields whole
// (see TestIndexServiceSharesPairs).
func TestIndexServiceSharesJoinedModules(t *testing.T) {
	modules := []string{"libsdwan/quic", "libsdwan/relay", "connector/dns/cache"}
	var lines []string
	for i := 0; i < 3000; i++ {
		m := modules[i%len(modules)]
		if i%7 == 0 { // a module seen once, pushing the others out of the recent ones
			m = "libsdwan/once" + string(rune('a'+i%26)) + "x/" + string(rune('a'+i/26%26))
		}
		lines = append(lines, "[DEBUG] ["+strings.ReplaceAll(m, "/", "] [")+"] f::g"+strconv.Itoa(i)+": n="+strconv.Itoa(i))
	}
	es := decodeAll(Options{IndexService: true}, lineRecords(lines...))
	if len(es) != len(lines) {
		t.Fatalf("%d entries, want %d", len(es), len(lines))
	}
	shared := map[string]*byte{}
	for i, e := range es {
		m := e.Fields.Value(model.KeyModule)
		if want := strings.ReplaceAll(strings.SplitN(strings.TrimPrefix(lines[i], "[DEBUG] ["), "] f::", 2)[0], "] [", "/"); m != want {
			t.Fatalf("line %d: module %q, want %q", i, m, want)
		}
		if !strings.HasPrefix(m, "libsdwan/once") {
			if p, ok := shared[m]; ok && p != unsafe.StringData(m) {
				t.Fatalf("line %d: module %q is a string of its own", i, m)
			}
			shared[m] = unsafe.StringData(m)
		}
	}
	if len(shared) != len(modules) {
		t.Fatalf("modules %v, want %v", shared, modules)
	}
}
