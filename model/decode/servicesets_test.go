package decode

import (
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"connlog/model"
)

// TestIndexServiceSharesPairs: with IndexService, the lines that name a
// module and function met before share one slice of fields from the
// second of them on, whose values are copies that outlive the lines'
// bytes and whose capacity is its length; a pair named once is given no
// slice of its own, and every line's fields are its own module and
// function.
func TestIndexServiceSharesPairs(t *testing.T) {
	pairs := [][2]string{{"libsdwan/quic", "quic_session::send_ping"}, {"connector", "operator()"}, {"libsdwan/relay", "relay_client::keepalive"}}
	// A pair that takes the slot of another between two of its lines
	// leaves it a line later without its slice (see serviceSets), and the
	// hashes' seed is the process's: every pair is named apart from the
	// slots of the pairs named before it, whatever the seed.
	slotOf := func(p [2]string) uint64 {
		return pairHash(model.Fields{model.Str(model.KeyModule, p[0]), model.Str(model.KeyFunction, p[1])}) & (serviceSetSlots - 1)
	}
	taken := map[uint64]bool{}
	for i, p := range pairs {
		for k := 0; taken[slotOf(pairs[i])]; k++ {
			pairs[i][1] = p[1] + "_" + strconv.Itoa(k)
		}
		taken[slotOf(pairs[i])] = true
	}
	want := func(i int) [2]string {
		p := pairs[i%len(pairs)]
		if i%5 == 0 { // named once
			p[1] = "once_" + strconv.Itoa(i) + "::run"
			for k := 0; taken[slotOf(p)]; k++ {
				p[1] = "once_" + strconv.Itoa(i) + "_" + strconv.Itoa(k) + "::run"
			}
		}
		return p
	}
	var lines []string
	for i := 0; i < 600; i++ {
		p := want(i)
		lines = append(lines, "[DEBUG] ["+strings.ReplaceAll(p[0], "/", "] [")+"] "+p[1]+": n="+strconv.Itoa(i))
	}
	recs := lineRecords(lines...)
	d, es := decodeWith(Options{IndexService: true}, recs)
	if len(es) != len(lines) {
		t.Fatalf("%d entries, want %d", len(es), len(lines))
	}
	check := func(i int, e *model.Entry) {
		p := want(i)
		if m, f := e.Fields.Value(model.KeyModule), e.Fields.Value(model.KeyFunction); m != p[0] || f != p[1] || len(e.Fields) != 2 {
			t.Fatalf("line %d: fields %+v, want module %q and function %q", i, e.Fields, p[0], p[1])
		}
	}
	for i := range es {
		check(i, &es[i])
	}
	// The lines' bytes are written over, as a reused read block is.
	for i := range recs {
		for j := range recs[i].Raw {
			recs[i].Raw[j] = 'x'
		}
	}
	slices := map[string]map[*model.Field]int{}
	for i, e := range es {
		if i%5 == 0 || i < 2*len(pairs) {
			continue // its fields are over its bytes, as before
		}
		check(i, &e)
		p := want(i)
		if cap(e.Fields) != len(e.Fields) {
			t.Fatalf("line %d: a shared slice has room to append to (cap %d)", i, cap(e.Fields))
		}
		key := p[0] + " " + p[1]
		if slices[key] == nil {
			slices[key] = map[*model.Field]int{}
		}
		slices[key][unsafe.SliceData(e.Fields)]++
	}
	for key, s := range slices {
		if len(s) != 1 {
			t.Errorf("the lines of %s have %d slices of fields after their first two, want one", key, len(s))
		}
	}
	sets := 0
	for _, sl := range d.index.sets.slots {
		if sl.set != nil {
			sets++
		}
	}
	if sets != len(pairs) {
		t.Errorf("%d shared pairs, want %d: pairs named once share nothing", sets, len(pairs))
	}
}

// BenchmarkServiceSets finds the shared pairs of a connector's service
// lines, as a load does for each of them.
func BenchmarkServiceSets(b *testing.B) {
	pairs := []model.Fields{
		{{Key: model.KeyModule, Value: "libsdwan/quic"}, {Key: model.KeyFunction, Value: "quic_session::send_ping"}},
		{{Key: model.KeyModule, Value: "connector"}, {Key: model.KeyFunction, Value: "operator()"}},
		{{Key: model.KeyModule, Value: "libsdwan/relay"}, {Key: model.KeyFunction, Value: "relay_client::keepalive"}},
		{{Key: model.KeyModule, Value: "libsdwan"}},
	}
	var c serviceSets
	for i := 0; i < 2; i++ {
		for _, fs := range pairs {
			c.shared(fs)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := c.shared(pairs[i%len(pairs)]); !ok {
			b.Fatal("a pair met before has no shared slice")
		}
	}
}
