package ui

import (
	"math"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"connlog/model"
	"connlog/model/query"
)

// connLeadIn is how long before a connection's established event its own
// service lines may begin. The connector logs tcp_proxy::on_connect when it
// starts connecting to the resource and reports the connection established
// only once that connect has succeeded, so the lead is the connect time to
// the resource: 42 ms on the LAN where it was measured, hundreds of
// milliseconds to a resource across a WAN or behind a slow handshake. One
// second covers those while keeping short the window in which another
// connection to the same IP:port could be taken for this one.
const connLeadIn = time.Second

// connectionFilter shows every entry of the selected connection: its
// events, every line that names its id, and the service lines that name
// its resource IP:port within its own time span.
func (m Model) connectionFilter() (tea.Model, tea.Cmd) {
	return m.connectionFilterOf(m.table.CursorSeq())
}

// connectionFilterOf filters to the connection of the entry seq. The
// connection's span comes from the store's connection index, which the
// first such request builds (a quarter of a second on a 1 GiB file), so it
// is looked up in a command, off the interface's goroutine.
func (m Model) connectionFilterOf(seq int64) (tea.Model, tea.Cmd) {
	e := m.table.Entry(m.store.Snapshot(), seq)
	if e == nil {
		return m, nil
	}
	id := firstValue(e, model.KeyConnID, model.KeySessionID)
	named := id == ""
	if named {
		id = namedConnID(e.Message())
	}
	if id == "" {
		m.rowNote("this row is not part of a connection")
		return m, nil
	}
	m.connGen++
	store, loc, msg := m.store, m.loc(), connectionQueryMsg{gen: m.connGen, over: m.filter.text}
	return m, func() tea.Msg {
		opened, closed, from, to, _ := store.ConnSpan(id) // e is the table cache's, never changed once loaded
		if named {
			// A line naming the id has not the resource its events give.
			e = connectionEvent(store, opened, closed, e)
		}
		msg.query = connectionQuery(e, id, from, to, loc)
		return msg
	}
}

// connectionEvent loads the connection's opening event, else its end, for
// the resource they name; or, with neither in the store, returns e.
func connectionEvent(store *model.Store, opened, closed int64, e *model.Entry) *model.Entry {
	sn := store.Snapshot()
	for _, seq := range []int64{opened, closed} {
		var ev model.Entry
		if seq != 0 && sn.Has(seq) && sn.Load(seq, &ev, model.LoadIndex) == nil {
			return &ev
		}
	}
	return e
}

// connectionQueryMsg is the filter of a connection: the gen-th asked for,
// while the filter was over.
type connectionQueryMsg struct {
	query, over string
	gen         int
}

// onConnectionQuery sets a connection's filter when it is the latest
// asked for and the filter did not change while its span was looked up:
// what the user typed since wins, and so does a later c.
func (m Model) onConnectionQuery(msg connectionQueryMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.connGen || m.filter.text != msg.over {
		return m, nil
	}
	return m.setFilterText(msg.query)
}

// connectionQuery builds the query text for a connection. The id is
// matched as a whole token anywhere (e755-2 is not e755-24); an IP:port is
// shared by every connection to that resource, so it counts only for
// service lines inside this connection's span, from connLeadIn before it
// was established to its end. The client IP alone is left out: it names
// every connection of that client.
func connectionQuery(e *model.Entry, id string, from, to time.Time, loc *time.Location) string {
	terms := []string{query.Term("conn", id), query.Token(id)}
	if clause := resourceClause(e, from, to, loc); clause != "" {
		terms = append(terms, clause)
	}
	return query.Or(terms...)
}

// resourceClause matches service lines that name the resource IP:port (an
// IPv6 address in brackets, as service lines write it) in the connection's
// span; "" when the resource or the span's start is not known, since an
// open-ended window would take in other connections.
func resourceClause(e *model.Entry, from, to time.Time, loc *time.Location) string {
	rip, port := e.Fields.Value(model.KeyResourceIP), e.Fields.Value(model.KeyResourcePort)
	if from.IsZero() && !to.IsZero() {
		from = to.Add(-connDuration(e)) // the establishment was not seen: the close says how long it lasted
	}
	if rip == "" || port == "" || from.IsZero() {
		return ""
	}
	at := func(t time.Time) string { return query.Phrase(t.In(loc).Format("2006-01-02 15:04:05.000")) }
	terms := []string{query.Term("kind", model.KindService.String()), "since:" + at(from.Add(-connLeadIn))}
	if !to.IsZero() {
		terms = append(terms, "until:"+at(to))
	}
	return query.And(append(terms, query.Token(model.HostPort(rip, port)))...)
}

// connDuration is the duration a close event reports, zero when none.
func connDuration(e *model.Entry) time.Duration {
	ms, err := strconv.ParseInt(e.Fields.Value(model.KeyDuration), 10, 64)
	if err != nil || ms < 0 || ms > int64(math.MaxInt64/time.Millisecond) {
		return 0
	}
	return time.Duration(ms) * time.Millisecond
}
