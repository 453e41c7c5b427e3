package remote

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"syscall"
)

// UnreachableError is a request that got no answer: the store is down, the
// address is wrong, a firewall drops it, or TLS failed.
type UnreachableError struct {
	Store string
	// Address is the store's host, port and path, for a URL to suggest.
	Address string
	Err     error
}

// plainHTTPAnswer is the words net/http gives to an https:// request that a
// plain HTTP server answered; it has no error type of its own.
const plainHTTPAnswer = "server gave HTTP response to HTTPS client"

func (e *UnreachableError) Error() string {
	cause := e.Err
	var ue *url.Error
	if errors.As(cause, &ue) {
		cause = ue.Err // the method and URL say nothing the store's name does not
	}
	var tlsErr *tls.CertificateVerificationError
	hint := "check the URL, that the store is running and that this host may reach it"
	switch {
	case errors.Is(e.Err, syscall.ECONNREFUSED):
		hint = "nothing listens there: is the store running, and is the port right?"
	case errors.As(e.Err, &tlsErr):
		hint = "the server's certificate is not trusted: give the CA that signed it with --ca-file (or, knowingly, --insecure)"
	case strings.Contains(e.Err.Error(), plainHTTPAnswer):
		hint = "the store speaks plain HTTP: use http://" + e.Address
	}
	if timedOut(e.Err) {
		return fmt.Sprintf("cannot reach %s: it did not answer in time — is the store hung or overloaded?", e.Store)
	}
	return fmt.Sprintf("cannot reach %s: %v — %s", e.Store, cause, hint)
}

// timedOut reports whether a request gave up waiting for an answer: the
// server took the connection (or the request) and sent nothing back.
func timedOut(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "timeout awaiting response headers")
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// baseURLHint is said of an answer that the URL asked for is not served:
// the usual cause is a URL given with a path, to which connlog adds its own.
const baseURLHint = " — is the URL the store's base URL (without /select/…)?"

// StatusError is an answer other than 200 OK.
type StatusError struct {
	Store string
	Code  int
	Body  string
	// Given describes the credentials sent (Auth.given), "" when none were.
	Given string
}

func (e *StatusError) Error() string {
	hint := ""
	switch e.Code {
	case http.StatusUnauthorized, http.StatusForbidden:
		hint = refusalHint(e.Code, e.Given)
	case http.StatusNotFound:
		hint = baseURLHint
	case http.StatusBadRequest:
		// VictoriaLogs answers a path it does not serve with 400
		// "unsupported path requested", not 404.
		if strings.Contains(e.Body, "unsupported path") {
			hint = baseURLHint
		}
	}
	body := ""
	switch {
	case looksLikeHTML(e.Body) && (e.Code == http.StatusUnauthorized || e.Code == http.StatusForbidden):
		// a proxy's page in front of the store: the credentials are the matter
	case looksLikeHTML(e.Body):
		hint = " (a web page): the server there does not look like VictoriaLogs — check the URL's host, port and path"
	case e.Body != "":
		body = ": " + e.Body
	}
	return fmt.Sprintf("%s answered %d %s%s%s", e.Store, e.Code, http.StatusText(e.Code), body, hint)
}

// refusalHint says what to do about a 401 or 403: give credentials when
// none were sent; otherwise which ones the store refused, and what to check.
func refusalHint(code int, given string) string {
	switch {
	case given == "":
		return " — set CONNLOG_VICTORIALOGS_TOKEN_FILE (bearer token) or CONNLOG_VICTORIALOGS_USER and CONNLOG_VICTORIALOGS_PASSWORD_FILE"
	case code == http.StatusForbidden:
		return " — the store refused access to the credentials given (" + given +
			"): check that they may query logs there (the rules of the store or of the proxy in front of it)"
	}
	return " — the store refused the credentials given (" + given +
		"): check the user name and password, or that the token is current, and that the store expects this kind (bearer token or user and password)"
}

// retryable reports whether an error may go away by itself: the store is
// unreachable or overloaded, or the stream broke off. A refusal (4xx) will not.
func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests
	}
	return true
}

// looksLikeHTML reports whether an answer's body is a web page, which a
// server other than the store sends (another service on the port, a
// proxy's error page): its markup says nothing a user can act on.
func looksLikeHTML(body string) bool {
	head := strings.ToLower(body[:min(len(body), 64)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}
