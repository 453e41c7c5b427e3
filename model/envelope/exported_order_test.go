package envelope

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"connlog/model"
)

// sortKeys writes line as `jq -S -c .` does: every object's keys sorted,
// no space, numbers and strings as they were.
func sortKeys(t *testing.T, line string) string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(line)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(out.Bytes(), []byte("\n")))
}

// TestExportedSortedKeys reads records whose keys another tool reordered
// (`jq -S -c .`): each is still the export's record, and says what it said
// in connlog's order.
func TestExportedSortedKeys(t *testing.T) {
	for name, line := range exportedLines {
		sorted := sortKeys(t, line)
		if k := Detect([]byte(sorted)); k != ConnlogNDJSON {
			t.Errorf("%s sorted: detected %v, want %v\n%s", name, k, ConnlogNDJSON, sorted)
			continue
		}
		want, _ := Decode(ConnlogNDJSON, []byte(line), fuzzContext)
		got, ok := Decode(ConnlogNDJSON, []byte(sorted), fuzzContext)
		if !ok || !reflect.DeepEqual(got.Exported, want.Exported) {
			t.Errorf("%s sorted decodes as\n%+v\nwant\n%+v", name, got.Exported, want.Exported)
		}
	}
}

// TestSortedAppLogNotExported holds the test to connlog's own keys in any
// order: a program's JSON log with seq, time and raw keys, sorted, is its
// own.
func TestSortedAppLogNotExported(t *testing.T) {
	for name, line := range map[string]string{
		"an app's audit log": `{"kind":"login","raw":"x","seq":7,"source":"10.0.0.1","time":"2026-11-20T08:00:01Z","user":"alice"}`,
		"a sorted zerolog":   `{"level":"info","message":"x","raw":"y","seq":1,"time":"2026-11-20T08:00:01Z"}`,
		"flags first":        `{"flags":{},"kind":"text","raw":"x","seq":1,"source":{"name":"a","path":"/x"},"time":null}`,
	} {
		if k := Detect([]byte(line)); k != Bare {
			t.Errorf("%s: detected %v, want bare", name, k)
		}
	}
}

// TestExportedNoNewline reads the flag of a line that ended its input
// without a newline: the line read again keeps it, so that a raw export of
// it ends as the input did.
func TestExportedNoNewline(t *testing.T) {
	line := `{"seq":2,"time":"2026-12-06T13:29:53Z","level":"none","kind":"text","source":{"name":"a.log","host":"","unit":"","ident":"","envelope":"bare","offset":9,"cursor":null,"received":null},"fields":{"message":"line two"},"flags":{"time_inferred":true,"parse_error":false,"truncated":false,"partial":false,"no_newline":true},"raw":"line two"}`
	env, ok := Decode(ConnlogNDJSON, []byte(line), fuzzContext)
	if !ok {
		t.Fatal("the record does not decode")
	}
	if got := env.Exported.LineFlags(); got != model.FlagNoNewline {
		t.Errorf("line flags %b, want FlagNoNewline", got)
	}
}
