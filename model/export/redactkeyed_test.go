package export

import (
	"bytes"
	"context"
	"testing"

	"connlog/model"
)

// A learned id made of digits is replaced where a key names what it is
// (user=113933, device 205246, "device_id": 205246): a connector's
// commonest lines write users and devices so, beside the peer's address,
// and a bare number elsewhere (a count) stays.
func TestLearnedNumericIDsAreReplacedAfterTheirKey(t *testing.T) {
	k := learnedUserAndDevice(t)
	checkReplaced(t, k.replaceIDs, map[string]string{
		"policy::evaluate: user=113933 device=205246 -> allow": "policy::evaluate: user=user-U device=device-D -> allow",
		"new peer ip-x:51820 for device 205246":                "new peer ip-x:51820 for device device-D",
		"user_id=113933, device_id: 205246":                    "user_id=user-U, device_id: device-D",
		"acked=113933 count 205246 user=205246":                "acked=113933 count 205246 user=205246",
	})
}

// The key may be spelled as JSON writes it ("user_id":113933, "device_id":
// 205246: the pseudonym is then a JSON string, so that text which is JSON
// though no JSON reader takes it, nested too deep, stays JSON), with blanks about its '=' (user = 113933) or as a dotted path (user.id=113933, device.id: 205246):
// each names the id as plainly as user=113933 does.
func TestLearnedNumericIDsAreReplacedAfterEverySpellingOfTheirKey(t *testing.T) {
	k := learnedUserAndDevice(t)
	checkReplaced(t, k.replaceIDs, map[string]string{
		`{"user_id":113933,"device_id": 205246}`: `{"user_id":"user-U","device_id": "device-D"}`,
		"user = 113933, device : 205246":         "user = user-U, device : device-D",
		"user.id=113933 device.id: 205246":       "user.id=user-U device.id: device-D",
		`{"USER_ID": 113933}`:                    `{"USER_ID": "user-U"}`,
		// Still kept: another key's number, and an id key of another class.
		`{"bytes":113933,"user_id":205246,"id":113933}`: `{"bytes":113933,"user_id":205246,"id":113933}`,
		"resource.id=113933 user.name=205246":           "resource.id=113933 user.name=205246",
	})
}

// In a JSON document a learned id written as a number is replaced after its
// key, nested ones too ({"user":{"id":113933}}) and those listed under it
// or its plural ({"user":[113933]}, {"users":[{"id":113933}]}), and
// becomes a string, as a pseudonym must; the document stays valid, and
// numbers under other keys are kept.
func TestLearnedNumericIDsInJSONDocumentsAreReplacedUnderTheirKey(t *testing.T) {
	k := learnedUserAndDevice(t)
	redactJSON := func(s string) string { return redactEncoded(s, k.replaceIDs) }
	checkReplaced(t, redactJSON, map[string]string{
		`ANALYTICS {"user_id":113933,"device_id": 205246}`:                      `ANALYTICS {"user_id":"user-U","device_id": "device-D"}`,
		`{"user":{"id":113933,"name":"x"},"device":{"os":"linux","id":205246}}`: `{"user":{"id":"user-U","name":"x"},"device":{"os":"linux","id":"device-D"}}`,
		`{"event":{"user":{"id":113933}}}`:                                      `{"event":{"user":{"id":"user-U"}}}`,
		`{"bytes":113933,"resource":{"id":113933},"ids":[113933]}`:              `{"bytes":113933,"resource":{"id":113933},"ids":[113933]}`,
		// A list under an id's key holds such ids, bare or as objects.
		`{"user":[113933,7],"device":[{"id":205246}]}`: `{"user":["user-U",7],"device":[{"id":"device-D"}]}`,
		`{"users":[{"id":113933}],"devices":[205246]}`: `{"users":[{"id":"user-U"}],"devices":["device-D"]}`,
		`{"user":{"n":{"a":1},"id":113933}}`:           `{"user":{"n":{"a":1},"id":"user-U"}}`,
	})
}

// learnedUserAndDevice returns what an export learns from an event naming
// user 113933 and device 205246.
func learnedUserAndDevice(t *testing.T) knownView {
	t.Helper()
	k := newKnownValues()
	if _, err := k.add([]secret{{class: classUser, value: "113933", pseudo: "user-U"},
		{class: classDevice, value: "205246", pseudo: "device-D"}}); err != nil {
		t.Fatal(err)
	}
	return knownView{knownValues: k, upto: allKnown}
}

// checkReplaced checks that redact makes each text of cases what it maps to.
func checkReplaced(t *testing.T, redact func(string) string, cases map[string]string) {
	t.Helper()
	for in, want := range cases {
		if got := redact(in); got != want {
			t.Errorf("redact(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

// A JSON line's own device_id names a device as its user_id names a user:
// each is replaced in every format, the line's fields included, and
// learned for the lines that name it again, though no event named it.
func TestAJSONLinesDeviceIDIsReplacedLikeItsUserID(t *testing.T) {
	line := `{"user_id":113256,"device_id":200903,"msg":"a4"}`
	own := &model.Entry{Seq: 1, Kind: model.KindJSON, Source: 1, Origin: model.Origin{Offset: 0},
		Raw: []byte(line), Payload: []byte(line),
		Fields: model.Fields{model.Int("user_id", 113256), model.Int("device_id", 200903), model.Str(model.KeyMessage, "a4")}}
	again := textEntry(`policy: device=200903 user=113256 allowed`)
	for _, f := range []Format{FormatRaw, FormatText, FormatNDJSON, FormatCSV, FormatJournal} {
		r := NewRedactor()
		if err := r.Learn(context.Background(), Slice([]*model.Entry{own, again})); err != nil {
			t.Fatal(err)
		}
		out := encode(t, []*model.Entry{own, again}, Options{Format: f, Redact: r})
		for _, id := range []string{"113256", "200903"} {
			if bytes.Contains(out, []byte(id)) {
				t.Errorf("%s output keeps %s:\n%s", f, id, out)
			}
		}
	}
}
