package remote

import (
	"errors"
	"fmt"
	"net/http"
	"syscall"
)

// UnreachableError is a request that got no answer: the store is down, the
// address is wrong, a firewall drops it, or TLS failed.
type UnreachableError struct {
	Store string
	Err   error
}

func (e *UnreachableError) Error() string {
	hint := "check the URL, that the store is running and that this host may reach it"
	if errors.Is(e.Err, syscall.ECONNREFUSED) {
		hint = "nothing listens there: is the store running, and is the port right?"
	}
	return fmt.Sprintf("cannot reach %s: %v — %s", e.Store, e.Err, hint)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// StatusError is an answer other than 200 OK.
type StatusError struct {
	Store string
	Code  int
	Body  string
}

func (e *StatusError) Error() string {
	hint := ""
	switch e.Code {
	case http.StatusUnauthorized, http.StatusForbidden:
		hint = " — set CONNLOG_VICTORIALOGS_TOKEN_FILE (bearer token) or CONNLOG_VICTORIALOGS_USER and CONNLOG_VICTORIALOGS_PASSWORD_FILE"
	case http.StatusNotFound:
		hint = " — is the URL the store's base URL (without /select/…)?"
	}
	return fmt.Sprintf("%s answered %d %s: %s%s", e.Store, e.Code, http.StatusText(e.Code), e.Body, hint)
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
