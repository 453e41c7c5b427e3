package export

import (
	"strings"

	"connlog/model/query"
)

// maxWordAddrs bounds the addresses of a query's words that are followed
// through an export; past it, the rest are replaced and the query is not
// said to be exact.
const maxWordAddrs = 16

// A bare word or a phrase of a query searches the raw line, and an address
// in a raw line is replaced only where the record read it as personal (a
// client's, not a resource's): so whether the manifest's query selects in
// the redacted raw.log the records it selected depends on the records.
// wordAddrs follows, through the export, the addresses in the query's
// words, and decides each one when the manifest is written, after the
// last record:
//
//   - kept as typed when raw.log still holds it wherever the source did:
//     it is then no one's personal data, nor news to a reader of raw.log;
//   - otherwise its pseudonym, exact only when raw.log holds the pseudonym
//     in exactly the records that held the address (the address was
//     personal wherever it was written); else the manifest says that the
//     query selects other entries.
//
// An address inside a longer word or a phrase ("from 10.0.0.5") is
// decided as the address alone.
type wordAddrs struct {
	r     *Redactor
	addrs []*wordAddrSeen
}

// wordAddrSeen is what the records did with one address of the query.
type wordAddrSeen struct {
	addr       string
	pseudo     string
	find       query.Finder // as the query finds the word: smart case
	kept       bool         // some redacted record holds it
	keepLoses  bool         // a record held it and its redacted form does not
	pseudoMiss bool         // a record held it and its redacted form has no pseudonym, or the reverse
}

// newWordAddrs lists the addresses in the words and phrases of q; a
// query without one has no need of a list (nil).
func newWordAddrs(r *Redactor, q string) *wordAddrs {
	w := &wordAddrs{r: r}
	redactQueryWords(r, q, func(addr string) (string, bool) {
		if len(w.addrs) < maxWordAddrs && w.seen(addr) == nil {
			w.addrs = append(w.addrs, &wordAddrSeen{addr: addr, pseudo: r.pseudonym(classIP, addr), find: query.NewFinder(addr)})
		}
		return addr, true
	})
	if len(w.addrs) == 0 {
		return nil
	}
	return w
}

func (w *wordAddrs) seen(addr string) *wordAddrSeen {
	for _, a := range w.addrs {
		if a.addr == addr {
			return a
		}
	}
	return nil
}

// observe notes what redaction did with each address in one record's raw
// line: orig as read, red as written.
func (w *wordAddrs) observe(orig, red string) {
	for _, a := range w.addrs {
		before, after := a.holds(orig), a.holds(red)
		a.kept = a.kept || after
		a.keepLoses = a.keepLoses || before != after
		a.pseudoMiss = a.pseudoMiss || before != strings.Contains(red, a.pseudo)
	}
}

func (a *wordAddrSeen) holds(s string) bool {
	from, _ := a.find.Index(s)
	return from >= 0
}

// word decides addr (see wordAddrs).
func (w *wordAddrs) word(addr string) (string, bool) {
	a := w.seen(addr)
	switch {
	case a == nil:
		return w.r.pseudonym(classIP, addr), false
	case a.kept && !a.keepLoses:
		return addr, true
	}
	return a.pseudo, !a.pseudoMiss
}
