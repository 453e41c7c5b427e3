package remote

import (
	"net/http"
	"strings"
	"testing"
)

// A URL given with a path is not served: VictoriaLogs says so with 404 for
// some paths and 400 "unsupported path requested" for others; both are
// told to give the base URL. Another 400 is not.
func TestStatusErrorHintsAtTheBaseURL(t *testing.T) {
	for _, c := range []struct {
		code int
		body string
		hint bool
	}{
		{http.StatusNotFound, "", true},
		{http.StatusBadRequest, `unsupported path requested: "/select/logsql/select/logsql/query"`, true},
		{http.StatusBadRequest, "cannot parse query", false},
	} {
		got := (&StatusError{Store: "http://logs:9428/select/logsql", Code: c.code, Body: c.body}).Error()
		if strings.Contains(got, "base URL") != c.hint {
			t.Errorf("%d %q: %q; want the base URL hint: %v", c.code, c.body, got, c.hint)
		}
	}
}
