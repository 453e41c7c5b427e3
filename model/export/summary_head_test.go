package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"connlog/model"
)

// TestSummaryHeadIsTheStartOfTheSummary: cut at any limit, the summary of
// an entry with a huge field is the start of its whole summary, as long as
// the limit asks or longer, and says whether it is whole; a character or
// a stand-in is never split.
func TestSummaryHeadIsTheStartOfTheSummary(t *testing.T) {
	huge := strings.Repeat("é\x00漢\x1b", 2_000)
	e := &model.Entry{Kind: model.KindAnalytics, Fields: model.Fields{
		model.Str(model.KeyEventType, model.EventFailed), model.Str(model.KeyUserEmail, "bob@example.com"),
		model.Str(model.KeyErrorMessage, "CONNECTION_FAILED: "+huge)}}
	whole := Summary(e)
	for _, limit := range []int{1, 5, 17, 100, 1001, 4096, len(whole) - 1, len(whole) + 10} {
		head, all := SummaryHead(e, limit)
		if !strings.HasPrefix(whole, head) || all != (head == whole) {
			t.Fatalf("limit %d: %q (whole %v) is not the start of the summary", limit, head, all)
		}
		if !utf8.ValidString(head) || strings.Count(head, `\x`) != strings.Count(head, `\x00`) {
			t.Errorf("limit %d: a character or a stand-in split: %q", limit, head[max(len(head)-8, 0):])
		}
		if !all && len(head) < limit-4 {
			t.Errorf("limit %d: only %d bytes", limit, len(head))
		}
	}
	if head, all := SummaryHead(e, 0); head != whole || !all {
		t.Error("limit 0 does not give the whole summary")
	}
}
