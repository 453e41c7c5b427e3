package remote

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"connlog/model"
	"connlog/source/remote/vltest"
)

// holdingProxy passes requests to the store, and while hold is set it holds
// the live tails' answers for good: it accepts them and sends nothing more,
// as a proxy with a stuck upstream connection does. Queries pass.
type holdingProxy struct {
	hold atomic.Bool
	rp   *httputil.ReverseProxy
}

func startHoldingProxy(t *testing.T, srv *vltest.Server) (*holdingProxy, string) {
	t.Helper()
	target, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	p := &holdingProxy{rp: httputil.NewSingleHostReverseProxy(target)}
	p.rp.FlushInterval = -1
	p.rp.ErrorLog = log.New(io.Discard, "", 0) // a held tail ends with a broken copy
	ts := httptest.NewServer(p)
	t.Cleanup(ts.Close)
	return p, ts.URL
}

func (p *holdingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == vlTailPath {
		w = &heldWriter{ResponseWriter: w, p: p, ctx: r.Context()}
	}
	p.rp.ServeHTTP(w, r)
}

// heldWriter writes nothing more once its proxy held it, until the request
// ends: a stuck connection does not recover by itself.
type heldWriter struct {
	http.ResponseWriter
	p     *holdingProxy
	ctx   context.Context
	stuck bool
}

func (h *heldWriter) wait() error {
	if h.p.hold.Load() {
		h.stuck = true
	}
	if !h.stuck {
		return nil
	}
	<-h.ctx.Done()
	return h.ctx.Err()
}

func (h *heldWriter) WriteHeader(code int) {
	if h.wait() == nil {
		h.ResponseWriter.WriteHeader(code)
	}
}

func (h *heldWriter) Write(b []byte) (int, error) {
	if err := h.wait(); err != nil {
		return 0, err
	}
	return h.ResponseWriter.Write(b)
}

func (h *heldWriter) Flush() {
	if h.wait() == nil {
		h.ResponseWriter.(http.Flusher).Flush()
	}
}

// A tail that a proxy holds (open or being opened) while the store answers
// is reopened, and what the store took meanwhile arrives, once; a tail
// opens again when the proxy lets it through.
func TestATailAProxyHoldsIsReopened(t *testing.T) {
	t.Parallel()
	srv := vltest.Start(t)
	dir := t.TempDir()
	hosts := []string{"gw-fra-1", "gw-nyc-1"}
	p, proxyURL := startHoldingProxy(t, srv)
	client, err := NewHTTPClient(ClientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewVictoriaLogs(proxyURL, client, Auth{})
	if err != nil {
		t.Fatal(err)
	}
	f := startFollower(t, b, Selection{Units: []string{"twingate-connector.service"}})
	want := shipNow(t, srv, dir, "before", hosts, 3)
	f.collect(want, 0)
	p.hold.Store(true)
	for _, tag := range []string{"held-1", "held-2"} {
		want = append(want, shipNow(t, srv, dir, tag, hosts, 3)...)
		f.collect(want, 0)
	}
	if !f.waitState(model.StateDown, testDeadline) {
		t.Errorf("state while the proxy holds the tail: %q, want it down", f.src.State())
	}
	p.hold.Store(false)
	f.waitFollowing()
	want = append(want, shipNow(t, srv, dir, "after", hosts, 3)...)
	f.collect(want, 2*time.Second)
	f.exactlyOnce(want)
	if st := f.src.State(); st != "live" {
		t.Errorf("state after the proxy lets the tail through: %q, want live", st)
	}
}
