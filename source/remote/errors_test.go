package remote

import (
	"context"
	"net/http"
	"net/url"
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

// A 401 or 403 says how to give credentials when none were sent, and
// which ones the store refused when some were, never asking to set what is
// set already.
func TestStatusErrorNamesTheCredentialsRefused(t *testing.T) {
	for _, c := range []struct {
		name string
		code int
		auth Auth
		says string
	}{
		{"none", http.StatusUnauthorized, Auth{}, "set CONNLOG_VICTORIALOGS_TOKEN_FILE"},
		{"user", http.StatusUnauthorized, Auth{User: "ops", Password: "pw-s3cret", From: "CONNLOG_VICTORIALOGS_PASSWORD"},
			`refused the credentials given (user "ops", password from CONNLOG_VICTORIALOGS_PASSWORD)`},
		{"user without a password", http.StatusUnauthorized, Auth{User: "ops"}, `(user "ops", no password)`},
		{"token file", http.StatusUnauthorized, Auth{Token: "t", From: `CONNLOG_VICTORIALOGS_TOKEN_FILE ("/etc/tok")`},
			`refused the credentials given (a bearer token from CONNLOG_VICTORIALOGS_TOKEN_FILE ("/etc/tok"))`},
		{"forbidden", http.StatusForbidden, Auth{Token: "t", From: "CONNLOG_VICTORIALOGS_TOKEN"},
			"refused access to the credentials given (a bearer token from CONNLOG_VICTORIALOGS_TOKEN): check that they may query"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := (&StatusError{Store: "VictoriaLogs at logs:9428", Code: c.code, Given: c.auth.given()}).Error()
			if !strings.Contains(got, c.says) {
				t.Errorf("%q; want it to say %q", got, c.says)
			}
			if c.auth.given() != "" && strings.Contains(got, "set CONNLOG_") {
				t.Errorf("%q asks to set credentials that were given", got)
			}
			if strings.Contains(got, "s3cret") {
				t.Errorf("%q shows the password", got)
			}
		})
	}
}

// Another web server on the port answers with its HTML page: the message
// says the server does not look like the store, not the page.
func TestStatusErrorOfAnHTMLPageSaysItIsNotTheStore(t *testing.T) {
	page := "<!DOCTYPE HTML>\\n<html lang=\"en\">\\n    <head>\\n        <title>Error response</title>\\n    </head><body><p>Message: Unsupported method ('POST').</p></body></html>"
	got := (&StatusError{Store: "VictoriaLogs at 127.0.0.1:39433", Code: http.StatusNotImplemented, Body: page}).Error()
	if strings.Contains(got, "<html") || strings.Contains(got, "DOCTYPE") || !strings.Contains(got, "does not look like VictoriaLogs") {
		t.Errorf("%q; want it to say the server is not the store, without its page", got)
	}
}

// A store that takes the connection and sends nothing until the request
// gives up is said to be hung or overloaded, without Go's words for it.
func TestAStoreThatDoesNotAnswerIsSaidToHang(t *testing.T) {
	err := &UnreachableError{Store: "VictoriaLogs at 127.0.0.1:19428", Address: "127.0.0.1:19428",
		Err: &url.Error{Op: "Post", URL: "http://127.0.0.1:19428/select/logsql/hits", Err: context.DeadlineExceeded}}
	got := err.Error()
	if strings.Contains(got, "deadline") || !strings.Contains(got, "did not answer") || !strings.Contains(got, "hung or overloaded") {
		t.Errorf("%q; want it to say the store did not answer, hung or overloaded", got)
	}
}
