package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"connlog/model"
	"connlog/model/query"
)

// A line a message term would parse is first tested on its row, raw bytes
// and index (query.MayMatchUnparsed, decode.MessageInRaw), and the
// entries of a kind whole in the index are matched on it
// (decode.FieldsWhole): over a store re-reading a generated connector log,
// every view is what the query matches on the lines decoded in full.
func TestUnparsedViewsHoldWhatTheFullLinesMatch(t *testing.T) {
	st, all := fileStore(t, 4000, true, true)
	sn := st.Snapshot()
	if sn.Len() != len(all) {
		t.Fatalf("the store holds %d entries, the full decode %d", sn.Len(), len(all))
	}
	opts := query.Options{Now: testNow, Location: time.UTC}
	for _, src := range []string{"msg:*relay*", `message:"relay*"`, "msg:*Online*", "msg:*online*", "msg:*ONLINE*", "-msg:*relay*",
		"msg:*relay* or user:*", "msg:*rtt=*ms", "msg:*idle* level>=debug", `msg="device=207194 freshness=-98s ok"`,
		"msg:*conn* or user:*", "msg:*conn* module:libsdwan*", `msg:*rtt* /rtt=\d+ms/ -module:*quic*`,
		"msg:*deny* or kind:analytics", "msg:*relay* or module:*relay*", "-msg:*relay* level>=info or user:*"} {
		q, err := query.Compile(src, opts)
		if err != nil {
			t.Fatal(err)
		}
		f := makeModelFilter(q, nil)
		if f.MaybeUnparsed == nil {
			t.Errorf("%q: no test before the parse: the view does not exercise it", src)
		}
		v, err := model.BuildView(context.Background(), sn, f)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for i := range all {
			if q.Match(&all[i]) {
				want = append(want, sn.First()+int64(i))
			}
		}
		if got := builtSeqs(v); !slices.Equal(got, want) {
			t.Errorf("%q: the view holds %d entries, the full lines match %d", src, len(got), len(want))
		}
		if (len(want) == 0 || len(want) == len(all)) != (src == "msg:*ONLINE*") {
			t.Errorf("%q matches %d of %d lines: the query no longer tells lines apart", src, len(want), len(all))
		}
	}
}
