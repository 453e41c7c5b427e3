package model

import (
	"testing"
	"time"
)

// A snapshot says whether the entries held came from more than one host:
// an entry without a host (a plain log line) is no second host, and a
// journal entry's host counts as the envelope's does.
func TestSnapshotManyHosts(t *testing.T) {
	at := time.Unix(1, 0)
	onHost := func(host string) Entry {
		return Entry{Time: at, Kind: KindText, Raw: []byte("x"), Origin: Origin{Host: host, Offset: -1}}
	}
	inJournal := func(host string) Entry {
		return Entry{Time: at, Kind: KindText, Raw: []byte("x"), Origin: Origin{Offset: -1, Journal: &JournalFields{Hostname: host}}}
	}
	for _, c := range []struct {
		name string
		es   []Entry
		want bool
	}{
		{"none", nil, false},
		{"one host", []Entry{onHost("gw-1"), onHost("gw-1")}, false},
		{"one host and lines without one", []Entry{onHost(""), onHost("gw-1"), onHost("")}, false},
		{"two hosts", []Entry{onHost("gw-1"), onHost("gw-2")}, true},
		{"two hosts of a journal", []Entry{inJournal("gw-1"), inJournal("gw-2")}, true},
		{"one host, envelope and journal", []Entry{onHost("gw-1"), inJournal("gw-1")}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := NewStore(StoreOptions{})
			for _, e := range c.es {
				s.Append([]Entry{e}) // one batch each: a new host in a later batch counts too
			}
			if got := s.Snapshot().ManyHosts(); got != c.want {
				t.Errorf("ManyHosts %v, want %v", got, c.want)
			}
		})
	}
}
