package model

import (
	"strings"
	"testing"
)

// A size that rounds up to a whole unit is written in the next unit, so
// that no size reads "1000KB"; a duration of any size keeps its sign and
// its unit.
func TestHumanFormatsAtTheirEdges(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
	}{
		{"999,999 B moves up to MB", HumanBytes(999999), "1.0MB"},
		{"999.6 B moves up to KB", HumanBytes(999.6), "1.0KB"},
		{"99.96 KB loses its decimal", HumanBytes(99960), "100KB"},
		{"1023.99 KiB moves up to MiB", HumanBytesIEC(1023.99 * 1024), "1.0MiB"},
		{"a negative size keeps its unit", HumanBytes(-1500), "-1.5KB"},
		{"a negative duration in ms", HumanDuration(-30), "-30ms"},
		{"a negative duration in s", HumanDuration(-1000), "-1.0s"},
		{"a negative duration in days", HumanDuration(-52 * 3600e3), "-2d4h"},
		{"1e13 ms, past int64 nanoseconds", HumanDuration(1e13), "115740d"},
		{"int64 max ms", HumanDuration(9223372036854775807), "1.1e+11d"},
		{"beyond float's plain digits", HumanDuration(1e300), "1.2e+292d"},
		{"just under a second", HumanDuration(999.9), "999ms"},
		{"just under a minute", HumanDuration(59999), "59.9s"},
		{"just under 1000 days", HumanDuration(1000*86400e3 - 1), "999d23h"},
		{"1000 days", HumanDuration(1000 * 86400e3), "1000d"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

// TestHumanDurationFitsACell: a positive duration, however large, is
// positive, and fits the 8 characters of the DUR column.
func TestHumanDurationFitsACell(t *testing.T) {
	for _, ms := range []float64{59999, 3599999, 48*3600e3 - 1, 999 * 86400e3, 999999 * 86400e3, 9.3e12, 1e13, 9.2e18, 1.8e19, 1e25, 1e99} {
		got := HumanDuration(ms)
		if strings.HasPrefix(got, "-") || len(got) > 8 {
			t.Errorf("HumanDuration(%g) = %q: negative, or wider than 8", ms, got)
		}
	}
}

func TestFieldHumanForms(t *testing.T) {
	fs := Fields{{Key: "rx", Value: "999999", Num: 999999, IsNum: true}, {Key: "d", Value: "-30", Num: -30, IsNum: true},
		{Key: "t", Value: "n/a"}}
	for _, c := range []struct{ got, want string }{
		{FieldBytes(fs, "rx"), "1.0MB"}, {FieldDuration(fs, "d"), "-30ms"},
		{FieldBytes(fs, "t"), "n/a"}, {FieldDuration(fs, "t"), "n/a"}, {FieldBytes(fs, "missing"), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
