package model

import (
	"reflect"
	"testing"
	"time"
)

// TestSameOriginComparesEveryField guards sameOrigin, which lists the
// fields of Origin it compares: a field added to Origin must be compared
// there too (or said to change per line), or lines of two origins would
// share the first one's id.
func TestSameOriginComparesEveryField(t *testing.T) {
	if n := reflect.TypeOf(Origin{}).NumField(); n != 10 {
		t.Fatalf("Origin has %d fields, sameOrigin knows 10: compare the new ones in sameOrigin, then update this count", n)
	}
}

// TestOriginTableIDs checks that lines share an origin id exactly when they
// differ only in what changes per line (offset, receive time, journal
// cursors), whether or not the line before had the same origin.
func TestOriginTableIDs(t *testing.T) {
	j := func(host, cursor string) *JournalFields {
		return &JournalFields{Cursor: cursor, Hostname: host, Unit: "twingate-connector.service", Priority: 6}
	}
	base := Origin{Host: "gw1", Ident: "connector", PID: 7, Envelope: "syslog", Offset: 10, Received: time.Unix(1, 0)}
	later := base
	later.Offset, later.Received = 99, time.Unix(2, 0)
	otherPID := base
	otherPID.PID = 8
	otherStream := base
	otherStream.Stream = StreamStderr
	otherInput := base
	otherInput.Input = "b.log"
	jA, jB, jOther := base, base, base
	jA.Journal, jB.Journal, jOther.Journal = j("h1", "s=1"), j("h1", "s=2"), j("h2", "s=1")
	jStamped := jA
	jStamped.Journal = j("h1", "s=3")
	jStamped.Journal.AuditStamp = "1796378400.123:456"

	tab := newOriginTable()
	ids := map[string]uint32{}
	for _, c := range []struct {
		name string
		src  SourceID
		o    Origin
	}{
		{"base", 0, base}, {"later", 0, later}, {"other source", 1, base}, {"later again", 0, later},
		{"other pid", 0, otherPID}, {"other stream", 0, otherStream}, {"journal", 0, jA},
		{"journal, other cursor", 0, jB}, {"journal, audit stamp", 0, jStamped}, {"journal, other host", 0, jOther},
		{"journal again", 0, jA},
		{"base again", 0, base}, {"other input", 0, otherInput},
	} {
		ids[c.name] = tab.id(c.src, &c.o)
	}
	same := [][2]string{{"base", "later"}, {"base", "later again"}, {"base", "base again"},
		{"journal", "journal, other cursor"}, {"journal", "journal, audit stamp"}, {"journal", "journal again"}}
	for _, p := range same {
		if ids[p[0]] != ids[p[1]] {
			t.Errorf("%s and %s: ids %d and %d, want one", p[0], p[1], ids[p[0]], ids[p[1]])
		}
	}
	distinct := []string{"base", "other source", "other pid", "other stream", "other input", "journal", "journal, other host"}
	seen := map[uint32]string{}
	for _, n := range distinct {
		if prev, ok := seen[ids[n]]; ok {
			t.Errorf("%s and %s share id %d", prev, n, ids[n])
		}
		seen[ids[n]] = n
	}
}
