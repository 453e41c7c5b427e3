package detail

import (
	"strings"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
	"connlog/ui/theme"
)

// TestRawMarksWhatTheDecodedLineMatched: a phrase the search finds only in
// a docker record decoded (`"health" request`, as the table shows it) is
// marked in RAW where the line writes it (`\"health\" request`); a line of
// an envelope that does not escape is marked only where it matches as is.
func TestRawMarksWhatTheDecodedLineMatched(t *testing.T) {
	st := theme.Monochrome()
	raw := `{"log":"[DEBUG] processing \"health\" request from C:\\temp\\x end\n","stream":"stderr","time":"2026-12-05T22:00:00Z"}`
	q, err := query.Compile(`"processing \"health\" request" or "C:\\temp\\x"`, query.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		envelope string
		want     []string
	}{
		{"docker-json", []string{`processing \"health\" request`, `C:\\temp\\x`}},
		{"bare", nil},
	} {
		e := &model.Entry{Seq: 1, Time: base, Kind: model.KindText, Raw: []byte(raw),
			Origin: model.Origin{Offset: -1, Envelope: tc.envelope}}
		card := BuildCard(&st, 200, Input{Entry: e, Location: time.UTC, Terms: q.Finders()})
		rawPart := card[strings.Index(card, "RAW ("):]
		for _, w := range tc.want {
			if !strings.Contains(rawPart, st.Match.Render(w)) {
				t.Errorf("%s: RAW does not mark %q:\n%q", tc.envelope, w, rawPart)
			}
		}
		if tc.want == nil && strings.Contains(rawPart, st.Match.Render("processing")) {
			t.Errorf("%s: RAW marks a phrase the line does not hold:\n%q", tc.envelope, rawPart)
		}
	}
}
