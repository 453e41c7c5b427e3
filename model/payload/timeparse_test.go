package payload

import (
	"testing"
	"time"
)

func TestParseISO(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string // RFC 3339 in UTC; "" = must fail
		n    int    // bytes read, when not the whole input
	}{
		{"Z with nanoseconds", "2026-06-02T19:00:05.558444283Z", "2026-06-02T19:00:05.558444283Z", 0},
		{"offset with colon", "2026-01-29T16:17:37+00:00", "2026-01-29T16:17:37Z", 0},
		{"negative offset", "2026-01-29T16:17:37-05:30", "2026-01-29T21:47:37Z", 0},
		{"offset without colon", "2026-01-29T16:17:37+0200", "2026-01-29T14:17:37Z", 0},
		{"offset hours only", "2026-01-29T16:17:37+02", "2026-01-29T14:17:37Z", 0},
		{"no zone is UTC", "2026-03-04T09:27:30", "2026-03-04T09:27:30Z", 0},
		{"space separator, micros", "2026-03-04 09:16:12.550131", "2026-03-04T09:16:12.550131Z", 0},
		{"no seconds", "2026-03-04T09:16Z", "2026-03-04T09:16:00Z", 0},
		{"comma fraction", "2026-03-04T09:16:12,5Z", "2026-03-04T09:16:12.5Z", 0},
		{"more than nine digits", "2026-03-04T09:16:12.1234567891Z", "2026-03-04T09:16:12.123456789Z", 0},
		{"lower-case t and z", "2026-03-04t09:16:12z", "2026-03-04T09:16:12Z", 0},
		{"prefix of a line", "2025-09-23T10:05:32.524Z [warn]: x", "2025-09-23T10:05:32.524Z", 24},
		{"leap year", "2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z", 0},
		{"not a leap year", "2025-02-29T00:00:00Z", "", 0},
		{"month 13", "2026-13-01T00:00:00Z", "", 0},
		{"hour 24", "2026-01-01T24:00:00Z", "", 0},
		{"short", "2026-01-01", "", 0},
		{"slashes", "2026/01/01 10:00:00", "", 0},
		{"letters", "2026-0a-01T00:00:00Z", "", 0},
		{"dot without digits", "2026-01-01T00:00:00.Z", "", 0},
		{"bad offset", "2026-01-01T00:00:00+9x", "", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, n, ok := parseISO(tc.in)
			if tc.want == "" {
				if ok {
					t.Fatalf("parseISO(%q) = %v, want failure", tc.in, got)
				}
				return
			}
			if !ok {
				t.Fatalf("parseISO(%q) failed", tc.in)
			}
			if !got.Equal(rfc(t, tc.want)) || got.Location() != time.UTC {
				t.Errorf("parseISO(%q) = %v, want %s in UTC", tc.in, got, tc.want)
			}
			wantN := tc.n
			if wantN == 0 {
				wantN = len(tc.in)
			}
			if n != wantN {
				t.Errorf("read %d bytes, want %d", n, wantN)
			}
		})
	}
}

func TestEpochByMagnitude(t *testing.T) {
	cases := []struct {
		name string
		in   float64
		want time.Time
	}{
		{"seconds", 1770733300, time.Unix(1770733300, 0)},
		{"fractional seconds", 1780500776.773, time.Unix(1780500776, 773000000)},
		{"milliseconds", 1698356150045, time.UnixMilli(1698356150045)},
		{"microseconds", 1770733301456789, time.UnixMicro(1770733301456789)},
		{"nanoseconds", 1.770733301e18, time.Unix(1770733301, 0)},
		{"zero", 0, time.Unix(0, 0)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := epochByMagnitude(tc.in)
			if !ok || !got.Equal(tc.want) {
				t.Errorf("epochByMagnitude(%v) = %v, %v; want %v", tc.in, got, ok, tc.want.UTC())
			}
		})
	}
	for _, bad := range []float64{1e19, -1e19} {
		if _, ok := epochByMagnitude(bad); ok {
			t.Errorf("epochByMagnitude(%v) accepted an out-of-range value", bad)
		}
	}
}
