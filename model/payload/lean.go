package payload

import (
	"bytes"

	"connlog/model"
)

// ServiceResult reports whether Parse reads p as a Twingate service line
// ("[LEVEL] …") and returns the Result Parse would give it, without its
// Fields. Kind and level come from the first bracket alone, so a reader that
// needs only those (a level filter over raw lines) skips building the
// fields; Parse gives the full Result when it is wanted after all. A
// service Result from Parse always has at least the message field, so a
// service entry without fields is one read this way.
func ServiceResult(p []byte) (Result, bool) {
	if len(p) == 0 || p[0] != '[' || opensJSONArray(p) || bytes.HasPrefix(p, prefixLibevent) {
		return Result{}, false
	}
	end := indexByteWithin(p, ']', 12)
	if end < 0 {
		return Result{}, false
	}
	lvl, ok := serviceLevel(p[1:end])
	if !ok {
		return Result{}, false
	}
	return Result{Kind: model.KindService, Level: lvl}, true
}
