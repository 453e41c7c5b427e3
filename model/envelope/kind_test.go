package envelope

import "testing"

func TestParseKind(t *testing.T) {
	cases := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"bare", Bare, true},
		{"Docker-JSON", DockerJSON, true},
		{" json-file ", DockerJSON, true},
		{"docker-ts", DockerTS, true},
		{"cri", CRI, true},
		{"k8s", CRI, true},
		{"syslog", Syslog, true},
		{"short-iso", Syslog, true},
		{"journal-json", JournalJSON, true},
		{"newt", Newt, true},
		{"compose", Compose, true},
		{"", Bare, false},
		{"xml", Bare, false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ParseKind(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ParseKind(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// Every kind's name must parse back to the kind, so that Reparse can find an
// entry's envelope from its name.
func TestKindNamesRoundTrip(t *testing.T) {
	for _, k := range Kinds() {
		got, ok := ParseKind(k.String())
		if !ok || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), got, ok)
		}
	}
	if Kind(200).String() != "bare" {
		t.Errorf("out-of-range kind is %q", Kind(200).String())
	}
}
