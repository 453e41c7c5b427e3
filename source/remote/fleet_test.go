package remote

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/remote/vltest"
)

const testDeadline = 20 * time.Second

// shipFleet starts a server and ships the fleet's journals to it; it
// returns the server and each host's journal file.
func shipFleet(t *testing.T, base time.Time) (*vltest.Server, map[string]string) {
	t.Helper()
	srv := vltest.Start(t)
	dir := t.TempDir()
	files := map[string]string{}
	total := 0
	for host, es := range vltest.Fleet(base) {
		files[host] = vltest.MakeJournal(t, dir, host, es)
		vltest.Ship(t, srv, files[host])
		total += len(es)
	}
	srv.WaitRows(t, "*", total)
	return srv, files
}

func testBackend(t *testing.T, srv *vltest.Server) *VictoriaLogs {
	t.Helper()
	client, err := NewHTTPClient(ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	vl, err := NewVictoriaLogs(srv.URL(), client, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	return vl
}

// readAll runs a non-following source to its end.
func readAll(t *testing.T, b Backend, sel Selection) []model.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	s := New(b, 7, Options{Selection: sel, Lines: -1})
	out := make(chan []model.Record)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, out) }()
	var got []model.Record
	for {
		select {
		case batch := <-out:
			got = append(got, batch...)
		case err := <-done:
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			return got
		}
	}
}

// messages are the lines of records, without the gap and boundary marks.
func messages(recs []model.Record) []string {
	var out []string
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			out = append(out, string(r.Raw))
		}
	}
	return out
}

// lines are the line records, without the marks.
func lines(recs []model.Record) []model.Record {
	var out []model.Record
	for _, r := range recs {
		if r.Mark == model.MarkLine {
			out = append(out, r)
		}
	}
	return out
}

func TestFleetFromVictoriaLogs(t *testing.T) {
	t.Parallel()
	base := time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
	srv, files := shipFleet(t, base)
	vl := testBackend(t, srv)
	tg := []string{"twingate-connector.service"}

	t.Run("each host equals journalctl -o cat of its file", func(t *testing.T) {
		for host, file := range files {
			got := messages(readAll(t, vl, Selection{Hosts: []string{host}, Units: tg}))
			want := vltest.Journalctl(t, []string{file}, "-u", "twingate-connector")
			if len(want) == 0 || !equal(got, want) {
				t.Errorf("%s: connlog read\n%q\njournalctl -o cat gives\n%q", host, got, want)
			}
		}
	})

	t.Run("all hosts form one time-ordered stream with the right host on each entry", func(t *testing.T) {
		recs := lines(readAll(t, vl, Selection{AllUnits: true}))
		var want []vltest.Entry
		for _, es := range vltest.Fleet(base) {
			want = append(want, es...)
		}
		sort.Slice(want, func(i, j int) bool { return want[i].Time.Before(want[j].Time) })
		if len(recs) != len(want) {
			t.Fatalf("read %d entries, shipped %d", len(recs), len(want))
		}
		for i, r := range recs {
			w := want[i]
			if !r.Received.Equal(w.Time) || r.Journal.Hostname != w.Host || string(r.Raw) != w.Message ||
				r.Journal.Unit != w.Unit || r.Journal.PID != w.PID || r.Journal.Identifier != w.Identifier {
				t.Fatalf("entry %d: got %v %s %s %q, want %v %s %s %q", i, r.Received, r.Journal.Hostname, r.Journal.Unit, r.Raw,
					w.Time, w.Host, w.Unit, w.Message)
			}
		}
	})

	t.Run("host globs, identifiers and the newest N", func(t *testing.T) {
		fra := readAll(t, vl, Selection{Hosts: []string{"gw-fra-*"}, Units: tg})
		want := vltest.Journalctl(t, []string{files["gw-fra-1"], files["gw-fra-2"]}, "-u", "twingate-connector")
		if !equal(messages(fra), want) {
			t.Errorf("gw-fra-*: got %q, want %q", messages(fra), want)
		}
		sshd := lines(readAll(t, vl, Selection{Identifiers: []string{"sshd"}}))
		if len(sshd) != len(files) {
			t.Errorf("-t sshd: got %d entries, want one per host (%d)", len(sshd), len(files))
		}
		s := New(vl, 0, Options{Selection: Selection{Units: tg}, Lines: 3})
		recs := lines(runToEnd(t, s))
		all := lines(readAll(t, vl, Selection{Units: tg}))
		if !equal(messages(recs), messages(all[len(all)-3:])) {
			t.Errorf("-n 3: got %q, want the last three %q", messages(recs), messages(all[len(all)-3:]))
		}
	})

	t.Run("time range is inclusive as journalctl's", func(t *testing.T) {
		since, until := base.Add(300*time.Millisecond), base.Add(900*time.Millisecond)
		got := lines(readAll(t, vl, Selection{AllUnits: true, Since: since, Until: until}))
		var paths []string
		for _, f := range files {
			paths = append(paths, f)
		}
		want := vltest.Journalctl(t, paths, "--since", "@"+unixMicro(since), "--until", "@"+unixMicro(until))
		if len(got) != len(want) || len(got) != 7 {
			t.Errorf("since/until: got %d entries %q, journalctl %d %q", len(got), messages(got), len(want), want)
		}
	})
}

func runToEnd(t *testing.T, s *Source) []model.Record {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testDeadline)
	defer cancel()
	out := make(chan []model.Record, 16)
	if err := s.Run(ctx, out); err != nil {
		t.Fatal(err)
	}
	close(out)
	var got []model.Record
	for b := range out {
		got = append(got, b...)
	}
	return got
}

func unixMicro(t time.Time) string {
	us := t.UnixMicro()
	return fmt.Sprintf("%d.%06d", us/1e6, us%1e6)
}

func equal(a, b []string) bool { return slices.Equal(a, b) }

func TestUnreachableStoreIsAnError(t *testing.T) {
	client, _ := NewHTTPClient(ClientOptions{})
	// A port nobody listens on: take one from a server that is then gone.
	srv := vltest.Start(t)
	srv.Stop()
	vl, err := NewVictoriaLogs(srv.URL(), client, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = vl.Check(context.Background())
	var ue *UnreachableError
	if !errors.As(err, &ue) {
		t.Fatalf("Check on a stopped server: %v, want an UnreachableError", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("Check took %v", time.Since(start))
	}
}
