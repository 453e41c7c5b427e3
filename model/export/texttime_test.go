package export

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// textStamp is the time column of the text export of one entry at t.
func textStamp(t *testing.T, at time.Time, loc *time.Location) string {
	t.Helper()
	e := onHost(0, "gw-fra-1")
	e.Time = at
	stamp, _, _ := strings.Cut(string(encode(t, []*model.Entry{e}, Options{Format: FormatText, Location: loc})), " ")
	return stamp
}

// A local zone that is UTC all year (TZ=UTC, Etc/UTC, a server without a
// zone) writes its times as UTC is written, with Z, as --utc, ndjson and
// CSV write them: "+00:00" there said a zone the times are not in. A zone
// whose offset only passes through zero (London in winter) keeps the
// numeric offset, so that its lines stay aligned across the year.
func TestTextTimesOfAZoneThatIsUTCAllYearEndInZ(t *testing.T) {
	winter := time.Date(2026, 2, 10, 8, 0, 0, 300e6, time.UTC)
	etc, err := time.LoadLocation("Etc/UTC")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	for _, c := range []struct {
		name string
		loc  *time.Location
		want string
	}{
		{"utc", time.UTC, "2026-02-10T08:00:00.300Z"},
		{"nil", nil, "2026-02-10T08:00:00.300Z"},
		{"TZ=UTC", time.FixedZone("UTC", 0), "2026-02-10T08:00:00.300Z"},
		{"Etc/UTC", etc, "2026-02-10T08:00:00.300Z"},
		{"London", london, "2026-02-10T08:00:00.300+00:00"},
		{"Berlin", time.FixedZone("CET", 3600), "2026-02-10T09:00:00.300+01:00"},
	} {
		if got := textStamp(t, winter, c.loc); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
