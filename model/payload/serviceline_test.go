package payload

import (
	"bytes"
	"reflect"
	"testing"

	"connlog/model"
)

func TestServiceLine(t *testing.T) {
	for _, tc := range []struct{ name, line, want string }{
		{"a service line", "[INFO] [connector] tick 1", "[INFO] [connector] tick 1"},
		{"microseconds", "2026-12-06T01:00:00.123456Z [INFO] [connector] tick 1", "[INFO] [connector] tick 1"},
		{"date and time", "2026-12-06 01:00:00 [ERROR] [connector] relay down", "[ERROR] [connector] relay down"},
		{"an offset", "2026-12-06T02:00:00+01:00  [WARN] [libsdwan] a::b: c", "[WARN] [libsdwan] a::b: c"},
		{"a colon after the time", "2026-12-06T01:00:00Z: [INFO] x", "[INFO] x"},
		{"go time.String", "2026-12-06 02:00:00.15434599 +0100 CET [INFO] x", "[INFO] x"},
		{"coloured", "2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [connector] relay down", "[ERROR] [connector] relay down"},
		{"the client's time", "[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] updated. [A.b]", "[DEBUG] [client] updated. [A.b]"},
		{"a time alone", "2026-12-06T01:00:00Z", "2026-12-06T01:00:00Z"},
		{"a time before text", "2026-12-06T01:00:00Z INF x", "2026-12-06T01:00:00Z INF x"},
		{"a number", "42 [INFO] x", "42 [INFO] x"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ServiceLine([]byte(tc.line)); string(got) != tc.want {
				t.Fatalf("%q: %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

// FuzzServiceLine: ServiceLine is the end of the line without its colours,
// and for a service line that opens with its writer's time, it is the line
// Parse read: parsed alone it gives the same level and fields.
func FuzzServiceLine(f *testing.F) {
	for _, s := range []string{"2026-12-06T01:00:00.123456Z [INFO] [connector] tick 1", "2026-12-06 01:00:01 \x1b[31m[ERROR]\x1b[0m [c] x",
		"[2025-11-01T14:06:16Z] [INFO] [client] y [A.b]", "2022-03-24 12:28:45.15434599 +0100 CET [WARN] z", "1 [", "[INFO] a"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		plain := WithoutColour(p)
		got := ServiceLine(p)
		if !bytes.HasSuffix(plain, got) {
			t.Fatalf("%q: %q is not the end of the line without colours", p, got)
		}
		full := Parse(p, nil)
		if len(plain) == 0 || plain[0] < '0' || plain[0] > '9' || len(full) != 1 || full[0].Kind != model.KindService {
			return
		}
		alone := Parse(got, nil)
		if len(alone) != 1 || alone[0].Level != full[0].Level || !reflect.DeepEqual(alone[0].Fields, full[0].Fields) {
			t.Fatalf("%q: its service line %q parses as %+v, the line as %+v", p, got, alone, full)
		}
	})
}
