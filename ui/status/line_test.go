package status

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

var plain = theme.Monochrome()

func line(t *testing.T, w int, in Info) string {
	t.Helper()
	s := New(&plain, "twingate-connector @ conn-host")
	s.SetSize(w, 1)
	s.SetInfo(in)
	v := ansi.Strip(s.View())
	if got := ansi.StringWidth(v); got != w || strings.Contains(v, "\n") {
		t.Fatalf("the line is %d cells (want %d): %q", got, w, v)
	}
	return v
}

var busy = Info{
	Sources: []model.SourceStatus{{Name: "journal", State: "following"}},
	Shown:   1234, Total: 98765, Errs: 3, Warns: 12, Rate: 2500, Mem: 64 << 20, MaxMem: 256 << 20,
	Clock: time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC), UTC: true,
}

// TestLineAtEveryWidth: wide, everything is said; narrower, the least
// important parts go first and follow and the counts stay to the end.
func TestLineAtEveryWidth(t *testing.T) {
	wide := line(t, 160, busy)
	for _, want := range []string{"twingate-connector @ conn-host · journal: following", "FOLLOW", "1,234/98,765",
		"E 3", "W 12", "2.5k/s", "mem 64MiB/256MiB", "08:30:00 UTC"} {
		if !strings.Contains(wide, want) {
			t.Errorf("at 160 the line lacks %q: %q", want, wide)
		}
	}
	narrow := line(t, 40, busy)
	if !strings.Contains(narrow, "FOLLOW") || !strings.Contains(narrow, "1,234/98,765") {
		t.Errorf("at 40 follow or the count went: %q", narrow)
	}
	if strings.Contains(narrow, "08:30:00") || strings.Contains(narrow, "mem ") {
		t.Errorf("at 40 the clock or memory stayed before more important parts: %q", narrow)
	}
	for _, w := range []int{1, 5, 20, 80, 120} {
		line(t, w, busy)
	}
}

// TestLinePausedAndLoss: paused says how many arrived; a loss is counted
// in lines and bytes; muted templates are said.
func TestLinePausedAndLoss(t *testing.T) {
	in := busy
	in.Follow, in.NewSince, in.Building = Paused, 4200, true
	in.Loss = model.Ledger{Events: 2}
	in.Muted, in.MutedLines = 1, 1
	v := line(t, 200, in)
	for _, want := range []string{"PAUSED — 4,200 new", "filtering… 1,234/98,765", "LOSS 2 gaps", "1 muted, 1 line"} {
		if !strings.Contains(v, want) {
			t.Errorf("the line lacks %q: %q", want, v)
		}
	}
}

// TestLineSourceIsInert: a source's name and error are log-influenced and
// drawn as visible text.
func TestLineSourceIsInert(t *testing.T) {
	in := busy
	in.Sources = []model.SourceStatus{{Name: "f\x1b[2J.log", Err: "bad \u202Ename"}}
	s := New(&plain, "")
	s.SetSize(120, 1)
	s.SetInfo(in)
	if v := s.View(); strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\u202E") {
		t.Errorf("hostile text reached the terminal: %q", v)
	}
	if v := line(t, 200, in); !strings.Contains(v, "ERROR bad") {
		t.Errorf("the source's error is not said: %q", v)
	}
}

// TestLineAtTheEnd: once every source has ended (--no-follow, a pipe at
// its end) the table follows nothing: the line says END, not FOLLOW; one
// source still read keeps FOLLOW. A paused table says END too when no row
// came since the pause (none can come: "0 new" would say some may), and
// PAUSED with the rows that did.
func TestLineAtTheEnd(t *testing.T) {
	in := busy
	in.Sources = []model.SourceStatus{{Name: "a.log", State: "EOF", Done: true}, {Name: "b.log", State: "following"}}
	if got := line(t, 160, in); !strings.Contains(got, "FOLLOW") || strings.Contains(got, "END") {
		t.Errorf("one source still read: %q", got)
	}
	in.Sources = []model.SourceStatus{{Name: "a.log", State: "EOF", Done: true}, {Name: "b.log", State: "EOF", Done: true}}
	if got := line(t, 160, in); !strings.Contains(got, " END ") || strings.Contains(got, "FOLLOW") {
		t.Errorf("every source ended: %q", got)
	}
	in.Follow, in.NewSince = Paused, 0
	if got := line(t, 160, in); !strings.Contains(got, " END ") || strings.Contains(got, "PAUSED") {
		t.Errorf("paused at the end, nothing new: %q", got)
	}
	in.NewSince = 5
	if got := line(t, 160, in); !strings.Contains(got, "PAUSED — 5 new") {
		t.Errorf("paused at the end, 5 rows came since: %q", got)
	}
	in.Sources[1].Done, in.NewSince = false, 0
	if got := line(t, 160, in); !strings.Contains(got, "PAUSED — 0 new") {
		t.Errorf("paused, one source still read: %q", got)
	}
}

// TestLineNamesAFileOnce: the title of one file is its name; its state
// follows it, not the name again (at 80 columns the state was cut off).
// Several sources, or one the title does not name, are each named.
func TestLineNamesAFileOnce(t *testing.T) {
	in := busy
	in.Sources = []model.SourceStatus{{Name: "/var/log/connector.log", State: "following"}}
	head := func(title string, in Info) string {
		s := New(&plain, title)
		s.SetSize(200, 1)
		s.SetInfo(in)
		return s.headText()
	}
	if got := head("/var/log/connector.log", in); got != " /var/log/connector.log: following" {
		t.Errorf("one file: %q", got)
	}
	if got := head("gw-1", in); got != " gw-1 · /var/log/connector.log: following" {
		t.Errorf("a title that is not the file's name: %q", got)
	}
	in.Sources = append(in.Sources, model.SourceStatus{Name: "b.log", State: "EOF"})
	if got := head("/var/log/connector.log", in); got != " /var/log/connector.log · /var/log/connector.log: following, b.log: EOF" {
		t.Errorf("two files: %q", got)
	}
}

// TestLineSaysAnInputIsDown: a store that went down (retrying) or an input
// that failed is said among the parts that stay, not only in the head,
// which is cut first: at 80 columns too.
func TestLineSaysAnInputIsDown(t *testing.T) {
	for _, c := range []struct {
		srcs []model.SourceStatus
		want string
	}{
		{[]model.SourceStatus{{Name: "127.0.0.1:9428", State: "down, retrying in 8s: connection refused"}}, "DOWN"},
		{[]model.SourceStatus{{Name: "a.log", Err: "permission denied"}}, "FAILED"},
		{[]model.SourceStatus{{Name: "a", State: "following"}, {Name: "b", State: "down, retrying in 1s: x"}, {Name: "c", Err: "x"}},
			"1 of 3 inputs down, 1 of 3 inputs failed"},
	} {
		in := busy
		in.Sources = c.srcs
		if got := line(t, 80, in); !strings.Contains(got, c.want) {
			t.Errorf("%+v: the line at 80 columns lacks %q: %q", c.srcs, c.want, got)
		}
		if len(c.srcs) == 1 {
			if got := line(t, 20, in); !strings.Contains(got, c.want) {
				t.Errorf("%+v: the line at 20 columns lacks %q: %q", c.srcs, c.want, got)
			}
		}
	}
	if got := line(t, 200, busy); strings.Contains(got, "DOWN") || strings.Contains(got, "FAILED") {
		t.Errorf("a well input is said to be down: %q", got)
	}
}

// TestLossCountsOneInTheSingular: one gap of unknown size is "1 gap"; a
// gap of unknown size beside counted ones is said, as the export says it.
func TestLossCountsOneInTheSingular(t *testing.T) {
	for _, tc := range []struct {
		loss model.Ledger
		want string
	}{{model.Ledger{Events: 1}, "LOSS 1 gap"}, {model.Ledger{Events: 3}, "LOSS 3 gaps"},
		{model.Ledger{Events: 2, ByKind: map[string]int64{model.GapJournalEntryUnreadable: 20}, Unknown: 1}, "LOSS 20 lines, 1 of unknown size"}} {
		if got := lossText(tc.loss); got != tc.want {
			t.Errorf("lossText(%+v) = %q, want %q", tc.loss, got, tc.want)
		}
	}
}

// TestLineKeepsTheZone: where the clock does not fit, the zone it names
// stays (the table's times are in it), before the rate and the memory.
func TestLineKeepsTheZone(t *testing.T) {
	in := busy
	in.Follow, in.NewSince = Paused, 1234
	for _, utc := range []bool{true, false} {
		in.UTC = utc
		want := map[bool]string{true: " UTC ", false: " local "}[utc]
		v := line(t, 80, in)
		if strings.Contains(v, "08:30:00") || !strings.HasSuffix(v, "│"+want) {
			t.Errorf("at 80: %q; want no clock, and %q at the end", v, want)
		}
		if strings.Contains(v, "mem ") {
			t.Errorf("at 80 the memory stayed before the zone: %q", v)
		}
	}
}

// TestLineSaysWhyAnInputIsDown: the state of an input that is down says
// why and when it retries; it takes room from the title, which is cut
// first, and from the least important parts, up to a little over half the
// line: at 120 and 80 columns the counts stay.
func TestLineSaysWhyAnInputIsDown(t *testing.T) {
	in := busy
	in.Sources = []model.SourceStatus{{Name: "127.0.0.1:19428", State: "down, retrying in 2s: the store closed the live tail"}}
	for w, want := range map[int]string{120: " 127.0.0.1:19428: down, retrying in 2s: the store closed", 80: " 127.0.0.1:19428: down, retrying in 2s"} {
		if got := line(t, w, in); !strings.HasPrefix(got, want) || !strings.Contains(got, "1,234/98,765") {
			t.Errorf("at %d columns the line does not begin with %q or lacks the counts: %q", w, want, got)
		}
	}
	in.Sources[0].State = "down, no answer for 10s"
	if got, want := line(t, 80, in), " 127.0.0.1:19428: down, no answer for 10s "; !strings.HasPrefix(got, want) {
		t.Errorf("at 80 columns a store that does not answer: %q, want it to begin with %q", got, want)
	}
	if got := line(t, 200, in); !strings.Contains(got, "twingate-connector @ conn-host · 127.0.0.1:19428: down") {
		t.Errorf("with room the title stays whole: %q", got)
	}
}

// TestLineSaysAnUnfinishedLineIsHeld: an input that holds a line without
// its newline (a crashed writer's last words, a prompt) says so in its
// state, with the line's first bytes made inert and cut to fit: at 120 and
// 80 columns the line's start shows, and the counts stay. Of several
// inputs, the one that holds it is named. With room, its length is said.
func TestLineSaysAnUnfinishedLineIsHeld(t *testing.T) {
	const crash = "2026-02-10T08:00:03Z ERROR crash \x1b[2Jnonl"
	heldLine := func(w int, title string, srcs ...model.SourceStatus) string {
		t.Helper()
		in := busy
		in.Sources = srcs
		s := New(&plain, title)
		s.SetSize(w, 1)
		s.SetInfo(in)
		v := s.View()
		if strings.Contains(v, "\x1b[2J") {
			t.Fatalf("the held bytes reached the terminal: %q", v)
		}
		v = ansi.Strip(v)
		if got := ansi.StringWidth(v); got != w || !strings.Contains(v, "FOLLOW") || !strings.Contains(v, "1,234/98,765") {
			t.Fatalf("at %d: %d cells, or follow or the counts went: %q", w, got, v)
		}
		return v
	}
	held := model.SourceStatus{Name: "crash.log", State: "following", Held: model.HeldLine{Bytes: int64(len(crash)), Head: crash}}
	for w, want := range map[int]string{
		200: " crash.log: following · unfinished line held (41B): 2026-02-10T08:00:03Z ERROR crash ␛[2Jnonl… ",
		120: " crash.log: unfinished line held: 2026-02-10T08:00:03Z ERROR crash ␛[2Jnonl… ",
		80:  " crash.log: unfinished line held: 2026-02-10T08:00:03Z",
	} {
		if got := heldLine(w, "crash.log", held); !strings.HasPrefix(got, want) {
			t.Errorf("at %d columns: %q, want it to begin with %q", w, got, want)
		}
	}
	a, b := model.SourceStatus{Name: "a.log", State: "following"}, model.SourceStatus{Name: "b.log", State: "following"}
	for _, w := range []int{120, 80} {
		if got, want := heldLine(w, "a.log, crash.log, b.log", a, held, b), "crash.log: unfinished line held: 2026-02-10T08:00:03Z"; !strings.Contains(got, want) {
			t.Errorf("several inputs at %d columns: %q, want it to name the one that holds a line: %q", w, got, want)
		}
	}
	if got := heldLine(200, "crash.log", model.SourceStatus{Name: "crash.log", State: "following"}); strings.Contains(got, "unfinished") {
		t.Errorf("nothing held, yet: %q", got)
	}
	// The state in full, as the list of inputs shows it; a head cut inside
	// a character does not show the character's first bytes as garbage.
	cut := model.SourceStatus{State: "following", Held: model.HeldLine{Bytes: 300, Head: "prompt é"[:len("prompt é")-1]}}
	if got, want := StateText(cut), ": following · unfinished line held (300B): prompt …"; got != want {
		t.Errorf("StateText = %q, want %q", got, want)
	}
	// Cut to fit, it is cut between characters, not inside one's stand-in.
	bell := model.SourceStatus{State: "following", Held: model.HeldLine{Bytes: 49, Head: strings.Repeat("x", 45) + "\a" + "abc"}}
	if got, want := StateText(bell), ": following · unfinished line held (49B): "+strings.Repeat("x", 45)+"…"; got != want {
		t.Errorf("StateText = %q, want %q", got, want)
	}
}
