package main

import (
	"testing"
)

func TestParseSize(t *testing.T) {
	cases := []struct {
		in      string
		want    limit
		wantErr bool
	}{
		{"1GiB", limit{bytes: 1 << 30}, false},
		{"200MB", limit{bytes: 200e6}, false},
		{"512KiB", limit{bytes: 512 << 10}, false},
		{"1.5GiB", limit{bytes: 3 << 29}, false},
		{"10000lines", limit{lines: 10000}, false},
		{"1line", limit{lines: 1}, false},
		{"4096", limit{bytes: 4096}, false},
		{" 64 MiB ", limit{bytes: 64 << 20}, false},
		{"10mb", limit{bytes: 10e6}, false},
		{"", limit{}, true},
		{"lines", limit{}, true},
		{"-5MB", limit{}, true},
		{"0", limit{}, true},
		{"1.5lines", limit{}, true},
		{"9999999PB", limit{}, true},
		{"NaNGB", limit{}, true},
		{"huge", limit{}, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := parseSize(c.in)
			if (err != nil) != c.wantErr || got != c.want {
				t.Errorf("parseSize(%q) = %+v, %v; want %+v, error %v", c.in, got, err, c.want, c.wantErr)
			}
		})
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"1GiB", "200MB", "10000lines", "12", "1e3KB", "-1", "inf", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := parseSize(s)
		if err != nil {
			return
		}
		if (l.bytes > 0) == (l.lines > 0) || l.bytes < 0 || l.lines < 0 {
			t.Fatalf("parseSize(%q) = %+v: want exactly one positive limit", s, l)
		}
		if l.done(0, 0) {
			t.Fatalf("parseSize(%q) = %+v is done before writing anything", s, l)
		}
	})
}
