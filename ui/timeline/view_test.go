package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"connlog/model"
	"connlog/ui/theme"
)

// sample is half an hour of service lines, a warning every 150 s, a
// restart at 08:10 and a failed connection at 08:15.
func sample() []model.Entry {
	var es []model.Entry
	for i := range 600 {
		at := t0.Add(time.Duration(i) * 3 * time.Second)
		lvl := model.LevelInfo
		if i%50 == 0 {
			lvl = model.LevelWarn
		}
		for range 1 + i%7 {
			es = append(es, entry(at, lvl, model.KindService))
		}
		if i == 300 {
			es = append(es, failed(at))
		}
	}
	return append(es, entry(t0.Add(10*time.Minute), model.LevelNone, model.KindBoundary))
}

// TestViewAtWidths draws the strip at 20, 80 and 160 columns: every line
// exactly the width, the bars filling it, the letters of the marks there,
// and the info line naming the scale.
func TestViewAtWidths(t *testing.T) {
	c := countOf(t, sample())
	for _, w := range []struct {
		cols  int
		scale string
	}{{20, "timeline 5m"}, {80, "timeline 30s"}, {160, "timeline 30s"}} {
		m := strip(c, w.cols, 5, nil)
		ls := lines(m)
		if len(ls) != 5 {
			t.Fatalf("%d: %d lines; want 5", w.cols, len(ls))
		}
		for i, l := range ls {
			if cw := ansi.StringWidth(l); cw != w.cols {
				t.Errorf("%d: line %d is %d cells: %q", w.cols, i, cw, l)
			}
		}
		if !strings.HasPrefix(ls[0], w.scale) {
			t.Errorf("%d: info line %q; want it to start with %q", w.cols, ls[0], w.scale)
		}
		if strings.ContainsRune(ls[2], ' ') {
			t.Errorf("%d: the bars leave a column empty: %q", w.cols, ls[2])
		}
		for _, letter := range []string{"W", "R", "F"} { // upper or lower case: see TestMarksShowTheBurst
			if !strings.Contains(strings.ToUpper(ls[3]), letter) {
				t.Errorf("%d: no %s in the marks row %q", w.cols, letter, ls[3])
			}
		}
		if !strings.Contains(ls[4], "▲") {
			t.Errorf("%d: no cursor in the pointer row %q", w.cols, ls[4])
		}
	}
}

// TestViewShortHeights draws the strip at every height it may be given.
func TestViewShortHeights(t *testing.T) {
	c := countOf(t, sample())
	for h := 1; h <= 5; h++ {
		if got := len(lines(strip(c, 40, h, nil))); got != h {
			t.Errorf("height %d: %d lines", h, got)
		}
	}
	if got := strip(c, 40, 5, nil).Hide().View(); got != "" {
		t.Errorf("hidden strip draws %q", got)
	}
}

// TestNoColourCarriesTheMarks draws in monochrome: the level and the marks
// are letters and the cursor an arrow, and no colour is sent.
func TestNoColourCarriesTheMarks(t *testing.T) {
	mono := theme.Monochrome()
	m := strip(countOf(t, sample()), 80, 5, &mono)
	raw := m.View()
	if strings.Contains(raw, "\x1b[3") || strings.Contains(raw, "\x1b[38") || strings.Contains(raw, "\x1b[9") {
		t.Errorf("colour in the monochrome strip: %q", raw)
	}
	ls := lines(m)
	if strings.Count(ls[3], "W") < 5 || !strings.Contains(ls[3], "R") || !strings.Contains(ls[3], "F") {
		t.Errorf("marks row %q", ls[3])
	}
	m, _ = press(m, append([]string{"home"}, strings.Split(strings.Repeat("l", 30), "")...)...)
	if info := lines(m)[0]; !strings.Contains(info, "▲ 08:15:00 39 W7 F1") {
		t.Errorf("info line %q does not say what the cursor's bucket holds", info)
	}
	colour := theme.Default()
	if cm := strip(countOf(t, sample()), 80, 5, &colour).View(); cm == raw {
		t.Error("the colour strip is the monochrome one: the test cannot tell")
	}
}

// TestHostileTextNeverReachesTheStrip counts entries whose lines and fields
// are escape sequences: the strip draws no byte of them.
func TestHostileTextNeverReachesTheStrip(t *testing.T) {
	evil := "\x1b]52;c;ZXZpbA==\a\x1b[2J\u202e"
	var es []model.Entry
	for i := range 50 {
		e := entry(t0.Add(time.Duration(i)*time.Second), model.LevelError, model.KindAnalytics,
			model.Str(model.KeyEventType, evil), model.Str(model.KeyUserEmail, evil))
		e.Raw = []byte(evil)
		es = append(es, e)
	}
	mono := theme.Monochrome()
	out := strip(countOf(t, es), 80, 5, &mono).View()
	for _, bad := range []string{"\x1b]", "\a", "\x1b[2J", "\u202e", "ZXZpbA"} {
		if strings.Contains(out, bad) {
			t.Errorf("%q reached the strip", bad)
		}
	}
}

func TestEmptyAndCounting(t *testing.T) {
	m := strip(Counts{}, 60, 5, nil)
	if !strings.Contains(lines(m)[0], "no timed entries") {
		t.Errorf("%q", lines(m)[0])
	}
	if !strings.Contains(lines(m.Counting())[0], "counting") {
		t.Errorf("%q", lines(m.Counting())[0])
	}
	m, msgs := press(m, "left", "v", "enter", "+")
	if len(msgs) != 0 {
		t.Errorf("keys on an empty strip sent %v", msgs)
	}
}

// TestMarksShowTheBurst has a failed connection every minute and ten in
// one: that bucket's letter is upper case, the everyday ones lower case.
func TestMarksShowTheBurst(t *testing.T) {
	var es []model.Entry
	for i := range 60 {
		at := t0.Add(time.Duration(i) * time.Minute)
		es = append(es, entry(at, model.LevelInfo, model.KindService), failed(at))
		if i == 42 {
			for range 9 {
				es = append(es, failed(at))
			}
		}
		if i == 10 { // a restart is rare: upper case, however few
			es = append(es, entry(at, model.LevelNone, model.KindBoundary))
		}
	}
	marks := lines(strip(countOf(t, es), 60, 5, nil))[3]
	if strings.Count(marks, "F") != 1 || strings.Count(marks, "f") != 58 || strings.IndexRune(marks, 'F') != 42 ||
		strings.IndexRune(marks, 'R') != 10 {
		t.Errorf("marks row %q; want R at 08:10, one F at 08:42, and f elsewhere", marks)
	}
}

// TestLabelsOfAnotherYear: a strip over data of another year than the
// current one writes its days with their year, as the table writes its
// rows' times, and a day-wide bucket's range writes each date once.
func TestLabelsOfAnotherYear(t *testing.T) {
	from := time.Date(2025, 5, 16, 10, 0, 0, 0, time.UTC)
	es := []model.Entry{entry(from, model.LevelInfo, model.KindService),
		entry(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC), model.LevelInfo, model.KindService)}
	m := strip(countOf(t, es), 120, 5, nil).SetYear(2026)
	info := lines(m)[0]
	for _, want := range []string{"│ 2025-05-16–12-05", "▲ 11-27 "} {
		if !strings.Contains(info, want) {
			t.Errorf("info line %q; want %q in it", info, want)
		}
	}
	m, _ = press(m, "home")
	if info := lines(m)[0]; !strings.Contains(info, "▲ 2025-05-16") {
		t.Errorf("info line %q; want the cursor's bucket dated 2025-05-16", info)
	}
	if info := lines(m.SetYear(0))[0]; strings.Contains(info, "2025") {
		t.Errorf("without a year the info line has one: %q", info)
	}
}
