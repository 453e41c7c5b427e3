package export

import (
	"strings"
	"testing"
)

// A user's display name an event gives (user.name) is personal, as the
// user's email is: it becomes the user's pseudonym in the event's field
// and line, and wherever another record writes it whole, under any key (a
// JSON line's "label") or in a service line's text; a longer name that
// merely holds it, or a word of it alone, stays.
func TestRedactUserNameIsLearned(t *testing.T) {
	lines := []string{
		reproLines[0],
		`2026-02-10T08:00:01.000000000Z [INFO] [connector] granted Alice Smith access; Alice Smithson and Alice stay`,
		reproLines[2],
	}
	r := NewRedactor()
	rows := decodeNDJSON(t, redactedWith(t, r, decodeLines(t, lines), FormatNDJSON))
	name := r.pseudonym(classUser, "Alice Smith")
	user := rows[0]["fields"].(map[string]any)["user"].(map[string]any)
	if got := user["name"]; got != name {
		t.Errorf("fields.user.name = %#v, want %q", got, name)
	}
	if got := rows[2]["fields"].(map[string]any)["label"]; got != name {
		t.Errorf("fields.label = %#v, want %q", got, name)
	}
	for i, row := range rows {
		if raw := row["raw"].(string); strings.Contains(raw, "Alice Smith ") || strings.Contains(raw, `Alice Smith"`) {
			t.Errorf("record %d keeps the name:\n%s", i, raw)
		}
	}
	want := "granted " + name + " access; Alice Smithson and Alice stay"
	if msg := rows[1]["fields"].(map[string]any)["message"].(string); msg != want {
		t.Errorf("message = %q, want %q", msg, want)
	}
}
