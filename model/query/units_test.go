package query

import "testing"

// quantityCases lists values with units and what they read as.
var quantityCases = []struct {
	name  string
	in    string
	class valueClass
	want  float64
	ok    bool
}{
	{"plain", "42", classAny, 42, true},
	{"negative", "-97", classAny, -97, true},
	{"fraction", "1.5", classAny, 1.5, true},
	{"exponent", "1e3", classAny, 1000, true},
	{"bytes", "10B", classSize, 10, true},
	{"kilobytes", "10KB", classSize, 10e3, true},
	{"megabytes", "10MB", classSize, 10e6, true},
	{"gigabytes", "2GB", classSize, 2e9, true},
	{"kibibytes", "1KiB", classSize, 1024, true},
	{"mebibytes", "10MiB", classSize, 10 << 20, true},
	{"gibibytes", "1GiB", classSize, 1 << 30, true},
	{"size ignores case", "10mb", classSize, 10e6, true},
	{"fractional size", "1.5MB", classSize, 1.5e6, true},
	{"plain size is bytes", "512", classSize, 512, true},
	{"unknown size unit", "10XB", classSize, 0, false},
	{"duration on a size", "30s", classSize, 0, false},
	{"seconds", "30s", classDuration, 30e3, true},
	{"milliseconds", "250ms", classDuration, 250, true},
	{"minutes", "5m", classDuration, 300e3, true},
	{"hours", "2h", classDuration, 7200e3, true},
	{"days", "1d", classDuration, 86400e3, true},
	{"fractional seconds", "1.5s", classDuration, 1500, true},
	{"microseconds", "500us", classDuration, 0.5, true},
	{"micro sign", "500µs", classDuration, 0.5, true},
	{"greek mu", "500μs", classDuration, 0.5, true},
	{"nanoseconds", "1000000ns", classDuration, 1, true},
	{"compound", "1h30m", classDuration, 5400e3, true},
	{"negative compound", "-1h30m", classDuration, -5400e3, true},
	{"plain duration is ms", "30124", classDuration, 30124, true},
	{"size on a duration", "1MB", classDuration, 0, false},
	{"any takes sizes", "1KiB", classAny, 1024, true},
	{"any takes durations", "2m", classAny, 120e3, true},
	{"no digits", "MB", classSize, 0, false},
	{"nan", "nan", classAny, 0, false},
	{"inf", "inf", classAny, 0, false},
	{"hex", "0x10", classAny, 0, false},
	{"underscore", "1_000", classAny, 0, false},
	{"overflow", "1e999", classAny, 0, false},
	{"overflow by unit", "9e307GB", classSize, 0, false},
	{"overflow by duration unit", "9e307d", classDuration, 0, false},
	{"dangling exponent", "1e", classAny, 0, false},
	{"two dots", "1.2.3", classAny, 0, false},
	{"empty", "", classAny, 0, false},
	{"trailing number in compound", "1h30", classDuration, 0, false},
}

func TestParseQuantity(t *testing.T) {
	tests := quantityCases
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseQuantity(tt.in, tt.class)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("parseQuantity(%q, %d) = %g, %v; want %g, %v", tt.in, tt.class, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestParseSize: the one size parser of the command line (--max-memory,
// the corpus generator's -size) reads what the query language reads, plus
// a space before the unit.
func TestParseSize(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"512MiB", 512 << 20, true}, {" 64 MiB ", 64 << 20, true}, {"1.5GiB", 3 << 29, true}, {"200MB", 200e6, true},
		{"10mb", 10e6, true}, {"4096", 4096, true}, {"1e3KB", 1e6, true}, {"64\tKiB", 64 << 10, true},
		{"", 0, false}, {"MiB", 0, false}, {"5 5MB", 0, false}, {"1h", 0, false}, {"NaNGB", 0, false},
		{"infGB", 0, false}, {"0x10MB", 0, false}, {"1_000B", 0, false}, {"9999999XB", 0, false}, {"2PB", 2e15, true}, {"1EiB", 1 << 60, true}, {"1e308GB", 0, false},
	} {
		got, ok := ParseSize(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseSize(%q) = %g, %v; want %g, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
