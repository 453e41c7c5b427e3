package theme

import (
	"fmt"
	"strings"
	"testing"
)

// fitAll fits each value as a column would with the cuts Apart chose.
func fitAll(values []string, w int) []string {
	heads := Apart(values, w)
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = FitMiddle(v, w, heads[i])
	}
	return out
}

// TestApartTellsValuesApart: values that Fit would cut to the same text
// show differently, each exactly w cells wide; values that fit, and cut
// values that collide with nothing, show as Fit shows them.
func TestApartTellsValuesApart(t *testing.T) {
	const a = "svc-deploy-automation-account.eu-west-1.team-a@corp.example.com"
	const b = "svc-deploy-automation-account.eu-west-1.team-b@corp.example.com"
	cases := []struct {
		name   string
		values []string
	}{
		{"differ near the end", []string{a, b, "alice@x"}},
		{"differ in the middle", []string{"gw-fra-1.connectors.eu-west-1.corp.example.com", "gw-fra-2.connectors.eu-west-1.corp.example.com"}},
		{"differ after the start, long", []string{"connector-prod-01-" + strings.Repeat("x", 80), "connector-prod-02-" + strings.Repeat("x", 80)}},
		{"three alike, one apart", []string{a, b, strings.Replace(a, "team-a", "team-c", 1), "someone-else-entirely-with-a-long-name@corp.example.com"}},
		{"wide characters", []string{"東京データセンター接続ユーザー第一号@例え.jp", "東京データセンター接続ユーザー第二号@例え.jp"}},
	}
	for _, c := range cases {
		for _, w := range []int{6, 12, 15, 20, 28, 40} {
			t.Run(fmt.Sprint(c.name, "/", w), func(t *testing.T) {
				shown := fitAll(c.values, w)
				seen := map[string]string{}
				for i, s := range shown {
					if got := CellWidth(s); got != w {
						t.Errorf("%q shows %d cells wide (%q); want %d", c.values[i], got, s, w)
					}
					if other, ok := seen[s]; ok && other != c.values[i] && w >= 12 {
						t.Errorf("%q and %q both show as %q", other, c.values[i], s)
					}
					seen[s] = c.values[i]
					if collides(c.values, i, w) {
						continue
					}
					if want := Fit(c.values[i], w); s != want {
						t.Errorf("%q, which collides with nothing, shows as %q; want %q as Fit", c.values[i], s, want)
					}
				}
			})
		}
	}
}

// collides says whether Fit shows values[i] as it shows another value.
func collides(values []string, i, w int) bool {
	for j, v := range values {
		if j != i && v != values[i] && Fit(v, w) == Fit(values[i], w) {
			return true
		}
	}
	return false
}

// TestApartKeepsStartAndEnd: the cut keeps the start and the end around
// "…", as the on-call engineer reads a mailbox.
func TestApartKeepsStartAndEnd(t *testing.T) {
	values := []string{
		"svc-deploy-automation-account.eu-west-1.team-a@corp.example.com",
		"svc-deploy-automation-account.eu-west-1.team-b@corp.example.com",
	}
	got := fitAll(values, 40)
	for i, s := range got {
		if !strings.HasPrefix(s, "svc-deploy-") || !strings.HasSuffix(s, values[i][len(values[i])-20:]) || !strings.Contains(s, "…") {
			t.Errorf("%q shows as %q; want its start, …, its end", values[i], s)
		}
	}
}

// TestApartAlikeValues: one value listed twice is one value: it keeps
// Fit's cut.
func TestApartAlikeValues(t *testing.T) {
	v := strings.Repeat("same-long-value-", 5)
	if splits := Apart([]string{v, v}, 20); splits[0] != (Split{}) || splits[1] != (Split{}) {
		t.Errorf("a value alike to itself is cut in the middle: %v", splits)
	}
}

// TestMarkedFitMiddle: the marks in the start and the end kept stay on
// their text.
func TestMarkedFitMiddle(t *testing.T) {
	m := Marked{Text: "abcdefghijklmnopqrstuvwxyz", Spans: [][2]int{{1, 3}, {10, 12}, {23, 25}}}
	got := m.FitMiddle(11, Split{Head: 5, From: 21})
	if got.Text != "abcde…vwxyz" {
		t.Fatalf("text %q", got.Text)
	}
	var marked []string
	for _, sp := range got.Spans {
		marked = append(marked, got.Text[sp[0]:sp[1]])
	}
	if fmt.Sprint(marked) != "[bc xy]" {
		t.Errorf("marked %v; want [bc xy]", marked)
	}
	if plain := m.FitMiddle(11, Split{}); plain.Text != Fit(m.Text, 11) {
		t.Errorf("the zero Split gives %q; want Fit's %q", plain.Text, Fit(m.Text, 11))
	}
}

// TestApartRepeatedValues: a value listed on many rows (a user's every
// connection) is cut the same on each, apart from the others.
func TestApartRepeatedValues(t *testing.T) {
	a := "svc-deploy-automation-account.eu-west-1.team-a@corp.example.com"
	b := strings.Replace(a, "team-a", "team-b", 1)
	var values []string
	for i := 0; i < 50; i++ {
		values = append(values, a, b, "alice@corp.example.com")
	}
	shown := fitAll(values, 30)
	for i, s := range shown {
		if s != shown[i%3] {
			t.Fatalf("row %d shows %q; its value's first row %q", i, s, shown[i%3])
		}
	}
	if shown[0] == shown[1] || !strings.Contains(shown[0], "…") || shown[2] != Fit(values[2], 30) {
		t.Errorf("shown %q", shown[:3])
	}
}

// FuzzApart: whatever two values of a log, cleaned, their cuts are w cells
// wide, and a value that fits shows as Fit shows it.
func FuzzApart(f *testing.F) {
	f.Add("svc-deploy-automation-account.eu-west-1.team-a@corp.example.com", "svc-deploy-automation-account.eu-west-1.team-b@corp.example.com", 20)
	f.Add("東京データセンター接続ユーザー第一号@例え.jp", "東京データセンター接続ユーザー第二号@例え.jp", 9)
	f.Add("evil\x1b[2J\xff\u202Egnp.exe-aaaaaaaaaaaaaaaa", "evil\x1b[2J\xff\u202Egnp.exe-aaaaaaaaaaaaaaab", 12)
	f.Fuzz(func(t *testing.T, a, b string, w int) {
		w = w%64 + 1
		if w < 1 {
			w += 64
		}
		values := []string{Clean(a), Clean(b)}
		for i, s := range fitAll(values, w) {
			if got := CellWidth(s); got != w && CellWidth(Fit(values[i], w)) == w {
				t.Errorf("%q cut to %d cells shows %d: %q", values[i], w, got, s)
			}
			if CellWidth(values[i]) <= w && s != Fit(values[i], w) {
				t.Errorf("%q fits %d cells but shows %q", values[i], w, s)
			}
		}
	})
}
