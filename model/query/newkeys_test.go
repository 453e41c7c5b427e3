package query

import (
	"testing"

	"connlog/model"
)

// TestClientKeysAreQueryable: the caller of a Twingate client line
// ("[2025-11-01T14:06:16.967866-05:00] [DEBUG] [client] Service state updated.
// [StateAggregationService.set_State]", issue 14's example) and the
// explanation of journalctl's blob placeholder are fields a query names
// like any other, not unknown ones.
func TestClientKeysAreQueryable(t *testing.T) {
	client := model.Entry{Kind: model.KindService, Fields: model.Fields{
		model.Str(model.KeyModule, "client"), model.Str(model.KeyMessage, "Service state updated."),
		model.Str(model.KeyCaller, "StateAggregationService.set_State")}}
	blob := model.Entry{Kind: model.KindText, Raw: []byte("[75B blob data]"), Fields: model.Fields{
		model.Str(model.KeyExplanation, "journalctl printed this placeholder for a 75B message")}}
	for _, tc := range []struct {
		src          string
		client, blob bool
	}{
		{"caller:StateAggregationService.set_State", true, false},
		{"caller:*set_State", true, false},
		{"explanation:*", false, true},
	} {
		q, err := Compile(tc.src, testOpts)
		if err != nil {
			t.Fatalf("Compile(%q): %v", tc.src, err)
		}
		if q.Match(&client) != tc.client || q.Match(&blob) != tc.blob {
			t.Errorf("%q matched client %v, blob %v", tc.src, q.Match(&client), q.Match(&blob))
		}
	}
}
