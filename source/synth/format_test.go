package synth

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

func TestAppendRFC3339(t *testing.T) {
	cases := []struct {
		name string
		at   time.Time
	}{
		{"epoch", time.Unix(0, 0)},
		{"leap day", time.Date(2024, 2, 29, 23, 59, 59, 999999999, time.UTC)},
		{"new year", time.Date(2025, 12, 31, 23, 59, 59, 120000000, time.UTC)},
		{"before 1970", time.Date(1969, 7, 20, 20, 17, 40, 5, time.UTC)},
		{"round second", time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkRFC3339(t, c.at.UnixNano())
		})
	}
}

func checkRFC3339(t *testing.T, ns int64) {
	t.Helper()
	at := time.Unix(0, ns).UTC()
	if got, want := string(AppendRFC3339(nil, ns, 9, true)), at.Format(time.RFC3339Nano); got != want {
		t.Errorf("trimmed: %s, want %s", got, want)
	}
	if got, want := string(AppendRFC3339(nil, ns, 9, false)), at.Format("2006-01-02T15:04:05.000000000Z07:00"); got != want {
		t.Errorf("fixed 9: %s, want %s", got, want)
	}
	if got, want := string(AppendRFC3339(nil, ns, 6, false)), at.Format("2006-01-02T15:04:05.000000Z07:00"); got != want {
		t.Errorf("fixed 6: %s, want %s", got, want)
	}
}

func FuzzAppendRFC3339(f *testing.F) {
	f.Add(int64(0))
	f.Add(int64(1770710400123456789))
	f.Add(int64(-1))
	f.Fuzz(func(t *testing.T, ns int64) {
		// Years outside 0000-9999 are written as 0000 on purpose; compare
		// only inside that range.
		if y := time.Unix(0, ns).UTC().Year(); y < 1 || y > 9999 || ns == math.MinInt64 {
			return
		}
		checkRFC3339(t, ns)
	})
}

// TestJSONObjectEscapesLineSeparators: the generated JSON fragments go
// through the one JSON string encoder, which escapes U+2028 and U+2029
// (the generator's own copy of it did not).
func TestJSONObjectEscapesLineSeparators(t *testing.T) {
	out := jsonObject("resource", "address", "a\u2028b\u2029c")
	if strings.ContainsAny(string(out), "\u2028\u2029") || !strings.Contains(string(out), `a\u2028b\u2029c`) {
		t.Fatalf("jsonObject wrote %q: want U+2028 and U+2029 escaped", out)
	}
	var back map[string]map[string]string
	if err := json.Unmarshal(append(append([]byte("{"), out...), '}'), &back); err != nil || back["resource"]["address"] != "a\u2028b\u2029c" {
		t.Fatalf("%s reads back as %v, %v", out, back, err)
	}
}
