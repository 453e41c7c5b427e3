package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"connlog/model"
	"connlog/model/decode"
	"connlog/source/synth"
)

// halfwayStart is when the generated log of failureHalfway starts; the
// failure starts 15 minutes later and the log ends 15 minutes after that.
var halfwayStart = time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)

// Lines of the failure that starts halfway: a failed connection to a new
// resource and the connector's error line about it.
const (
	halfwayReason = "RESOURCE_UNREACHABLE: no route to 10.20.9.9"
	halfwayEvent  = `ANALYTICS {"connection": {"client_ip": "198.51.100.7", "error_message": "` + halfwayReason + `", "id": "feedbeef%08x-1", "protocol": "tcp", "resource_ip": "10.20.9.9", "resource_port": 5432}, "event_type": "failed_to_connect", "resource": {"address": "db-new.internal", "id": "9"}, "timestamp": %d, "user": {"email": "nina.victim@example.com", "id": "1"}}`
	halfwayError  = "[ERROR] [libsdwan] [tcp] tcp_proxy::on_connect: conn=feedbeef%08x-1 failed: no route to host 10.20.9.9:5432"
)

// failureHalfway decodes 30 minutes of the synthetic connector, as
// `docker logs -t` prints it, with a failure that starts halfway: from
// minute 15 on, every 10th line is followed by a failed connection and its
// error line. It returns the entries and how many failures it added.
func failureHalfway(t testing.TB) ([]model.Entry, int) {
	t.Helper()
	g := synth.New(7, synth.Options{Start: halfwayStart, Rate: 4, TroubleEvery: -1, RestartEvery: -1})
	d := decode.New(0, decode.Options{Location: time.UTC, Reference: halfwayStart})
	var out []model.Entry
	add := func(stamp []byte, line string) {
		rec := model.Record{Raw: append(append(append([]byte(nil), stamp...), ' '), line...), Offset: -1}
		out = d.Decode(&rec, out)
	}
	var line []byte
	failures := 0
	for i := 0; ; i++ {
		var at time.Time
		line, at, _ = g.Next(line[:0])
		if !at.Before(halfwayStart.Add(30 * time.Minute)) {
			break
		}
		stamp := synth.AppendRFC3339(nil, at.UnixNano(), 9, false)
		add(stamp, string(line))
		if at.Before(halfwayStart.Add(15*time.Minute)) || i%10 != 0 {
			continue
		}
		failures++
		add(stamp, fmt.Sprintf(halfwayEvent, failures, at.UnixMilli()))
		add(stamp, fmt.Sprintf(halfwayError, failures))
	}
	return d.Flush(out), failures
}

func halfwayModel(t *testing.T, w, h int) (Model, int) {
	t.Helper()
	es, n := failureHalfway(t)
	st, _ := newFixtureStore(t, es)
	m := newTestModel(t, st, w, h)
	m.stats.MemBytes = fixedMem
	return m, n
}

func TestGoldenChanged(t *testing.T) {
	for _, sz := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m, _ := halfwayModel(t, sz[0], sz[1])
			m = drive(t, m, keys("C", "j")...)
			if m.mode != ModeChanged {
				t.Fatalf("mode %s after C; want changed", m.mode)
			}
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestChangedNamesTheFailureAndPivots: on a log where a failure starts
// halfway, the view names its error line, its reason, its user and its
// resource as new, and enter on each row filters the table to exactly the
// lines of the failure.
func TestChangedNamesTheFailureAndPivots(t *testing.T) {
	m, n := halfwayModel(t, 160, 45)
	opened := drive(t, m, keys("C")...)
	out := screen(opened)
	for _, want := range []string{"the last 15m of the view against the 15m before", "new error messages",
		"tcp_proxy::on_connect: conn=<id> failed: no route to host <ip>:<port>", "failing  nina.victim@example.com",
		"failing  db-new.internal", "new  RESOURCE_UNREACHABLE: no route to <ip>"} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks %q:\n%s", want, out)
		}
	}
	// Each filter keeps the window now, where the failure is; a user's and
	// a resource's keep its failures.
	now := " since:2026-02-10T08:15:00 time<2026-02-10T08:30:00"
	failures := " " + failedOrDeniedTerm()
	if !strings.HasPrefix(failures, " (") {
		failures = " (" + failures[1:] + ")"
	}
	wants := map[string]int{
		`kind=service level=error "tcp_proxy::on_connect" "libsdwan" "failed"` + now:                                                    n,
		"user=nina.victim@example.com" + failures + now:                                                                                 n,
		"resource=db-new.internal" + failures + now:                                                                                     n,
		`event=failed_to_connect "RESOURCE_UNREACHABLE" "route"` + now:                                                                  n,
		`kind=analytics level=warn .event_type=failed_to_connect .connection.error_message:"RESOURCE_UNREACHABLE: no route to *"` + now: n,
	}
	seen := map[string]bool{}
	for row := 0; row < 40 && len(seen) < 40; row++ {
		p := drive(t, opened, append(keys(strings.Repeat("j", row)), keys("enter")...)...)
		if p.mode != ModeNormal {
			continue
		}
		seen[p.filter.text] = true
		if want, ok := wants[p.filter.text]; ok && p.live.len() != want {
			t.Errorf("row %d: filter %q keeps %d entries, want the %d of the failure", row, p.filter.text, p.live.len(), want)
		}
	}
	for f := range wants {
		if !seen[f] {
			t.Errorf("no row pivots to %q; rows pivot to %v", f, seen)
		}
	}
}

// TestChangedComparesTheSelection: with rows selected (v), the selection's
// span is compared against the same length before it.
func TestChangedComparesTheSelection(t *testing.T) {
	m, _ := halfwayModel(t, 120, 35)
	m = drive(t, m, keys("G", "v", "k", "k", "k", "v", "C")...)
	out := screen(m)
	if !strings.Contains(out, "what changed · the selection against the same length before it") {
		t.Fatalf("the selection is not what is compared:\n%s", out)
	}
	if !strings.Contains(out, "now    2026-02-10 08:29:") || !strings.Contains(out, "–08:30:00") {
		t.Errorf("the window is not the selection's span, at the end of the log:\n%s", out)
	}
}

// TestChangedWindowsPrompt: w opens the prompt with the windows shown, a
// window typed is compared, and a bad one is explained with the prompt
// kept open.
func TestChangedWindowsPrompt(t *testing.T) {
	m, _ := halfwayModel(t, 120, 35)
	m = drive(t, m, keys("C", "w")...)
	if m.mode != ModeCompare {
		t.Fatalf("mode %s after w; want compare", m.mode)
	}
	if v := m.cmpIn.Value(); v != "08:15:00..08:30:00,08:00:00..08:15:00" {
		t.Errorf("the prompt holds %q, want the windows shown, on the day of the data", v)
	}
	// Read back as typed, the windows are the same.
	same := drive(t, m, keys("enter")...)
	if out := screen(same); !strings.Contains(out, "now    2026-02-10 08:15:00–08:30:00 (15m)") ||
		!strings.Contains(out, "before 2026-02-10 08:00:00–08:15:00 (15m)") {
		t.Errorf("the windows read back differ:\n%s", out)
	}
	bad := drive(t, m, keys("ctrl+u", "yesterday", "enter")...)
	if bad.mode != ModeCompare || !strings.Contains(screen(bad), `"yesterday": no .. between the two ends`) {
		t.Errorf("a bad window: mode %s, screen:\n%s", bad.mode, screen(bad))
	}
	good := drive(t, m, keys("ctrl+u", "08:20..08:25,08:05..08:10", "enter")...)
	out := screen(good)
	if good.mode != ModeChanged || !strings.Contains(out, "the windows asked for") ||
		!strings.Contains(out, "now    2026-02-10 08:20:00–08:25:00 (5m)") || !strings.Contains(out, "before 2026-02-10 08:05:00–08:10:00 (5m)") {
		t.Errorf("windows typed: mode %s, screen:\n%s", good.mode, out)
	}
	back := drive(t, m, keys("esc")...)
	if back.mode != ModeChanged {
		t.Errorf("esc in the prompt: mode %s, want changed", back.mode)
	}
	if closed := drive(t, back, keys("esc")...); closed.mode != ModeNormal {
		t.Errorf("esc in the view: mode %s, want normal", closed.mode)
	}
}

// TestChangedWithoutTimes: a view whose entries have no time says so.
func TestChangedWithoutTimes(t *testing.T) {
	e := text(0, "no time here")
	e.Time = time.Time{}
	st, _ := newFixtureStore(t, []model.Entry{e})
	m := drive(t, newTestModel(t, st, 100, 20), keys("C")...)
	if out := screen(m); !strings.Contains(out, "could not compare: no entry of the view has a time") {
		t.Errorf("no times:\n%s", out)
	}
}

// TestFlowChanged opens the view in a running program on the log where a
// failure starts halfway, sees the failure named, and pivots to it.
func TestFlowChanged(t *testing.T) {
	es, n := failureHalfway(t)
	l := startLive(t, es, 120, 35)
	total := commas(int64(len(es)))
	l.waitFor(total + "/" + total)
	l.press("C")
	l.waitFor("what changed", "new error messages", "failing  db-new.internal", "failing  nina.victim@example.com")
	l.press("j", "enter") // from the error line to the resource that started failing
	l.waitFor("filter: resource=db-new.internal", commas(int64(n))+"/"+total)
	if m := l.final(); m.mode != ModeNormal || m.live.len() != n {
		t.Errorf("mode %s with %d entries; want normal with the %d failures", m.mode, m.live.len(), n)
	}
}

// TestWindowTextOnAnotherDay: the prompt drops the date only when every
// end is on the day a date-less time is read on.
func TestWindowTextOnAnotherDay(t *testing.T) {
	day := halfwayStart
	cases := []struct {
		name string
		ts   []time.Time
		want bool
	}{
		{"same day", []time.Time{day.Add(time.Hour), day.Add(2 * time.Hour)}, true},
		{"ends at midnight", []time.Time{day.Add(15 * time.Hour), day.Add(16 * time.Hour)}, false},
		{"the day before", []time.Time{day.Add(-9 * time.Hour), day}, false},
	}
	for _, c := range cases {
		if got := onDay(day, time.UTC, c.ts...); got != c.want {
			t.Errorf("%s: onDay = %v, want %v", c.name, got, c.want)
		}
	}
	if onDay(time.Time{}, time.UTC, day) {
		t.Error("with no day known, every date is written")
	}
}

// TestChangedKeepsLogTextInert: a hostile user that started failing and a
// hostile failure reason new in the window reach the screen as visible glyphs,
// never as bytes.
func TestChangedKeepsLogTextInert(t *testing.T) {
	evil := "zedekiah\x1b[2J\x1b]52;c;ZXZpbA==\x07@example.com"
	es := append(fixtureEntries(), analytics(3034753+2000, model.EventFailed, "ff-1", evil, "boom \x1b]8;;http://x\x1b\\", 0, 0, 0))
	st, _ := newFixtureStore(t, es)
	// The selection from the first row to the last: every entry is new.
	m := drive(t, newTestModel(t, st, 160, 45), keys("g", "v", "G", "v", "C")...)
	out := m.View().Content
	for _, bad := range []string{"\x1b[2J", "\x1b]52", "\x07", "\x1b]8", "\u202E"} {
		if strings.Contains(out, bad) {
			t.Fatalf("%q from the log reached the screen: %q", bad, out)
		}
	}
	for _, want := range []string{"failing  zedekiah␛[2J", "new  boom ␛]<num>;;http://x␛"} {
		if !strings.Contains(screen(m), want) {
			t.Errorf("the view lacks %q:\n%s", want, screen(m))
		}
	}
}

// TestChangedSelectionWithoutTimes: a selection without times says which
// key asks for other windows, the key the view binds.
func TestChangedSelectionWithoutTimes(t *testing.T) {
	e := text(0, "no time here")
	e.Time = time.Time{}
	st, _ := newFixtureStore(t, []model.Entry{e, e})
	m := newTestModel(t, st, 120, 20)
	m = drive(t, m, keys("v", "C")...)
	want := "select rows with times, or press " + keyOf(m.changed.Keys().Windows) + " for other windows"
	if out := screen(m); !strings.Contains(out, want) {
		t.Errorf("a selection without times, want %q:\n%s", want, out)
	}
}

// TestChangedShortViewComparesItsHalves: a view shorter than two default
// windows compares its newer half with its older, not the data with nothing:
// halves that hold every entry of the view, not a minute of each, the newer
// ending at the newest entry rounded up to the second.
func TestChangedShortViewComparesItsHalves(t *testing.T) {
	var es []model.Entry
	for i := range 170 { // 08:00:00 to 08:02:49
		es = append(es, text(i, "tick"))
		es[i].Time = time.Date(2026, 11, 20, 8, 0, i, 0, time.UTC)
	}
	st, _ := newFixtureStore(t, es)
	m := drive(t, newTestModel(t, st, 120, 30), keys("C")...)
	out := screen(m)
	if !strings.Contains(out, "the view's newer half against its older (1m25s each)") ||
		!strings.Contains(out, "now    2026-11-20 08:01:25–08:02:50 (1m25s): 85 entries") ||
		!strings.Contains(out, "before 2026-11-20 08:00:00–08:01:25 (1m25s): 85 entries") ||
		strings.Contains(out, "neither window") {
		t.Errorf("a view of 2m50s:\n%s", out)
	}
}

// TestChangedSaysWhatIsInNeitherWindow: a view longer than the two
// windows compares the last 15 minutes with the 15 before, and says how many
// of its entries are older than both.
func TestChangedSaysWhatIsInNeitherWindow(t *testing.T) {
	var es []model.Entry
	for i := range 240 { // 08:00:00 to 08:39:50, one every 10 s
		es = append(es, text(i, "tick"))
		es[i].Time = time.Date(2026, 11, 20, 8, 0, 10*i, 0, time.UTC)
	}
	st, _ := newFixtureStore(t, es)
	for _, sz := range [][2]int{{120, 35}, {80, 24}} {
		m := drive(t, newTestModel(t, st, sz[0], sz[1]), keys("C")...)
		out := screen(m)
		if !strings.Contains(out, "the last 15m of the view against the 15m before") ||
			!strings.Contains(out, "now    2026-11-20 08:25:00–08:40:00 (15m): 90 entries") ||
			!strings.Contains(out, "before 2026-11-20 08:10:00–08:25:00 (15m): 90 entries") ||
			!strings.Contains(out, " 60 of the 240 entries with a time are in neither window") {
			t.Errorf("a view of 40m at %dx%d:\n%s", sz[0], sz[1], out)
		}
	}
}

// TestTriageTimesAreTheInterfaceClocks: the views time their counting
// with the interface's clock, so that a golden screen does not tell how
// busy the machine was (a title says the time from one second on).
func TestTriageTimesAreTheInterfaceClocks(t *testing.T) {
	m, _ := halfwayModel(t, 160, 45)
	tick := testNow
	m.cfg.Now = func() time.Time { tick = tick.Add(1500 * time.Millisecond); return tick }
	if out := screen(drive(t, m, keys("C")...)); !strings.Contains(out, "· 1.5s") {
		t.Errorf("the comparison is not timed by the interface's clock:\n%s", out)
	}
	if out := screen(drive(t, m, keys("s")...)); !strings.Contains(out, "in 1.5s") {
		t.Errorf("the top values are not timed by the interface's clock:\n%s", out)
	}
}
