package remote

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"connlog/model/inert"
)

// Tuning of the VictoriaLogs backend.
const (
	vlMaxLine         = 16 << 20    // longest response line accepted (one entry as JSON)
	vlTailRefresh     = time.Second // how often the store re-runs a tail
	vlTailDelay       = time.Second // how far behind now a tail reads: the store's ingest latency
	vlTailBatchRows   = 1024        // rows handed on at once from a tail
	vlCheckTimeout    = 10 * time.Second
	vlQueryPath       = "/select/logsql/query"
	vlTailPath        = "/select/logsql/tail"
	vlFieldCount      = "n" // the count CountStreams asks for
	vlDefaultPortHint = "9428"
)

// VictoriaLogs talks to a VictoriaLogs server (single node or vlselect)
// over its HTTP querying API.
type VictoriaLogs struct {
	base   *url.URL
	client *http.Client
	auth   Auth
}

// NewVictoriaLogs returns the backend for the server at rawURL (scheme, host
// and an optional path prefix, e.g. https://logs.example.com/vl).
func NewVictoriaLogs(rawURL string, client *http.Client, auth Auth) (*VictoriaLogs, error) {
	u, err := ParseStoreURL(rawURL)
	if err != nil {
		return nil, err
	}
	return &VictoriaLogs{base: u, client: client, auth: auth}, nil
}

// ParseStoreURL checks a store's URL: http or https, a host, no user or
// password in it (they would show in ps), no query or fragment.
func ParseStoreURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%q is not a URL: give e.g. http://127.0.0.1:%s", rawURL, vlDefaultPortHint)
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("%q: the store's URL starts with http:// or https://", rawURL)
	case u.Host == "":
		return nil, fmt.Errorf("%q names no host: give e.g. http://127.0.0.1:%s", rawURL, vlDefaultPortHint)
	case u.User != nil:
		return nil, fmt.Errorf("the store's URL holds a user or password, which other users can read in ps: " +
			"remove it and set CONNLOG_VICTORIALOGS_USER and CONNLOG_VICTORIALOGS_PASSWORD_FILE instead")
	case u.RawQuery != "" || u.Fragment != "":
		return nil, fmt.Errorf("%q: give the store's base URL without ?query or #fragment", rawURL)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	return u, nil
}

// Name is "VictoriaLogs at host[:port][/prefix]".
func (v *VictoriaLogs) Name() string { return "VictoriaLogs at " + v.Address() }

// Address is "host[:port][/prefix]".
func (v *VictoriaLogs) Address() string { return v.base.Host + v.base.Path }

// Check runs a query that matches nothing, to learn whether the server is
// there and lets us in.
func (v *VictoriaLogs) Check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, vlCheckTimeout)
	defer cancel()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	resp, err := v.post(ctx, vlQueryPath, url.Values{"query": {"_time:>" + now + " | limit 1"}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, vlMaxLine))
	return err
}

// Query streams the rows of one LogsQL query, oldest first.
func (v *VictoriaLogs) Query(ctx context.Context, sel Selection, emit func(Row) error) error {
	resp, err := v.post(ctx, vlQueryPath, url.Values{"query": {logsqlQuery(sel, false)}})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if sel.Newest <= 0 {
		return v.readRows(resp.Body, emit)
	}
	// The newest N come newest first: hold them (N is the user's bound) and
	// hand them on oldest first.
	rows := make([]Row, 0, min(sel.Newest, 4096))
	if err := v.readRows(resp.Body, func(r Row) error { rows = append(rows, r); return nil }); err != nil {
		return err
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if err := emit(rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// CountStreams runs the selection's filter with a count per stream.
func (v *VictoriaLogs) CountStreams(ctx context.Context, sel Selection) (map[string]int, error) {
	q := logsqlFilter(sel) + " | stats by (" + vlFieldStreamID + ") count() " + vlFieldCount
	resp, err := v.post(ctx, vlQueryPath, url.Values{"query": {q}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	counts := map[string]int{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 4<<10), vlMaxLine)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var stream, n string
		err := parseFlatObject(sc.Bytes(), func(key, val []byte) {
			switch string(key) {
			case vlFieldStreamID:
				stream = string(val)
			case vlFieldCount:
				n = string(val)
			}
		})
		c, cerr := strconv.Atoi(n)
		if err != nil || cerr != nil {
			return nil, fmt.Errorf("the store sent a line that is not a count (%.80q)", sc.Bytes())
		}
		counts[stream] += c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read from %s: %w", v.Name(), err)
	}
	return counts, nil
}

// Tail follows the store's live tail. The server sends a batch per refresh;
// rows are handed on in batches as they are read.
func (v *VictoriaLogs) Tail(ctx context.Context, sel Selection, startOffset time.Duration, emit func([]Row) error) error {
	form := url.Values{"query": {logsqlQuery(sel, true)},
		"start_offset":     {strconv.FormatInt(max(startOffset, 0).Milliseconds(), 10) + "ms"},
		"offset":           {strconv.FormatInt(vlTailDelay.Milliseconds(), 10) + "ms"},
		"refresh_interval": {strconv.FormatInt(vlTailRefresh.Milliseconds(), 10) + "ms"}}
	resp, err := v.send(ctx, vlTailPath, form, true)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := emit(nil); err != nil { // the store accepted the tail
		return err
	}
	br := bufio.NewReaderSize(resp.Body, 64<<10)
	batch := make([]Row, 0, 64)
	err = v.readRows(&flushReader{br: br, flush: func() error {
		if len(batch) == 0 {
			return nil
		}
		err := emit(batch)
		batch = make([]Row, 0, 64)
		return err
	}}, func(r Row) error {
		batch = append(batch, r)
		if len(batch) >= vlTailBatchRows {
			err := emit(batch)
			batch = make([]Row, 0, 64)
			return err
		}
		return nil
	})
	if err == nil && ctx.Err() == nil {
		err = errors.New("the store closed the live tail")
	}
	return err
}

// flushReader calls flush whenever its buffer runs dry, that is when the
// server has sent everything of one refresh and the next read would block.
type flushReader struct {
	br    *bufio.Reader
	flush func() error
}

func (f *flushReader) Read(p []byte) (int, error) {
	if f.br.Buffered() == 0 {
		if err := f.flush(); err != nil {
			return 0, err
		}
	}
	return f.br.Read(p)
}

// readRows parses NDJSON rows until the body ends.
func (v *VictoriaLogs) readRows(body io.Reader, emit func(Row) error) error {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 64<<10), vlMaxLine)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r, err := parseVLRow(line)
		if err != nil {
			return err
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read from %s: %w", v.Name(), err)
	}
	return nil
}

// post sends a form and returns a 200 response, or an error that says what
// the server answered.
func (v *VictoriaLogs) post(ctx context.Context, path string, form url.Values) (*http.Response, error) {
	return v.send(ctx, path, form, false)
}

// send is post, asking with plain for an uncompressed answer: the store
// sends a compressed answer's headers only with its first rows, so a quiet
// tail would seem never to open, and end at the header timeout.
func (v *VictoriaLogs) send(ctx context.Context, path string, form url.Values, plain bool) (*http.Response, error) {
	u := *v.base
	u.Path += path
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if plain {
		req.Header.Set("Accept-Encoding", "identity")
	}
	v.auth.apply(req)
	resp, err := v.client.Do(req)
	if err != nil {
		return nil, &UnreachableError{Store: v.Name(), Address: v.Address(), Err: err}
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodySize))
	return nil, &StatusError{Store: v.Name(), Code: resp.StatusCode, Body: inert.Sanitize(strings.TrimSpace(string(body))),
		Given: v.auth.given()}
}
