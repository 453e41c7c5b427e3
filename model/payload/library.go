package payload

import (
	"bytes"

	"connlog/model"
)

// Library names for the unleveled lines of the C libraries bundled in the
// connector.
const (
	libraryLibevent = "libevent"
	libraryPubNub   = "pubnub"
)

var (
	prefixLibevent     = []byte("[msg]")
	prefixPubNubResp   = []byte("Response was: ")
	prefixPubNubCore   = []byte("pbcc_")
	wordFailed         = []byte("failed")
	wordAccessDenied   = []byte("AccessDenied")
	pubNubFuncSplitter = []byte(" - ")
)

// parseLibevent reads libevent's evdns lines, "[msg] All nameservers have
// failed": a failure is a warning, anything else ("is back up") info.
func parseLibevent(p []byte, out []Result) []Result {
	text := p[skipBlanks(p, len(prefixLibevent)):]
	msg := string(text[:trimRightBlanks(text, 0)])
	level := model.LevelInfo
	if containsFold(text, wordFailed) {
		level = model.LevelWarn
	}
	return append(out, Result{Kind: model.KindService, Level: level, Fields: model.Fields{
		{Key: model.KeyLibrary, Value: libraryLibevent},
		{Key: model.KeyMessage, Value: msg},
	}})
}

// parsePubNubCore reads the PubNub C core's "pbcc_function - text" lines.
func parsePubNubCore(p []byte, out []Result) []Result {
	s := string(p[:trimRightBlanks(p, 0)])
	fields := make(model.Fields, 0, 3)
	fields = append(fields, model.Field{Key: model.KeyLibrary, Value: libraryPubNub})
	msg := s
	if k := bytes.Index(p, pubNubFuncSplitter); k > 0 && k <= maxFunctionLen && bytes.IndexByte(p[:k], ' ') < 0 {
		fields = append(fields, model.Field{Key: model.KeyFunction, Value: s[:k]})
		msg = s[min(k+len(pubNubFuncSplitter), len(s)):]
	}
	fields = append(fields, model.Field{Key: model.KeyMessage, Value: msg})
	level := model.LevelNone
	if bytes.Contains(p, wordAccessDenied) {
		level = model.LevelWarn
	}
	return append(out, Result{Kind: model.KindService, Level: level, Fields: fields})
}

// parsePubNubResponse reads "Response was: {json}", the PubNub server reply
// the library prints; the reply's scalars are kept as fields.
func parsePubNubResponse(p []byte, out []Result) []Result {
	s := string(p[:trimRightBlanks(p, 0)])
	fl := newFieldList(8, maxGenericFields)
	fl.str(model.KeyLibrary, libraryPubNub)
	fl.str(model.KeyMessage, s)
	r := Result{Kind: model.KindService}
	sc := scanner{s: s, i: len(prefixPubNubResp)}
	if sc.next() == kindObject {
		failed := pubNubReply(&sc, &fl, false)
		if failed {
			r.Level = model.LevelWarn
		}
		r.Err = sc.errText()
	}
	if bytes.Contains(p, wordAccessDenied) {
		r.Level = model.LevelWarn
	}
	r.Fields = fl.fs
	return append(out, r)
}

// pubNubReply walks a PubNub reply object ({"error":true,"status":403,
// "service":"Access Manager","message":"Token is expired."}) into fl and
// reports whether it says error. Its message becomes the entry's message
// only when asked: a "Response was:" line already has the whole text.
func pubNubReply(sc *scanner, fl *fieldList, takeMessage bool) bool {
	failed := false
	sc.object(func(key string) {
		switch key {
		case "message":
			if v := sc.scalar(); takeMessage {
				fl.scalar(model.KeyMessage, v)
			}
		case "error":
			v := sc.scalar()
			failed = v.kind == kindBool && v.text == "true"
			fl.scalar(key, v)
		default:
			flatten(sc, fl, key, 1, maxGenericDepth)
		}
	})
	return failed
}

// parsePubNubJSON reads a bare PubNub reply object printed on its own line
// (seen constantly at log level 3 when a token expires).
func parsePubNubJSON(sc *scanner, out []Result) []Result {
	fl := newFieldList(6, maxGenericFields)
	fl.str(model.KeyLibrary, libraryPubNub)
	r := Result{Kind: model.KindService}
	if pubNubReply(sc, &fl, true) {
		r.Level = model.LevelWarn
	}
	r.Fields, r.Err = fl.fs, sc.errText()
	return append(out, r)
}

// containsFold reports whether p contains the lower-case ASCII word, in any
// case, without allocating.
func containsFold(p, word []byte) bool {
	for i := 0; i+len(word) <= len(p); i++ {
		match := true
		for k := 0; k < len(word); k++ {
			c := p[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[k] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
