package synth

import "time"

// Options shape a generator. The zero value is a busy connector at level 7
// starting at DefaultStart with no optional streams.
type Options struct {
	// Start is the time of the first line; zero means DefaultStart, so that
	// a corpus is reproducible without naming a time.
	Start time.Time
	// Rate is the mean number of lines per second (bursts go above it),
	// between 0.001 and 10 million. Zero means DefaultRate.
	Rate float64
	// Location is the host's time zone: newt prints local times. Nil means UTC.
	Location *time.Location
	// Hostname is the host's name, as AQtive Guard records name it.
	Hostname string
	// ConnectorName, ConnectorID, NetworkName and NetworkID identify the
	// connector in its ANALYTICS events.
	ConnectorName, ConnectorID string
	NetworkName, NetworkID     string
	// MaxConnection caps how long a connection stays established, so that
	// every establishment is closed within this time. Zero or less means
	// 2 hours.
	MaxConnection time.Duration
	// RestartEvery is the mean time between connector restarts; zero means
	// 6 hours, a negative value means never.
	RestartEvery time.Duration
	// TroubleEvery is the mean time between relay or DNS trouble bursts;
	// zero means 20 minutes, a negative value means never.
	TroubleEvery time.Duration
	// Audit adds AQtive Guard structured records (a second process).
	Audit bool
	// Newt adds a Pangolin newt site connector's lines, ACCESS START/END included.
	Newt bool
	// Tailscale adds a Tailscale network flow message every five seconds.
	Tailscale bool
	// Hostile sprinkles rare lines that carry attacker-influenced bytes:
	// terminal escapes, bidi overrides, invalid UTF-8, NUL, a 20 KiB line.
	Hostile bool
}

// Defaults applied by New to zero options.
const (
	DefaultRate          = 150.0
	minRate              = 1e-3 // one line in a quarter of an hour
	maxRate              = 1e7  // lines 100 ns apart, still distinct times
	defaultMaxConnection = 2 * time.Hour
	defaultRestartEvery  = 6 * time.Hour
	defaultTroubleEvery  = 20 * time.Minute
)

// DefaultStart is the first timestamp when Options.Start is zero.
var DefaultStart = time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)

func (o Options) withDefaults() Options {
	if o.Start.IsZero() {
		o.Start = DefaultStart
	}
	switch {
	case !(o.Rate > 0): // zero, negative or NaN
		o.Rate = DefaultRate
	case o.Rate < minRate:
		o.Rate = minRate
	case o.Rate > maxRate:
		o.Rate = maxRate
	}
	if o.MaxConnection < 0 {
		o.MaxConnection = 0
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Hostname == "" {
		o.Hostname = "ip-10-20-0-14"
	}
	defaultString(&o.ConnectorName, "nondescript-caterpillar")
	defaultString(&o.ConnectorID, "84014")
	defaultString(&o.NetworkName, "AWS Network")
	defaultString(&o.NetworkID, "6938")
	defaultDuration(&o.MaxConnection, defaultMaxConnection)
	defaultDuration(&o.RestartEvery, defaultRestartEvery)
	defaultDuration(&o.TroubleEvery, defaultTroubleEvery)
	return o
}

func defaultString(s *string, v string) {
	if *s == "" {
		*s = v
	}
}

func defaultDuration(d *time.Duration, v time.Duration) {
	if *d == 0 {
		*d = v
	}
}
