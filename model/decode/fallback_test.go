package decode

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the host has

	"connlog/model"
)

// loadZone loads a zone by name.
func loadZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// utc is an instant of 2026-10-25 in UTC, for the fall-back tests.
func utc(h, m, s int) time.Time { return time.Date(2026, 10, 25, h, m, s, 0, time.UTC) }

// At Europe/Berlin's fall-back (2026-10-25, 03:00 CEST becomes 02:00 CET)
// lines written without a zone run through 02:xx twice: the first pass is
// summer time, and the lines that go back to 02:xx after it are winter
// time, so the lines keep their write order and a since: between the two
// passes selects the second. Syslog's stamp (the envelope's) and a
// program's own stamp (the payload's) are read alike, in full and lean.
func TestFallBackHourReadTwice(t *testing.T) {
	berlin := loadZone(t, "Europe/Berlin")
	want := []time.Time{utc(0, 10, 0) /* 02:10 CEST */, utc(0, 50, 0), utc(1, 5, 0) /* 02:05 CET */, utc(1, 55, 0), utc(2, 1, 0)}
	clocks := []string{"02:10:00", "02:50:00", "02:05:00", "02:55:00", "03:01:00"}
	shapes := map[string]func(clock string) string{
		"syslog":        func(c string) string { return "Oct 25 " + c + " gw twingate-connector[42]: [INFO] [connector] x" },
		"its own stamp": func(c string) string { return "2026-10-25 " + c + " [INFO] [connector] x" },
		"stamped text":  func(c string) string { return "2026-10-25 " + c + " WARN relay lost" },
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			lines := []string{shape("01:59:00")}
			for _, c := range clocks {
				lines = append(lines, shape(c))
			}
			recs := lineRecords(lines...)
			for _, opts := range []Options{
				{Location: berlin, Reference: readTime},
				{Location: berlin, Reference: readTime, LeanService: true, LeanAnalytics: true, LeanText: true},
			} {
				es := decodeAll(opts, recs)
				if len(es) != len(lines) || !es[0].Time.Equal(utc(0, 0, 0).Add(-time.Minute)) {
					t.Fatalf("%d entries, the first at %v", len(es), es[0].Time.UTC())
				}
				for i, w := range want {
					if got := es[i+1].Time; !got.Equal(w) {
						t.Errorf("lean %v: %q at %v, want %v", opts.LeanText, es[i+1].Raw, got.UTC(), w)
					}
				}
				checkAssembled(t, opts, recs)
			}
		})
	}
}

// Which instant time.Date picks for a wall clock read twice depends on the
// zone (Berlin's second, New York's first): the first pass is the earlier
// one in either, the second the later.
func TestFallBackHourInNewYork(t *testing.T) {
	ny := loadZone(t, "America/New_York") // 2026-11-01 02:00 EDT becomes 01:00 EST
	es := decodeAll(Options{Location: ny, Reference: readTime}, lineRecords(
		"Nov  1 01:30:00 gw app: first pass",
		"Nov  1 01:10:00 gw app: second pass",
	))
	first, second := time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC), time.Date(2026, 11, 1, 6, 10, 0, 0, time.UTC)
	if len(es) != 2 || !es[0].Time.Equal(first) || !es[1].Time.Equal(second) {
		t.Fatalf("got %v, want %v then %v", []time.Time{es[0].Time.UTC(), es[1].Time.UTC()}, first, second)
	}
}

// Only a line that goes back by more than writers' jitter, and by no more
// than the clocks went back, starts the second pass; a time with a zone,
// and a line without a time, are never moved; a line without a time takes
// the second pass's time of the line before it.
func TestFallBackHourKeepsWhatIsNotReadTwice(t *testing.T) {
	berlin := loadZone(t, "Europe/Berlin")
	es := decodeAll(Options{Location: berlin, Reference: readTime}, lineRecords(
		"2026-10-25 02:30:30 [INFO] [connector] first pass",
		"2026-10-25 02:30:10 [INFO] [connector] a writer's jitter: still the first pass",
		"2026-10-25T02:00:00+02:00 [INFO] [connector] zoned, before the line above",
		"2026-10-25 02:20:00 [INFO] [connector] second pass",
		"    a line without a time",
		"2026-10-24T23:00:00Z [INFO] [connector] zoned, the day before",
		"2026-10-25 02:40:00 [INFO] [connector] after a zoned line: still the second pass",
	))
	want := []time.Time{utc(0, 30, 30), utc(0, 30, 10), utc(0, 0, 0), utc(1, 20, 0), utc(1, 20, 0), utc(0, 0, 0).Add(-time.Hour), utc(1, 40, 0)}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i, w := range want {
		if !es[i].Time.Equal(w) {
			t.Errorf("%q at %v, want %v", es[i].Raw, es[i].Time.UTC(), w)
		}
	}
	if !es[4].Flags.Has(model.FlagTimeInferred) {
		t.Errorf("%q has a time of its own", es[4].Raw)
	}
}
