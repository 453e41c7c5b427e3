package decode

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"connlog/model"
	"connlog/model/payload"
)

// TestOpeningsGiveWhatReadingGives decodes service lines whose openings
// repeat, mixed with lines that share most of an opening but not all of it,
// lines that go on right after one in every way (a colon, a bracket,
// colours, nothing), lines without a function and openings too long to
// remember, and holds every entry's level and fields to what
// payload.ServiceIndex reads in the line itself, and its template to what
// ServiceTemplate makes of the line, whatever digits the lines that share
// its opening and shape had.
func TestOpeningsGiveWhatReadingGives(t *testing.T) {
	openers := []string{
		"[DEBUG] [libsdwan] [quic] quic_session::on_ack: ",
		"[DEBUG] [libsdwan] [quic] quic_session::on_acl: ",
		"[DEBUG] [libsdwan] [quic] quic_session::on_ack:",
		"[INFO] [libsdwan] [quic] quic_session::on_ack: ",
		"[DEBUG] [libsdwan] listen::maintain_relay_connectivity: ",
		"[WARN] [connector] run_state_machine: ",
		"[INFO] [connector] processing ",
		"[INFO] [connector] processing",
		"[ERROR] operator(): ",
		"[DEBUG] [libsdwan] State: ",
		"[TRACE] [a] [b] [c] " + strings.Repeat("very_long_name", 7) + ": ",
		"[DEBUG] [libsdwan]\x1b[1m f: ",
	}
	rests := []string{"conn=eb37963fc742ab4f-1 acked=12", ":", " [x]: y", "a::b: c", "\x1b[31mred\x1b[0m", "", "  spaced", "{\"a\":1}",
		"'quoted' 5", "\"x 7\" y", "12ms\r", "\r\r", "@host 10.0.0.1:443 \x1b[1mbold\x1b[0m 3", "on eth1 id007 0x1f", "serial u1234567 v2", "id007 0x1f"}
	r := rand.New(rand.NewPCG(7, 11))
	var lines []string
	for range 4000 {
		line := []byte(openers[r.IntN(len(openers))] + rests[r.IntN(len(rests))])
		for i, c := range line {
			if c >= '0' && c <= '9' && r.IntN(2) == 0 { // lines of one shape, their digits apart
				line[i] = byte('0' + r.IntN(10))
			}
		}
		lines = append(lines, string(line))
	}
	recs := lineRecords(lines...)
	d, es := decodeWith(Options{IndexService: true, Templates: true}, recs)
	if len(es) != len(lines) {
		t.Fatalf("%d entries, want %d", len(es), len(lines))
	}
	for i := range es {
		res, fs, _, ok := payload.ServiceIndex([]byte(lines[i]), nil, nil)
		e := &es[i]
		if !ok {
			if e.Kind == model.KindService && len(e.Fields) > 0 && e.Fields[0].Key == model.KeyModule {
				t.Fatalf("line %q: not a service line to ServiceIndex, decoded with %v", lines[i], e.Fields)
			}
			continue
		}
		if e.Kind != model.KindService || e.Level != res.Level || !slices.Equal(e.Fields, fs) {
			t.Fatalf("line %q: %v %v %v, ServiceIndex reads %v %v", lines[i], e.Kind, e.Level, e.Fields, res.Level, fs)
		}
		if want := string(ServiceTemplate(nil, []byte(lines[i]))); e.Template != want {
			t.Fatalf("line %q: template %q, ServiceTemplate makes %q", lines[i], e.Template, want)
		}
	}
	remembered := 0
	for _, sl := range d.index.opens.slots {
		if sl.n > 0 {
			remembered++
		}
	}
	if remembered < 5 {
		t.Fatalf("%d openings remembered: the test does not test them", remembered)
	}
}

// TestOpeningIsComparedWhole: a remembered opening answers for a line
// that begins with all of it, whatever follows, and for no line that
// differs from it in any of its bytes or is shorter than it: the slot a
// line is looked up in is all a hash says.
func TestOpeningIsComparedWhole(t *testing.T) {
	for _, line := range []string{
		"[DEBUG] [libsdwan] [quic] quic_session::on_ack: conn=eb37963fc742ab4f-1",
		"[INFO] [connector] processing \"health\" request",
		"[ERROR] operator(): failed",
	} {
		var o openings
		shared := model.Fields{{Key: model.KeyModule, Value: "m"}}
		o.remember([]byte(line), model.LevelInfo, shared)
		n := payload.ServiceReach([]byte(line))
		if n == 0 {
			t.Fatalf("%q: no opening to remember", line)
		}
		sl := &o.slots[openingSlot([]byte(line))]
		if !sl.opens([]byte(line[:n]+"anything")) || !sl.opens([]byte(line)) {
			t.Fatalf("%q: the opening %q does not answer for lines that begin with it", line, line[:n])
		}
		if sl.opens([]byte(line[:n-1])) {
			t.Fatalf("%q: the opening answers for a line shorter than it", line)
		}
		for k := range n {
			other := []byte(line)
			other[k] ^= 0x20
			if sl.opens(other) {
				t.Fatalf("%q: the opening answers for %q, which differs at byte %d of its %d", line, other, k, n)
			}
		}
	}
}

// An idle decoder lets go of its openings, as of its other tables, and
// remembers them again from the next lines: each line still gets its own
// level and fields.
func TestOpeningsGoWhenIdleAndComeBack(t *testing.T) {
	lines := []string{
		"[DEBUG] [libsdwan] [quic] quic_session::on_ack: a=1",
		"[INFO] [libsdwan] [dns] dns_cache::lookup: b hit",
	}
	d := New(1, Options{IndexService: true})
	decode := func(n int) {
		for i := range n {
			line := lines[i%len(lines)]
			recs := lineRecords(line)
			es := d.Decode(&recs[0], nil)
			res, fs, _, _ := payload.ServiceIndex([]byte(line), nil, nil)
			if len(es) != 1 || es[0].Level != res.Level || !slices.Equal(es[0].Fields, fs) {
				t.Fatalf("line %q: %+v, ServiceIndex reads %v %v", line, es, res.Level, fs)
			}
		}
	}
	decode(20)
	if d.index.opens == nil {
		t.Fatal("no openings remembered: the test does not test them")
	}
	d.Idle()
	if d.index.opens != nil {
		t.Fatal("an idle decoder keeps its openings")
	}
	decode(20)
	if d.index.opens == nil {
		t.Fatal("the openings are not remembered again after an idle")
	}
}
