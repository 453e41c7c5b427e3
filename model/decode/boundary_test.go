package decode

import "testing"

func TestPartStart(t *testing.T) {
	const ts = "2026-02-10T08:00:00.1Z"
	cases := []struct {
		name, prev, line string
		entry, timed     bool
	}{
		{"after a CRI piece", ts + " stderr P [DEBUG] [libsdwan] part one", ts + " stderr F part two", false, false},
		{"after a whole CRI line", ts + " stderr F [DEBUG] [libsdwan] one", ts + " stderr F [DEBUG] [libsdwan] two", true, true},
		{"after the other stream's line", ts + " stderr F [WARN] [libsdwan] between", ts + " stdout F the last piece of a stdout line", false, false},
		{"after the other stream's docker json-file line", `{"log":"[WARN] between\n","stream":"stderr","time":"` + ts + `"}`,
			`{"log":"end\n","stream":"stdout","time":"` + ts + `"}`, false, false},
		{"after a docker json-file piece", `{"log":"[DEBUG] part one","stream":"stderr","time":"` + ts + `"}`,
			`{"log":"part two\n","stream":"stderr","time":"` + ts + `"}`, false, false},
		{"after a whole docker json-file line", `{"log":"[DEBUG] one\n","stream":"stderr","time":"` + ts + `"}`,
			`{"log":"[DEBUG] two\n","stream":"stderr","time":"` + ts + `"}`, true, true},
		{"a JSON document's second line", "{", `  "time": "` + ts + `",`, false, false},
		{"a JSON document's inner line", `  "id": 1,`, `  "note": "x"`, false, false},
		{"a JSON document's last line", `  "note": "x"`, "}", false, false},
		{"an array's last line", `  2`, "]", false, false},
		{"a one-line JSON object with a time", `{"id": 1}`, `{"id": 2, "time": "` + ts + `"}`, true, true},
		{"a one-line JSON object without a time", `{"id": 1}`, `{"id": 2}`, true, false},
		{"an indented block's line", "[2026-02-10T08:00:00Z] worker failed:", "  step one", false, false},
		{"a tab-indented line", "Traceback (most recent call last):", "\tat x", false, false},
		{"after an indented block", "  step two", "[2026-02-10T08:00:01Z] worker done", true, true},
		{"docker-ts service lines", ts + " [INFO] [connector] one", ts + " [INFO] [connector] two", true, true},
		{"a service line without a time", "[INFO] [connector] one", "[INFO] [connector] two", true, false},
		{"an event with its own time", "[INFO] [connector] one", `ANALYTICS {"event_type": "established_connection", "timestamp": 1770710400297}`, true, true},
		{"an empty line", "x", "", true, false},
		{"hostile bytes", "\xff\x00{\"log\":\"", "\x00\xff", true, false},
	}
	for _, c := range cases {
		if entry, timed := New(0, Options{}).PartStart([]byte(c.prev), []byte(c.line)); entry != c.entry || timed != c.timed {
			t.Errorf("%s: PartStart(%q, %q) = %v, %v, want %v, %v", c.name, c.prev, c.line, entry, timed, c.entry, c.timed)
		}
	}
}
