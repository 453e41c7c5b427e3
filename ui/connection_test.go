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
	// A service line that names the id goes to the same connection, its
	// resource's lines included, as its events do; one naming another id
	// to that one, which has no event here; one naming none says so.
	for _, c := range []struct {
		row  int
		want []int64
	}{{9, []int64{2, 3, 6, 7, 9}}, {4, []int64{4}}} {
		m := drive(t, newTestModel(t, st, 120, 40), keys("g")...)
		for range c.row - 1 {
			m = drive(t, m, keys("j")...)
		}
		m = drive(t, m, keys("c")...)
		if got := viewSeqs(m); !slices.Equal(got, c.want) {
			t.Errorf("c on row %d: view %v; want %v\nfilter %s (notice %q)", c.row, got, c.want, m.filter.text, m.notice)
		}
	}
	m = drive(t, newTestModel(t, st, 120, 40), keys("g", "c")...)
	if m.filter.text != "" || m.notice != "this row is not part of a connection" {
		t.Errorf("c on a line naming no connection: filter %q, notice %q", m.filter.text, m.notice)
	}
}

// TestNamedConnID: the id a service line names, in any key=value word or
// alone; nothing that merely looks like one.
func TestNamedConnID(t *testing.T) {
	for text, want := range map[string]string{
		"tunnel::on_data: conn=2ad8d54a58d092c2-1 rx=210 tx=899": "2ad8d54a58d092c2-1",
		"flow_table::erase: conn=0a771b97084fa68c-32 reason=fin": "0a771b97084fa68c-32",
		"closing 2ad8d54a58d092c2-17, idle":                      "2ad8d54a58d092c2-17",
		"conn=2AD8D54A58D092C2-1 upper case":                     "",
		"conn=2ad8d54a58d092c-1 fifteen digits":                  "",
		"conn=2ad8d54a58d092c2- no number":                       "",
		"conn=2ad8d54a58d092c2-1x trailing":                      "",
		"relay 34.107.201.19:30014 rtt=72ms":                     "",
	} {
		if got := namedConnID(text); got != want {
			t.Errorf("namedConnID(%q) = %q; want %q", text, got, want)
		}
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

// TestATimeIsNeverCut: a row whose time carries its date (the first row,
// the first after midnight) shows it whole where that costs no column (the
// All tab at 80 columns, the Connections tab at 120); at 80 columns the
// Connections tab, which would lose its duration to it, shows the time of
// day whole, never a date with the seconds cut off.
func TestATimeIsNeverCut(t *testing.T) {
	const day = 24 * 3600 * 1000
	st, _ := newFixtureStore(t, []model.Entry{
		analytics(1000, model.EventEstablished, "e755ba99988db558-24", "alice@example.com", "", 0, 0, 0),
		analytics(day, model.EventClosed, "e755ba99988db558-24", "alice@example.com", "", 234867, 23363, 3034753),
	})
	for _, c := range []struct {
		tab    string
		width  int
		layout string
	}{
		{"1", 80, "01-02 15:04:05.000"},
		{"2", 120, "01-02 15:04:05.000"},
		{"2", 80, "15:04:05.000"},
	} {
		m := drive(t, newTestModel(t, st, c.width, 24), keys(c.tab)...)
		s := screen(m)
		for _, ms := range []int{1000, day} {
			if want := at(ms).In(m.loc()).Format(c.layout); !strings.Contains(s, want) {
				t.Errorf("tab %s at %d columns: the time %q is not shown whole:\n%s", c.tab, c.width, want, s)
			}
		}
		if c.tab == "2" && !strings.Contains(s, "DUR") {
			t.Errorf("tab 2 at %d columns lost the duration:\n%s", c.width, s)
		}
	}
}

// TestConnectionFilterIPv6Resource checks c on a connection to an IPv6
// resource: its service lines write the address in brackets before the
// port ([fd00::5]:443), and c finds them so within the span.
func TestConnectionFilterIPv6Resource(t *testing.T) {
	const id = "b7c1d00d5e5e0a11-3"
	svc := func(ms int, msg string) model.Entry {
		return service(ms, model.LevelDebug, "libsdwan", "tcp_proxy::on_connect", msg)
	}
	open := analytics(10000, model.EventEstablished, id, "alice@example.com", "", 0, 0, 0)
	closed := analytics(20000, model.EventClosed, id, "alice@example.com", "", 1, 2, 10000)
	for _, e := range []*model.Entry{&open, &closed} {
		for i := range e.Fields {
			if e.Fields[i].Key == model.KeyResourceIP {
				e.Fields[i] = model.Str(model.KeyResourceIP, "fd00::5")
			}
		}
	}
	es := []model.Entry{
		svc(9000, "connected to [fd00::5]:443 in 41ms"), // 1: inside the lead-in
		open,                                   // 2
		svc(12000, "relay [fd00::5]:4430 up"),  // 3: another port
		svc(15000, "peer [fd00::5]:443 slow"),  // 4: inside the span
		closed,                                 // 5
		svc(30000, "peer [fd00::5]:443 again"), // 6: after the close
	}
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 40), keys("g", "j", "c")...)
	if got, want := viewSeqs(m), []int64{1, 2, 4, 5}; !slices.Equal(got, want) {
		t.Errorf("connection view = %v; want %v\nfilter %s (notice %q)", got, want, m.filter.text, m.notice)
	}
}
