package envelope

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestStampCacheSameDayReadsAsParse: stamps of one day at other seconds,
// which the cache reads from its day, read as parseRFC3339 reads them,
// whatever their fraction, zone or clock (valid or not).
func TestStampCacheSameDayReadsAsParse(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := Context{Stamps: &StampCache{}}
	endings := []string{"Z", ".123456789Z", ".5Z", ".000000000+01:00", ".12345678Z", ".1234567890Z", "", ".5", "-08:00", "+0530", ".123456789Z x", ".12345678xZ", "Zz"}
	for range 50000 {
		day := fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(2), 1+r.IntN(3))
		h, m, s := r.IntN(26), r.IntN(61), r.IntN(61)
		st := fmt.Sprintf("%sT%02d:%02d:%02d%s", day, h, m, s, endings[r.IntN(len(endings))])
		checkCachedStamp(t, c, st)
	}
}

// TestDockerTSCachedDecodesAsUncached: a run of `docker logs -t` lines,
// some malformed, decodes through a stamp cache exactly as each line alone
// without one.
func TestDockerTSCachedDecodesAsUncached(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	cached := Context{Location: time.UTC, Stamps: &StampCache{}}
	plain := Context{Location: time.UTC}
	at := time.Date(2026, 2, 10, 23, 59, 0, 0, time.UTC)
	tails := []string{" [INFO] [connector] State: Online", "", " ", "x", "  [DEBUG] two blanks", "\t[INFO] tab"}
	for range 50000 {
		at = at.Add(time.Duration(r.IntN(400)) * time.Millisecond)
		line := []byte(at.Format("2006-01-02T15:04:05.000000000Z") + tails[r.IntN(len(tails))])
		if r.IntN(8) == 0 { // a byte of the stamp changed
			line[r.IntN(31)%len(line)] = "0123456789Z.:-T +a"[r.IntN(18)]
		}
		want, wok := Decode(DockerTS, line, plain)
		got, gok := Decode(DockerTS, line, cached)
		if gok != wok || !sameEnvelope(got, want) {
			t.Fatalf("%q: cached %+v %v, uncached %+v %v", line, got, gok, want, wok)
		}
	}
}

// sameEnvelope compares envelopes field by field, times with ==.
func sameEnvelope(a, b Envelope) bool {
	return string(a.Payload) == string(b.Payload) && a.Time == b.Time && a.Stream == b.Stream &&
		a.Host == b.Host && a.Ident == b.Ident && a.PID == b.PID && a.Level == b.Level &&
		a.Partial == b.Partial && a.Journal == b.Journal && a.Exported == b.Exported
}

// FuzzDockerTSCached: lines decoded one after the other through a stamp
// cache decode as each alone without one, whichever reader of the cache
// (same second, same day, Docker's own stamp) takes them.
func FuzzDockerTSCached(f *testing.F) {
	f.Add([]byte("2026-02-10T08:00:00.002634600Z [INFO] a"), []byte("2026-02-10T08:00:00.102634600Z b"))
	f.Add([]byte("2026-02-10T08:00:00.002634600Z a"), []byte("2026-02-10T09:59:59.5+01:00 b"))
	f.Add([]byte("2026-02-10T08:00:00Z"), []byte("2026-02-10T08:00:01.123456789Zx"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		cached := Context{Location: time.UTC, Stamps: &StampCache{}}
		plain := Context{Location: time.UTC}
		for _, line := range [][]byte{a, b, a} {
			want, wok := Decode(DockerTS, line, plain)
			got, gok := Decode(DockerTS, line, cached)
			if gok != wok || !sameEnvelope(got, want) {
				t.Fatalf("%q: cached %+v %v, uncached %+v %v", line, got, gok, want, wok)
			}
		}
	})
}
