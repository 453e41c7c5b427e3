package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"connlog/source/synth"
)

// Readers for each envelope, written against the formats' definitions with
// the standard library only, so that the tests check the writers rather
// than trust them.

// expected is what the generator produced for one line.
type expected struct {
	line []byte
	at   time.Time
	meta synth.Meta
}

// expectedLines replays the generator the way generate drives it.
func expectedLines(cfg config, n int) []expected {
	g := synth.New(cfg.seed, synth.Options{
		Start: cfg.start, Rate: cfg.rate, Location: cfg.loc, Hostname: cfg.host,
		RestartEvery: cfg.restarts, TroubleEvery: cfg.trouble,
		Audit: cfg.audit, Newt: cfg.newt, Tailscale: cfg.tailnet, Hostile: cfg.hostile,
	})
	out := make([]expected, n)
	for i := range out {
		line, at, meta := g.Next(nil)
		out[i] = expected{line, at, meta}
	}
	return out
}

// withReplacement is line as a JSON encoder must carry it: each invalid
// UTF-8 byte becomes U+FFFD.
func withReplacement(line []byte) []byte {
	if utf8.Valid(line) {
		return line
	}
	var b []byte
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRune(line[i:])
		b = utf8.AppendRune(b, r)
		i += n
	}
	return b
}

// journalEntry is one entry of the export format: its fields in order.
type journalEntry map[string][]byte

// readExport parses the journal export format, text and binary fields.
func readExport(r io.Reader) ([]journalEntry, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var out []journalEntry
	cur := journalEntry{}
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF && len(line) == 0 {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("entry %d: %w", len(out), err)
		}
		line = line[:len(line)-1]
		if len(line) == 0 {
			out = append(out, cur)
			cur = journalEntry{}
			continue
		}
		if k, v, ok := bytes.Cut(line, []byte("=")); ok {
			cur[string(k)] = v
			continue
		}
		var size [8]byte
		if _, err := io.ReadFull(br, size[:]); err != nil {
			return out, fmt.Errorf("entry %d, binary field %s: %w", len(out), line, err)
		}
		v := make([]byte, binary.LittleEndian.Uint64(size[:])+1)
		if _, err := io.ReadFull(br, v); err != nil || v[len(v)-1] != '\n' {
			return out, fmt.Errorf("entry %d, binary field %s: bad length or terminator (%v)", len(out), line, err)
		}
		cur[string(line)] = v[:len(v)-1]
	}
}
