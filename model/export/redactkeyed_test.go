package export

import "testing"

// A learned id made of digits is replaced where a key names what it is
// (user=113933, device 205246, "device_id": 205246): a connector's
// commonest lines write users and devices so, beside the peer's address,
// and a bare number elsewhere (a count) stays.
func TestLearnedNumericIDsAreReplacedAfterTheirKey(t *testing.T) {
	k := newKnownValues()
	if err := k.add([]secret{{class: classUser, value: "113933", pseudo: "user-U"},
		{class: classDevice, value: "205246", pseudo: "device-D"}}); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"policy::evaluate: user=113933 device=205246 -> allow": "policy::evaluate: user=user-U device=device-D -> allow",
		"new peer ip-x:51820 for device 205246":                "new peer ip-x:51820 for device device-D",
		"user_id=113933, device_id: 205246":                    "user_id=user-U, device_id: device-D",
		"acked=113933 count 205246 user=205246":                "acked=113933 count 205246 user=205246",
	} {
		if got := k.replaceIDs(in); got != want {
			t.Errorf("replaceIDs(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}
