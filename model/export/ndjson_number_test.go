package export

import (
	"encoding/json"
	"testing"

	"connlog/model"
)

// The interface numbers the head of a file opened tail first with
// negative Seqs; Options.Number writes every Seq, an entry's and its
// partner's, as the entry's place in the input, as a headless export does.
func TestNDJSONWritesSeqsAsNumbered(t *testing.T) {
	e := analyticsEntry()
	e.Seq = -7
	opts := Options{Format: FormatNDJSON, Pairs: pairs{-7: {ID: "e755ba99988db558-24", Partner: -9}},
		Number: func(seq int64) int64 { return seq + 100 }}
	got := decodeNDJSON(t, encode(t, []*model.Entry{e}, opts))
	if got[0]["seq"] != json.Number("93") {
		t.Errorf("seq = %v, want 93 (Number of -7)", got[0]["seq"])
	}
	if p := got[0]["pair"].(map[string]any); p["partner"] != json.Number("91") {
		t.Errorf("partner = %v, want 91 (Number of -9)", p["partner"])
	}
	if got := decodeNDJSON(t, encode(t, []*model.Entry{e}, Options{Format: FormatNDJSON})); got[0]["seq"] != json.Number("-7") {
		t.Errorf("without Number: seq = %v, want the Seq, -7", got[0]["seq"])
	}
}
