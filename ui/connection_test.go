package ui

import (
	"slices"
	"strings"
	"testing"

	"connlog/model"
)

// TestConnectionFilterBounds checks c on a log where other connections
// share the resource IP:port and an id with the same prefix: the id counts
// as a whole token anywhere, the IP:port only inside the connection's span
// with connLeadIn before its establishment.
func TestConnectionFilterBounds(t *testing.T) {
	const id = "e755ba99988db558-24"
	svc := func(ms int, fn, msg string) model.Entry {
		return service(ms, model.LevelDebug, "libsdwan", fn, msg)
	}
	es := []model.Entry{
		svc(5000, "listen", "relay 10.0.0.5:443 connected"),                            // 1: another connection, 5 s before
		svc(9958, "tcp_proxy::on_connect", "conn="+id+" to 10.0.0.5:443"),              // 2: 42 ms before established
		analytics(10000, model.EventEstablished, id, "alice@example.com", "", 0, 0, 0), // 3
		svc(10500, "tcp_proxy::on_connect", "conn="+id+"5 to 10.0.0.9:22"),             // 4: another id, same prefix
		svc(11000, "listen", "relay 10.0.0.5:4430 up"),                                 // 5: another port
		svc(12000, "listen", "relay 10.0.0.5:443 is not available"),                    // 6: inside the span
		analytics(20000, model.EventClosed, id, "alice@example.com", "", 1, 2, 10000),  // 7
		svc(30000, "listen", "relay 10.0.0.5:443 again"),                               // 8: after the close
		svc(40000, "tcp_proxy::on_close", "conn="+id+" closed"),                        // 9: names the id
	}
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, 120, 40)
	m = drive(t, m, keys("g", "j", "j", "c")...)
	if m.filter.text == "" {
		t.Fatalf("c on row 3 gave no filter (notice %q)", m.notice)
	}
	if got, want := viewSeqs(m), []int64{2, 3, 6, 7, 9}; !slices.Equal(got, want) {
		t.Errorf("connection view = %v; want %v\nfilter %s", got, want, m.filter.text)
	}
}

// TestConnectionFilterYieldsToATypedOne: the connection's span is looked
// up off the interface's goroutine (the first lookup builds the store's
// connection index); a filter set meanwhile is kept, not replaced by the
// connection's when its answer comes, and of two c pressed before an answer
// the second wins.
func TestConnectionFilterYieldsToATypedOne(t *testing.T) {
	const a, b = "e755ba99988db558-24", "0b5f7c1e2a4d4f6e-3"
	es := []model.Entry{
		analytics(10000, model.EventEstablished, a, "alice@example.com", "", 0, 0, 0),
		analytics(11000, model.EventEstablished, b, "bob@example.com", "", 0, 0, 0),
	}
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 40), keys("g")...)
	asked, cmd := m.Update(keys("c")[0])
	if cmd == nil {
		t.Fatal("c asked for no connection span")
	}
	answer := callCmd(t, cmd)
	typed, _ := asked.(Model).setFilterText("level>=warn")
	if got := drive(t, typed.(Model), answer); got.filter.text != "level>=warn" {
		t.Errorf("the filter typed while the span was looked up became %q", got.filter.text)
	}
	got := drive(t, asked.(Model), answer)
	if !strings.Contains(got.filter.text, a) {
		t.Errorf("with nothing typed meanwhile, the filter is %q; want the connection's", got.filter.text)
	}
	moved := drive(t, asked.(Model), keys("j")...)
	second, cmd := moved.Update(keys("c")[0])
	later := callCmd(t, cmd)
	if got := drive(t, second.(Model), answer, later); !strings.Contains(got.filter.text, b) {
		t.Errorf("after c on two rows, the filter is %q; want the second's", got.filter.text)
	}
}
