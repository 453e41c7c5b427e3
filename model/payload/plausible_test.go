package payload

import (
	"testing"
	"time"
)

// plainPlausible is plausibleTime as the rule says it, reading the clock
// and working out the year every time.
func plainPlausible(t time.Time) bool {
	return t.Year() >= minPlausibleYear && !t.After(time.Now().Add(maxFutureSkew))
}

// TestPlausibleTimeIsTheRule holds the shortcuts of plausibleTime to the
// rule: around the first plausible year in zones a day apart, around the
// limit a year ahead (asked before and after the limit was last read),
// and far from both.
func TestPlausibleTimeIsTheRule(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("+14", 14*3600), time.FixedZone("-12", -12*3600),
		time.FixedZone("+23:59", 23*3600+59*60), time.FixedZone("-23:59", -(23*3600 + 59*60))}
	first := time.Date(minPlausibleYear, time.January, 1, 0, 0, 0, 0, time.UTC)
	var times []time.Time
	for d := -3 * 24 * time.Hour; d <= 3*24*time.Hour; d += 30 * time.Minute {
		times = append(times, first.Add(d), first.Add(d-time.Nanosecond))
	}
	limit := time.Now().Add(maxFutureSkew)
	for d := -3 * time.Second; d <= 5*time.Second; d += 250 * time.Millisecond {
		times = append(times, limit.Add(d), limit.Add(d+time.Nanosecond))
	}
	times = append(times, time.Time{}, time.Unix(0, 0), time.Now(), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-50, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, forget := range []bool{true, false} {
		for _, base := range times {
			for _, z := range zones {
				if forget {
					aheadLimit.Store(0)
				}
				tz := base.In(z)
				// Within a second of the limit the answer depends on the
				// moment the clock is read: the rule's and the function's
				// read it apart.
				if edge := time.Now().Add(maxFutureSkew); tz.After(edge.Add(-time.Second)) && tz.Before(edge.Add(time.Second)) {
					continue
				}
				if got, want := plausibleTime(tz), plainPlausible(tz); got != want {
					t.Fatalf("plausibleTime(%v) = %v, the rule says %v", tz, got, want)
				}
			}
		}
	}
}
