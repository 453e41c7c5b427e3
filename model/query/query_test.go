package query

import (
	"slices"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"words and phrases", `timeout "code 410" user:alice`, "timeout|code 410"},
		{"negated words are not highlighted", "gone -timeout not relay", "gone"},
		{"double negation is positive", "-(-gone)", "gone"},
		{"or branches", "a or b", "a|b"},
		{"duplicates once", "a a A", "a|A"},
		{"regex is not a word", "/a+/", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(mustCompile(t, tt.src).Words(), "|")
			if got != tt.want {
				t.Errorf("Words(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestNeedsRawAndFields(t *testing.T) {
	indexed := func(k string) bool { return k == model.KeyEventType || k == model.KeyUserEmail }
	tests := []struct {
		name, src string
		raw       bool
		fields    bool
	}{
		{"level only", "level>=warn kind:analytics since:5m", false, false},
		{"word", "timeout", true, false},
		{"negated regex", "-/x/", true, false},
		{"indexed field", "event_type:closed*", false, false},
		{"alias also reads phase", "event:closed*", false, true},
		{"alias with an unindexed key", "user:alice", false, true},
		{"unindexed field under not", "-country:DE", false, true},
		{"unit reads only the envelope", "unit=newt", false, false},
		{"ident reads only the envelope", "ident=newt", false, false},
		{"host reads a field too", "host=x", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := mustCompile(t, tt.src)
			if q.NeedsRaw() != tt.raw {
				t.Errorf("NeedsRaw(%q) = %v, want %v", tt.src, q.NeedsRaw(), tt.raw)
			}
			if got, want := q.ReadsOrigin(), strings.Contains(tt.src, "unit") || strings.Contains(tt.src, "host") || strings.Contains(tt.src, "ident"); got != want {
				t.Errorf("ReadsOrigin(%q) = %v, want %v", tt.src, got, want)
			}
			if got := q.NeedsFields(indexed); got != tt.fields {
				t.Errorf("NeedsFields(%q) = %v, want %v", tt.src, got, tt.fields)
			}
		})
	}
}

func TestTimeBounds(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 20, h, m, 0, 0, time.UTC) }
	var open time.Time
	tests := []struct {
		name, src    string
		since, until time.Time
	}{
		{"none", "level>=warn", open, open},
		{"since relative", "since:15m", at(11, 45), open},
		{"until clock", "until:14:05", open, at(14, 5)},
		{"window", "since:10:00 until:11:00 timeout", at(10, 0), at(11, 0)},
		{"tightest of and", "since:9:00 since:10:00 until:11:30 until:11:00", at(10, 0), at(11, 0)},
		{"time compare", "time>10:00 time<=11:00", at(10, 0), at(11, 0)},
		{"time equal", "time=10:00", at(10, 0), at(10, 0)},
		{"loosest of or", "since:10:00 or since:9:00", at(9, 0), open},
		{"or with an unbounded branch", "since:10:00 or level>=warn", open, open},
		{"or of windows", "(since:9:00 until:10:00) or (since:11:00 until:12:00)", at(9, 0), at(12, 0)},
		{"negation bounds nothing", "-since:10:00", open, open},
		{"not equal bounds nothing", "time!=10:00", open, open},
		{"contradiction is kept", "since:11:00 until:10:00", at(11, 0), at(10, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			since, until := mustCompile(t, tt.src).TimeBounds()
			if !since.Equal(tt.since) || !until.Equal(tt.until) {
				t.Errorf("TimeBounds(%q) = %v, %v; want %v, %v", tt.src, since, until, tt.since, tt.until)
			}
		})
	}
}

// Relative times resolve against Options.Now in Options.Location.
func TestCompileOptions(t *testing.T) {
	loc := time.FixedZone("X", -5*3600)
	q, err := Compile("since:14:05", Options{Now: testNow, Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	since, _ := q.TimeBounds()
	// testNow is 12:00 UTC = 07:00 X on the same day; 14:05 X = 19:05 UTC.
	if want := time.Date(2026, 11, 20, 19, 5, 0, 0, time.UTC); !since.Equal(want) {
		t.Errorf("since:14:05 in X = %v, want %v", since, want)
	}
}

// The hot path must not allocate, whatever the query looks at.
func TestMatchDoesNotAllocate(t *testing.T) {
	entries := testEntries()
	queries := []string{"level>=error", "user:alice* level>=warn", "event:closed_connection country:DE rx>1MB",
		"timeout", "münchen", "host:gw* unit=newt", "-relays.ip=1.2.3.4 or since:5m", "*"}
	if !raceEnabled {
		// regexp keeps its matchers in a sync.Pool, which the race detector
		// empties at random; without it, a regex term allocates nothing.
		queries = append(queries, "/code 4\\d\\d/i")
	}
	for _, src := range queries {
		q := mustCompile(t, src)
		allocs := testing.AllocsPerRun(100, func() {
			for i := range entries {
				q.Match(&entries[i].e)
			}
		})
		if allocs != 0 {
			t.Errorf("Match(%q) allocates %.1f times per pass", src, allocs)
		}
	}
}

// A compiled query is shared by goroutines (the view recomputes in a
// command while the UI renders): run matches concurrently under -race.
func TestMatchConcurrent(t *testing.T) {
	q := mustCompile(t, "user:alice* or /code 4\\d\\d/ or timeout")
	entries := testEntries()
	want := make([]bool, len(entries))
	for i := range entries {
		want[i] = q.Match(&entries[i].e)
	}
	done := make(chan []bool)
	for g := 0; g < 4; g++ {
		go func() {
			got := make([]bool, len(entries))
			for i := range entries {
				got[i] = q.Match(&entries[i].e)
			}
			done <- got
		}()
	}
	for g := 0; g < 4; g++ {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent matches %v, want %v", got, want)
		}
	}
}

func TestRequiredWords(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"", nil},
		{"timeout", []string{"timeout"}},
		{`preconnect "code 410" level>=error`, []string{"preconnect", "code 410"}},
		{"a or b", nil},
		{"-a b", []string{"b"}},
		{"(a or b) c", []string{"c"}},
		{"kind:analytics", nil},
		{"/time.*out/ x", []string{"x"}},
	}
	for _, tt := range tests {
		q := mustCompile(t, tt.src)
		got := q.RequiredWords()
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("RequiredWords(%q) = %q, want %q", tt.src, got, want)
		}
	}
}
