package decode

import "testing"

func TestBeginsPart(t *testing.T) {
	const ts = "2026-02-10T08:00:00.1Z"
	cases := []struct {
		name, prev, line string
		want             bool
	}{
		{"after a CRI piece", ts + " stderr P [DEBUG] [libsdwan] part one", ts + " stderr F part two", false},
		{"after a whole CRI line", ts + " stderr F [DEBUG] [libsdwan] one", ts + " stderr F [DEBUG] [libsdwan] two", true},
		{"after a docker json-file piece", `{"log":"[DEBUG] part one","stream":"stderr","time":"` + ts + `"}`,
			`{"log":"part two\n","stream":"stderr","time":"` + ts + `"}`, false},
		{"after a whole docker json-file line", `{"log":"[DEBUG] one\n","stream":"stderr","time":"` + ts + `"}`,
			`{"log":"[DEBUG] two\n","stream":"stderr","time":"` + ts + `"}`, true},
		{"a JSON document's second line", "{", `  "time": "` + ts + `",`, false},
		{"a JSON document's inner line", `  "id": 1,`, `  "note": "x"`, false},
		{"a JSON document's last line", `  "note": "x"`, "}", false},
		{"an array's last line", `  2`, "]", false},
		{"a one-line JSON object with a time", `{"id": 1}`, `{"id": 2, "time": "` + ts + `"}`, true},
		{"a one-line JSON object without one", `{"id": 1}`, `{"id": 2}`, false},
		{"an indented block's line", "[2026-02-10T08:00:00Z] worker failed:", "  step one", false},
		{"a tab-indented line", "Traceback (most recent call last):", "\tat x", false},
		{"after an indented block", "  step two", "[2026-02-10T08:00:01Z] worker done", true},
		{"docker-ts service lines", ts + " [INFO] [connector] one", ts + " [INFO] [connector] two", true},
		{"a service line without a time", "[INFO] [connector] one", "[INFO] [connector] two", false},
		{"an event with its own time", "[INFO] [connector] one", `ANALYTICS {"event_type": "established_connection", "timestamp": 1770710400297}`, true},
		{"an empty line", "x", "", false},
		{"hostile bytes", "\xff\x00{\"log\":\"", "\x00\xff", false},
	}
	for _, c := range cases {
		if got := New(0, Options{}).BeginsPart([]byte(c.prev), []byte(c.line)); got != c.want {
			t.Errorf("%s: BeginsPart(%q, %q) = %v, want %v", c.name, c.prev, c.line, got, c.want)
		}
	}
}
