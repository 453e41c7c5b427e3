package export

import (
	"bytes"
	"testing"

	"connlog/model"
)

// A service line that logs an id after its key ([connector] user_id:
// 113933) is read as the function user_id and the message 113933: the
// message loses the id in every format, as the line does, with the
// pseudonym the event gave it.
func TestAnIDAfterAFunctionNamedForItIsReplacedInTheMessage(t *testing.T) {
	lines := []string{eventNaming("113933", "205246"), "[INFO] [connector] user_id: 113933",
		"[INFO] [connector] [controller] user_id: 113933 refused"}
	entries := linesEntries(lines...)
	if fn := entries[1].Fields.Value(model.KeyFunction); fn != "user_id" {
		t.Fatalf("the line is read with the function %q, not user_id: %+v", fn, entries[1].Fields)
	}
	for _, f := range redactedFormats {
		if out := exportRedacted(t, NewRedactor(), f, linesEntries(lines...)); bytes.Contains(out, []byte("113933")) {
			t.Errorf("%s export keeps 113933:\n%s", f, out)
		}
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, exportRedacted(t, r, FormatNDJSON, linesEntries(lines...)))
	want := map[string]string{"function": "user_id", "message": r.pseudonym(classUser, "113933")}
	for key, value := range want {
		if got := fieldAt(rows[1]["fields"].(map[string]any), key); got != value {
			t.Errorf("field %s = %v, want %s", key, got, value)
		}
	}
	if got := fieldAt(rows[2]["fields"].(map[string]any), model.KeyMessage); got != want["message"]+" refused" {
		t.Errorf("message = %v, want %s refused", got, want["message"])
	}
}

// A function named for no id leaves a number that opens the message, as
// the line does.
func TestANumberAfterAnotherFunctionIsKept(t *testing.T) {
	lines := []string{eventNaming("113933", "205246"), "[INFO] [connector] queue_len: 113933"}
	if out := exportRedacted(t, NewRedactor(), FormatCSV, linesEntries(lines...)); bytes.Count(out, []byte("113933")) != 1 {
		t.Errorf("CSV export does not keep the count 113933 once:\n%s", out)
	}
}
