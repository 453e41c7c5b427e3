package envelope

import (
	"fmt"
	"reflect"
	"testing"
)

// journalFieldsOf lists what JournalJSONFields gives of line, "NAME=value"
// each with the value quoted.
func journalFieldsOf(line string) ([]string, bool) {
	var got []string
	ok := JournalJSONFields([]byte(line), func(name, value []byte) {
		got = append(got, fmt.Sprintf("%s=%q", name, value))
	})
	return got, ok
}

// TestJournalJSONFields gives every field of a journalctl -o json line as
// the journal holds it, in the line's order: strings unescaped, byte
// arrays as their bytes, each value of a repeated field, no null.
func TestJournalJSONFields(t *testing.T) {
	const line = `{"__CURSOR":"s=1;i=2","__REALTIME_TIMESTAMP":"1666176817571000","_SELINUX_CONTEXT":"unconfined\n",` +
		`"MESSAGE":[104,105,27,255,10,0],"TAG":["a","b\t\"c\""],"BLOBS":[[1,2],[]],"EMPTY":"","GONE":null,"N":5,` +
		`"CODE_FILE":"src/\u00e9.c"}`
	got, ok := journalFieldsOf(line)
	want := []string{`__CURSOR="s=1;i=2"`, `__REALTIME_TIMESTAMP="1666176817571000"`, `_SELINUX_CONTEXT="unconfined\n"`,
		`MESSAGE="hi\x1b\xff\n\x00"`, `TAG="a"`, `TAG="b\t\"c\""`, `BLOBS="\x01\x02"`, `BLOBS=""`, `EMPTY=""`, `N="5"`,
		`CODE_FILE="src/é.c"`}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("fields (ok %v):\n%q\nwant\n%q", ok, got, want)
	}
}

// TestJournalJSONFieldsNotJournal gives nothing of a line that is not
// journal JSON, or not whole.
func TestJournalJSONFieldsNotJournal(t *testing.T) {
	for name, line := range map[string]string{
		"an app's JSON":  `{"time":"2026-11-20T08:00:01Z","MESSAGE":"x"}`,
		"cut":            `{"__CURSOR":"s=1;i=2","MESSAGE":"x`,
		"text":           `MESSAGE=x`,
		"a broken array": `{"__CURSOR":"s=1;i=2","MESSAGE":[1,2}`,
	} {
		if got, ok := journalFieldsOf(line); ok || len(got) > 0 {
			t.Errorf("%s: fields %q, ok %v", name, got, ok)
		}
	}
}
