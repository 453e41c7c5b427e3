package payload

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"connlog/model"
)

// want is what a test expects of one Result. Only what is set is checked,
// except Err, which must be empty unless errHas says what it must contain.
type want struct {
	kind   model.Kind
	level  model.Level
	time   time.Time         // zero: the result must have no time
	fields map[string]string // key -> first value
	nums   map[string]float64
	all    map[string][]string // repeated keys, every value in order
	absent []string
	errHas string
}

// check compares one result with w and reports every difference.
func check(t *testing.T, got Result, w want) {
	t.Helper()
	if got.Kind != w.kind {
		t.Errorf("kind = %v, want %v", got.Kind, w.kind)
	}
	if got.Level != w.level {
		t.Errorf("level = %v, want %v", got.Level, w.level)
	}
	if !got.Time.Equal(w.time) {
		t.Errorf("time = %v, want %v", got.Time, w.time)
	}
	for k, v := range w.fields {
		f, ok := got.Fields.Get(k)
		if !ok {
			t.Errorf("field %q missing; fields: %v", k, got.Fields)
			continue
		}
		if f.Value != v {
			t.Errorf("field %q = %q, want %q", k, f.Value, v)
		}
	}
	for k, n := range w.nums {
		v, ok := got.Fields.Num(k)
		if !ok || v != n {
			t.Errorf("numeric field %q = %v (numeric %v), want %v", k, v, ok, n)
		}
	}
	for k, vs := range w.all {
		if g := got.Fields.All(k); strings.Join(g, "|") != strings.Join(vs, "|") {
			t.Errorf("all %q = %q, want %q", k, g, vs)
		}
	}
	for _, k := range w.absent {
		if f, ok := got.Fields.Get(k); ok {
			t.Errorf("field %q present (%q), want absent", k, f.Value)
		}
	}
	switch {
	case w.errHas == "" && got.Err != "":
		t.Errorf("unexpected Err %q", got.Err)
	case w.errHas != "" && !strings.Contains(got.Err, w.errHas):
		t.Errorf("Err = %q, want it to contain %q", got.Err, w.errHas)
	}
}

// parseOne parses a payload that must yield exactly one result.
func parseOne(t *testing.T, line string) Result {
	t.Helper()
	rs := Parse([]byte(line), nil)
	if len(rs) != 1 {
		t.Fatalf("Parse yielded %d results, want 1: %+v", len(rs), rs)
	}
	return rs[0]
}

// tableCase is one named payload and what it must yield.
type tableCase struct {
	name string
	line string
	want want
}

func runTable(t *testing.T, cases []tableCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			check(t, parseOne(t, tc.line), tc.want)
		})
	}
}

// ms is an epoch-millisecond time in UTC.
func ms(n int64) time.Time { return time.UnixMilli(n).UTC() }

// rfc parses an RFC 3339 time for expectations; it is independent of the
// parser under test.
func rfc(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("bad expectation %q: %v", s, err)
	}
	return v
}

// fixtureLines reads testdata/payloads/<name>, one payload per line.
func fixtureLines(t testing.TB, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "payloads", name))
	if err != nil {
		t.Fatalf("open fixture: %v", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read fixture %s: %v", name, err)
	}
	if len(lines) == 0 {
		t.Fatalf("fixture %s is empty", name)
	}
	return lines
}

// readTestdata returns a file of this package's testdata.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read testdata: %v", err)
	}
	return b
}
