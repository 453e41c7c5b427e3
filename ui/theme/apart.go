package theme

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Split says how FitMiddle cuts a value: Head cells of its start, "…",
// then the value from byte From on, cut at its end when it is still too
// long. The zero Split is Fit's cut.
type Split struct{ Head, From int }

// apartMinWidth is the narrowest cell a value is cut in the middle in:
// narrower, a start and an end of a few letters each tell nothing.
const apartMinWidth = 8

// contextCells is how much of the text before the place two values differ
// a cut that jumps to that place shows, so that it reads as a word.
const contextCells = 4

// Apart returns how each of values (text made inert, all shown in one
// column w cells wide) is cut to fit: as Fit cuts it (the zero Split),
// unless Fit would show it as it shows a different value. Those are cut in
// the middle, keeping what tells them apart: their start and their end
// when they differ near the end (a mailbox, team-a@… and team-b@…), else
// their start and the place where they differ. Values that fit, and cut
// values that collide with none, keep Fit's cut, which every column uses:
// "…" in the middle says that something there tells this value apart.
func Apart(values []string, w int) []Split {
	splits := make([]Split, len(values))
	if w < apartMinWidth {
		return splits
	}
	apart := map[string]Split{}
	for _, g := range collisions(values, w) {
		pre, suf := closestPrefixes(g), closestSuffixes(g)
		for _, v := range g {
			apart[v] = splitApart(v, w, pre[v], suf[v])
		}
	}
	if len(apart) == 0 {
		return splits
	}
	for i, v := range values {
		splits[i] = apart[v]
	}
	return splits
}

// collisions are the groups of different values (each value once) that
// Fit shows alike in w cells.
func collisions(values []string, w int) [][]string {
	var seen map[string]bool
	var byShown map[string][]string // the values that are cut, by what Fit shows of them
	for _, v := range values {
		if len(v) <= w || seen[v] || CellWidth(v) <= w {
			continue
		}
		if seen == nil {
			seen, byShown = map[string]bool{}, map[string][]string{}
		}
		seen[v] = true
		k := truncate(v, w, "…")
		byShown[k] = append(byShown[k], v)
	}
	var groups [][]string
	for _, g := range byShown {
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	return groups
}

// closestPrefixes says, for each value of g (all different), how many
// bytes it shares at its start with the value of g most like it there, at
// a character boundary. That value is its neighbour in sorted order.
func closestPrefixes(g []string) map[string]int {
	sorted := slices.Clone(g)
	slices.Sort(sorted)
	out := make(map[string]int, len(g))
	for i, v := range sorted {
		n := 0
		if i > 0 {
			n = commonPrefix(v, sorted[i-1])
		}
		if i+1 < len(sorted) {
			n = max(n, commonPrefix(v, sorted[i+1]))
		}
		for n > 0 && n < len(v) && !utf8.RuneStart(v[n]) {
			n--
		}
		out[v] = n
	}
	return out
}

// closestSuffixes is closestPrefixes for the values' ends: the neighbours
// are those of the values read backwards.
func closestSuffixes(g []string) map[string]int {
	type rev struct{ back, v string }
	sorted := make([]rev, len(g))
	for i, v := range g {
		b := []byte(v)
		slices.Reverse(b)
		sorted[i] = rev{string(b), v}
	}
	slices.SortFunc(sorted, func(a, b rev) int { return strings.Compare(a.back, b.back) })
	out := make(map[string]int, len(g))
	for i, r := range sorted {
		n := 0
		if i > 0 {
			n = commonPrefix(r.back, sorted[i-1].back)
		}
		if i+1 < len(sorted) {
			n = max(n, commonPrefix(r.back, sorted[i+1].back))
		}
		v := r.v
		for n > 0 && n < len(v) && !utf8.RuneStart(v[len(v)-n]) {
			n--
		}
		out[v] = n
	}
	return out
}

// splitApart cuts v, which shares pre bytes at its start and suf at its
// end with the value it is most like, so that its first differing
// character shows: its start and its end when its end, up to that
// character, fits beside half the room; else its start and the text from
// a little before that character.
func splitApart(v string, w, pre, suf int) Split {
	room := w - 1 // the cells beside "…"
	head := room / 2
	_, size := utf8.DecodeLastRuneInString(v[:len(v)-suf])
	tailNeed := CellWidth(v[len(v)-suf-size:])
	switch {
	case tailNeed <= room-head:
		return tailSplit(v, head, room-head)
	case tailNeed <= room-apartMinWidth/2:
		return tailSplit(v, room-tailNeed, tailNeed)
	}
	head = min(head, apartMinWidth/2)
	return Split{Head: head, From: max(withContext(v, pre, room-head), len(truncate(v, head, "")))}
}

// withContext is where the rest of a cut starts that shows the character
// at byte at in room cells (the last for the "…" of its own cut): up to
// contextCells cells before it, so that it reads as part of a word.
func withContext(v string, at, room int) int {
	_, size := utf8.DecodeRuneInString(v[at:])
	budget := min(contextCells, room-1-CellWidth(v[at:at+size]))
	from := at
	for from > 0 {
		_, size := utf8.DecodeLastRuneInString(v[:from])
		if CellWidth(v[from-size:at]) > budget {
			break
		}
		from -= size
	}
	return from
}

// tailSplit keeps head cells of v's start and tail cells of its end.
func tailSplit(v string, head, tail int) Split {
	from := len(v)
	for from > 0 {
		_, size := utf8.DecodeLastRuneInString(v[:from])
		if CellWidth(v[from-size:]) > tail {
			break
		}
		from -= size
	}
	return Split{Head: head, From: from}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// FitMiddle is Fit with the cut sp (see Apart): text made inert, padded
// to exactly w cells.
func FitMiddle(s string, w int, sp Split) string {
	return Marked{Text: s}.FitMiddle(w, sp).Text
}

// FitMiddle is Fit for marked text with the cut sp: the marks in the
// start and the rest kept stay on their text. A cut worked out for another
// text or a narrower cell is Fit's.
func (m Marked) FitMiddle(w int, sp Split) Marked {
	if sp == (Split{}) || sp.Head < 1 || sp.Head > w-2 || sp.From > len(m.Text) || CellWidth(m.Text) <= w {
		return m.Fit(w)
	}
	head := truncate(m.Text, sp.Head, "")
	rest := Marked{Text: m.Text[sp.From:], Spans: spansWithin(m.Spans, sp.From, len(m.Text))}
	restW := w - CellWidth(head) - 1
	if CellWidth(rest.Text) > restW {
		rest = rest.Fit(restW)
	}
	out := Marked{Text: head, Spans: spansWithin(m.Spans, 0, len(head))}.Plus(Plain("…")).Plus(rest)
	if n := w - CellWidth(out.Text); n > 0 {
		out.Text += strings.Repeat(" ", n)
	}
	return out
}
