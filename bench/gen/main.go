// Command gen writes a synthetic connector log of a given size in one of
// the envelopes connlog reads, for benchmarks and for trying connlog on a
// big file:
//
//	go run ./bench/gen -size 1GiB -envelope docker-json -seed 1 -o /tmp/connector.log
//	go run ./bench/gen -size 100000lines -envelope journal-export -o - |
//	    /lib/systemd/systemd-journal-remote --output=/tmp/j/x.journal -
//
// The same flags always give the same bytes.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"connlog/source/synth"
)

// config is what the flags say.
type config struct {
	size     limit
	envelope string
	seed     int64
	start    time.Time
	rate     float64
	restarts time.Duration // mean time between connector restarts
	trouble  time.Duration // mean time between relay/DNS trouble bursts
	host     string
	loc      *time.Location
	audit    bool
	newt     bool
	tailnet  bool
	hostile  bool
	output   string
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err == nil {
		err = writeCorpus(cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.String("size", "100MB", "how much to write: bytes (1GiB, 200MB) or lines (10000lines)")
	env := fs.String("envelope", "raw", "how lines are carried: "+strings.Join(envelopeNames, ", "))
	seed := fs.Int64("seed", 1, "random seed; the same flags give the same bytes")
	start := fs.String("start", synth.DefaultStart.Format(time.RFC3339), "time of the first line (RFC 3339)")
	rate := fs.Float64("rate", synth.DefaultRate, "mean lines per second of log time")
	fs.DurationVar(&cfg.restarts, "restart-every", 0, "mean time between connector restarts (0 = 6h, negative = never)")
	fs.DurationVar(&cfg.trouble, "trouble-every", 0, "mean time between relay or DNS trouble (0 = 20m, negative = never)")
	hostName := fs.String("host", "ip-10-20-0-14", "host name in syslog and journal envelopes")
	tz := fs.String("tz", "UTC", "host time zone for syslog and newt times (an IANA name)")
	fs.BoolVar(&cfg.audit, "audit", false, "add AQtive Guard structured records")
	fs.BoolVar(&cfg.newt, "newt", false, "add Pangolin newt lines, ACCESS START/END included")
	fs.BoolVar(&cfg.tailnet, "tailscale", false, "add Tailscale network flow messages")
	fs.BoolVar(&cfg.hostile, "hostile", false, "add rare lines with escapes, invalid UTF-8, NUL and a 20 KiB line")
	fs.StringVar(&cfg.output, "o", "-", "output file, - for standard output")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected argument %q: every setting is a flag (see -h)", fs.Arg(0))
	}
	var err error
	if cfg.size, err = parseSize(*size); err != nil {
		return config{}, err
	}
	if cfg.start, err = time.Parse(time.RFC3339Nano, *start); err != nil {
		return config{}, fmt.Errorf("-start %q: want an RFC 3339 time such as 2026-02-10T08:00:00Z", *start)
	}
	if cfg.loc, err = time.LoadLocation(*tz); err != nil {
		return config{}, fmt.Errorf("-tz %q: %w (install tzdata or use UTC)", *tz, err)
	}
	if _, err := newEnvelope(*env, host{}); err != nil {
		return config{}, err
	}
	cfg.envelope, cfg.seed, cfg.rate, cfg.host = *env, *seed, *rate, *hostName
	return cfg, nil
}

// writeCorpus opens the output and writes the corpus to it.
func writeCorpus(cfg config) error {
	if cfg.output == "-" {
		return generate(cfg, os.Stdout)
	}
	f, err := os.Create(cfg.output)
	if err != nil {
		return fmt.Errorf("create %s: %w", cfg.output, err)
	}
	if err := generate(cfg, f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", cfg.output, err)
	}
	return nil
}

// generate writes lines from the generator, wrapped in the envelope, until
// the size limit is reached.
func generate(cfg config, w io.Writer) error {
	g := synth.New(cfg.seed, synth.Options{
		Start: cfg.start, Rate: cfg.rate, Location: cfg.loc, Hostname: cfg.host,
		RestartEvery: cfg.restarts, TroubleEvery: cfg.trouble,
		Audit: cfg.audit, Newt: cfg.newt, Tailscale: cfg.tailnet, Hostile: cfg.hostile,
	})
	env, err := newEnvelope(cfg.envelope, host{name: cfg.host, loc: cfg.loc, gen: g, boot: cfg.start.Add(-bootAge(cfg.seed))})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line, out []byte
	var written, lines int64
	for !cfg.size.done(written, lines) {
		var at time.Time
		var meta synth.Meta
		line, at, meta = g.Next(line[:0])
		out = env.wrap(out[:0], line, at, meta)
		if _, err := bw.Write(out); err != nil {
			return fmt.Errorf("write %s: %w", cfg.output, err)
		}
		written += int64(len(out))
		lines++
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", cfg.output, err)
	}
	return nil
}

// bootAge is how long the host has been up at the first line: a few days,
// fixed for a seed, so that journal monotonic times look lived-in.
func bootAge(seed int64) time.Duration {
	return 72*time.Hour + time.Duration(uint64(seed)%86400)*time.Second
}
