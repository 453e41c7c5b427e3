package remote

import (
	"slices"
	"strings"
	"testing"
)

// The hosts of an answer come back sorted, at most max of them; a row of
// no host is left out; an answer that is not JSON is an error.
func TestParseHosts(t *testing.T) {
	body := `{"_HOSTNAME":"gw-fra-2"}` + "\n\n" + `{"_HOSTNAME":""}` + "\n" + `{"_HOSTNAME":"gw-ams-1"}` + "\n" + `{"_HOSTNAME":"gw-fra-1"}` + "\n"
	if got, err := parseHosts(strings.NewReader(body), 10); err != nil || !slices.Equal(got, []string{"gw-ams-1", "gw-fra-1", "gw-fra-2"}) {
		t.Errorf("hosts %q, %v", got, err)
	}
	if got, _ := parseHosts(strings.NewReader(body), 1); len(got) != 1 {
		t.Errorf("max 1 gave %q", got)
	}
	if _, err := parseHosts(strings.NewReader("<html>\n"), 10); err == nil {
		t.Errorf("an answer that is not JSON was taken")
	}
}
