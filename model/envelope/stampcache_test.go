package envelope

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestStampCacheReadsAsParse: through a cache, every stamp reads exactly as
// parseRFC3339 reads it (compared with ==, location and all), whether it
// shares its second with the stamp before or not.
func TestStampCacheReadsAsParse(t *testing.T) {
	cases := []struct {
		name   string
		stamps []string
	}{
		{"same second", []string{"2026-02-10T08:00:00.002634600Z x", "2026-02-10T08:00:00.9Z", "2026-02-10T08:00:00Z y"}},
		{"next second", []string{"2026-02-10T08:00:00.1Z", "2026-02-10T08:00:01.1Z"}},
		{"zones change under one clock", []string{"2026-02-10T08:00:00+02:00", "2026-02-10T08:00:00.5-05:30", "2026-02-10T08:00:00.5Z"}},
		{"zone-less after a zoned one", []string{"2026-02-10T08:00:00Z", "2026-02-10T08:00:00.5", "2026-02-10T08:00:00.5 x"}},
		{"invalid clock", []string{"2026-02-10T08:00:00Z", "2026-02-10T25:00:00Z", "2026-02-30T08:00:00Z"}},
		{"short", []string{"2026-02-10T08:00:00Z", "2026-02-10T08:00", ""}},
		{"leap day", []string{"2024-02-29T23:59:59.999999999Z", "2024-02-29T23:59:59.000000001+14:00"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Context{Stamps: &StampCache{}}
			for _, s := range tc.stamps {
				checkCachedStamp(t, c, s)
			}
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	c := Context{Stamps: &StampCache{}}
	zones := []string{"Z", "+00:00", "+05:30", "-08:00", ""}
	for range 20000 {
		y, m := 1+r.IntN(9999), 1+r.IntN(12)
		d := 1 + r.IntN(daysIn(time.Month(m), y))
		s := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d.%0*d%s", y, m, d, r.IntN(24), r.IntN(60), r.IntN(60), 1+r.IntN(9), r.IntN(1000), zones[r.IntN(len(zones))])
		checkCachedStamp(t, c, s)
		checkCachedStamp(t, c, s[:19]+".5Z")
	}
}

// checkCachedStamp fails unless the cached reading of s is the parsed one.
func checkCachedStamp(t *testing.T, c Context, s string) {
	t.Helper()
	want, wok := parseRFC3339([]byte(s), time.UTC)
	got, gok := c.utcStamp([]byte(s))
	if gok != wok || got != want {
		t.Fatalf("%q: cached %+v %v, parsed %+v %v", s, got, gok, want, wok)
	}
}

// FuzzStampCache: stamps read one after the other through a cache read
// exactly as they parse alone.
func FuzzStampCache(f *testing.F) {
	f.Add("2026-02-10T08:00:00.002634600Z a", "2026-02-10T08:00:00.5+01:00 b")
	f.Add("2026-02-10T08:00:00Z", "2026-02-10T08:00:00")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := Context{Stamps: &StampCache{}}
		checkCachedStamp(t, c, a)
		checkCachedStamp(t, c, b)
		checkCachedStamp(t, c, a)
	})
}
