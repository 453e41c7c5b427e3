package model

import (
	"testing"
	"time"
)

func TestHumanFormats(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{HumanBytes(512), "512B"}, {HumanBytes(1500), "1.5KB"}, {HumanBytes(234867), "235KB"}, {HumanBytes(23e6), "23.0MB"},
		{HumanBytesIEC(512 << 20), "512MiB"}, {HumanBytesIEC(1536), "1.5KiB"}, {HumanBytesIEC(1023), "1023B"},
		{HumanBytes(999), "999B"}, {HumanBytes(1000), "1.0KB"}, {HumanBytes(150e3), "150KB"}, {HumanBytes(5e18), "5.0EB"},
		{HumanBytes(2e21), "2000EB"}, {HumanBytesIEC(1024), "1KiB"}, {HumanBytesIEC(1 << 50), "1PiB"},
		{HumanBytesIEC(1.5 * (1 << 40)), "1.5TiB"}, {HumanBytesIEC(100.5 * (1 << 20)), "100MiB"},
		{HumanDuration(850), "850ms"}, {HumanDuration(30124), "30.1s"}, {HumanDuration(3034753), "50m34s"},
		{HumanDuration(3*3600e3 + 2*60e3), "3h02m"}, {HumanDuration(52 * 3600e3), "2d4h"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{15 * time.Minute: "15m", time.Hour: "1h", 90 * time.Minute: "1h30m",
		45 * time.Second: "45s", 61 * time.Second: "1m1s", 1500 * time.Millisecond: "2s"} {
		if got := ShortDuration(d); got != want {
			t.Errorf("ShortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
