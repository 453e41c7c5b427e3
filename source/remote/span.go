package remote

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"time"
)

// vlSpanTimeout bounds the question of Span: it is asked only to explain an
// empty result, and a store slow to answer it must not hold connlog.
const vlSpanTimeout = 10 * time.Second

// Span returns the times of the oldest and newest rows of the hosts and
// units sel names, whatever its window, words and count: what a window
// that selected nothing is compared with. Both are zero when the store
// holds no such row.
func (v *VictoriaLogs) Span(ctx context.Context, sel Selection) (first, last time.Time, err error) {
	ctx, cancel := context.WithTimeout(ctx, vlSpanTimeout)
	defer cancel()
	sel.Since, sel.Until, sel.Newest, sel.Words = time.Time{}, time.Time{}, 0, nil
	q := logsqlFilter(sel) + " | stats min(" + vlFieldTime + ") as first, max(" + vlFieldTime + ") as last"
	resp, err := v.post(ctx, vlQueryPath, url.Values{"query": {q}})
	if err != nil {
		return first, last, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, vlMaxLine))
	if err != nil {
		return first, last, fmt.Errorf("read from %s: %w", v.Name(), err)
	}
	return parseSpan(body)
}

// parseSpan reads the one row of Span's answer, {"first":…,"last":…}; an
// empty answer (no row matched) is a zero span.
func parseSpan(body []byte) (first, last time.Time, err error) {
	var row struct{ First, Last string }
	if body = bytes.TrimSpace(body); len(body) == 0 {
		return first, last, nil
	}
	if err := json.Unmarshal(body, &row); err != nil {
		return first, last, fmt.Errorf("the store's span is not JSON: %w", err)
	}
	if row.First == "" || row.Last == "" {
		return first, last, nil
	}
	if first, err = time.Parse(time.RFC3339Nano, row.First); err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("the store's oldest time %q: %w", row.First, err)
	}
	if last, err = time.Parse(time.RFC3339Nano, row.Last); err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("the store's newest time %q: %w", row.Last, err)
	}
	return first, last, nil
}
