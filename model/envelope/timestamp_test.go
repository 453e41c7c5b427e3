package envelope

import (
	"testing"
	"time"
)

func TestParseRFC3339(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		want  string // RFC 3339 of the expected instant; "" = must fail
		n     int
		frac  int
		zulu  bool
		zoned bool
	}{
		{"docker nanoseconds", "2023-09-15T12:03:47.692712516Z rest", "2023-09-15T12:03:47.692712516Z", 30, 9, true, true},
		{"trimmed fraction", "2023-09-15T12:03:47.5Z", "2023-09-15T12:03:47.5Z", 22, 1, true, true},
		{"more than nine digits", "2023-09-15T12:03:47.1234567891Z", "2023-09-15T12:03:47.123456789Z", 31, 10, true, true},
		{"colon offset", "2026-01-29T16:17:37+00:00", "2026-01-29T16:17:37Z", 25, 0, false, true},
		{"compact negative offset", "2026-01-29T16:17:37-0530", "2026-01-29T21:47:37Z", 24, 0, false, true},
		{"no zone is local", "2026-01-29T16:17:37 x", "2026-01-29T14:17:37Z", 19, 0, false, false},
		{"leap day", "2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z", 20, 0, true, true},
		{"not a leap year", "2023-02-29T00:00:00Z", "", 0, 0, false, false},
		{"hour 24", "2023-01-01T24:00:00Z", "", 0, 0, false, false},
		{"second 60", "2023-01-01T23:59:60Z", "", 0, 0, false, false},
		{"space separator", "2023-01-01 00:00:00Z", "", 0, 0, false, false},
		{"short", "2023-01-01T00:00", "", 0, 0, false, false},
		{"dot without digits stops before the dot", "2023-01-01T00:00:00.Z", "2022-12-31T22:00:00Z", 19, 0, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, ok := parseRFC3339([]byte(tc.in), testLoc)
			if ok != (tc.want != "") {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if w := utc(t, tc.want); !st.t.Equal(w) {
				t.Errorf("time = %v, want %v", st.t, w)
			}
			if st.n != tc.n || st.frac != tc.frac || st.zulu != tc.zulu || st.zoned != tc.zoned {
				t.Errorf("n/frac/zulu/zoned = %d/%d/%v/%v, want %d/%d/%v/%v", st.n, st.frac, st.zulu, st.zoned, tc.n, tc.frac, tc.zulu, tc.zoned)
			}
		})
	}
}

func TestInferYear(t *testing.T) {
	ref := time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		mo       time.Month
		d        int
		wantYear int
	}{
		{"same day", time.January, 1, 2027},
		{"within a day ahead (clock skew)", time.January, 2, 2027},
		{"more than a day ahead is last year", time.January, 3, 2026},
		{"December before New Year", time.December, 31, 2026},
		{"February 29 goes back to 2024", time.February, 29, 2024},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := inferYear(tc.mo, tc.d, 11, 0, 0, 0, time.UTC, ref)
			if !ok || got.Year() != tc.wantYear {
				t.Errorf("inferYear = %v, %v; want year %d", got, ok, tc.wantYear)
			}
		})
	}
}
