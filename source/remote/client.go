package remote

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

// Network timeouts. A query may take long on the store's side, so only
// connecting and the first response byte are bounded; a tail's stream has
// no end, and TCP keepalives find a peer that vanished.
const (
	dialTimeout      = 5 * time.Second
	tlsTimeout       = 10 * time.Second
	headerTimeout    = 60 * time.Second
	tcpKeepAlive     = 15 * time.Second
	maxErrorBodySize = 1 << 10
)

// ClientOptions say how to reach a store over HTTPS.
type ClientOptions struct {
	// CAFile is a PEM file of certificate authorities trusted besides the
	// system's roots (--ca-file).
	CAFile string
	// Insecure skips verifying the server's certificate (--insecure).
	Insecure bool
}

// NewHTTPClient returns the client every request to the store goes through:
// TLS with the system roots plus CAFile, no proxy from the environment
// unless the user set one (http.ProxyFromEnvironment), bounded connects.
func NewHTTPClient(o ClientOptions) (*http.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: o.Insecure} //nolint:gosec // only when --insecure is named
	if o.CAFile != "" {
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("read --ca-file: %w", err)
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("--ca-file %s holds no PEM certificate: give the CA certificate that signed the store's", o.CAFile)
		}
		tc.RootCAs = pool
	}
	d := &net.Dialer{Timeout: dialTimeout, KeepAlive: tcpKeepAlive}
	tr := &http.Transport{Proxy: http.ProxyFromEnvironment, DialContext: d.DialContext,
		TLSClientConfig: tc, TLSHandshakeTimeout: tlsTimeout, ResponseHeaderTimeout: headerTimeout,
		MaxIdleConnsPerHost: 2, ForceAttemptHTTP2: true}
	return &http.Client{Transport: tr, CheckRedirect: noRedirect}, nil
}

// noRedirect refuses redirects: a redirect could carry the credentials to
// another host.
func noRedirect(*http.Request, []*http.Request) error {
	return errors.New("the store answered with a redirect: give its final URL")
}

// Auth is how requests prove who is asking: a bearer token, or a user and
// password, never both. The command line reads them from the environment
// or a file, never from a flag value that other users see in ps.
type Auth struct {
	Token    string
	User     string
	Password string
	// From names where the token or password was read (the variable, and
	// the file it names), for a refusal to say which credentials failed.
	From string
}

// given describes the credentials sent, for a refusal to name them without
// their secret; "" when none were.
func (a Auth) given() string {
	from := ""
	if a.From != "" {
		from = " from " + a.From
	}
	switch {
	case a.Token != "":
		return "a bearer token" + from
	case a.User != "" && a.Password != "":
		return fmt.Sprintf("user %q, password%s", a.User, from)
	case a.User != "":
		return fmt.Sprintf("user %q, no password", a.User)
	}
	return ""
}

// apply sets the Authorization header.
func (a Auth) apply(req *http.Request) {
	switch {
	case a.Token != "":
		req.Header.Set("Authorization", "Bearer "+a.Token)
	case a.User != "":
		req.SetBasicAuth(a.User, a.Password)
	}
}
