package remote

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
)

// Hosts returns up to max hosts that have rows of the units and window sel
// names, whatever the hosts it names and its words: what a selection of
// hosts that matched none is compared with. It is asked only to explain an
// empty result, and is bounded as Span is.
func (v *VictoriaLogs) Hosts(ctx context.Context, sel Selection, max int) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, vlSpanTimeout)
	defer cancel()
	sel.Hosts, sel.Newest, sel.Words = nil, 0, nil
	q := logsqlFilter(sel) + " | uniq by (" + vlFieldHostname + ") limit " + strconv.Itoa(max)
	resp, err := v.post(ctx, vlQueryPath, url.Values{"query": {q}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	hosts, err := parseHosts(io.LimitReader(resp.Body, vlMaxLine), max)
	if err != nil {
		return nil, fmt.Errorf("read from %s: %w", v.Name(), err)
	}
	return hosts, nil
}

// parseHosts reads the rows of Hosts' answer, {"_HOSTNAME":"gw-fra-1"},
// sorted; a row without a host (entries that name none) is left out.
func parseHosts(body io.Reader, max int) ([]string, error) {
	var hosts []string
	sc := bufio.NewScanner(body)
	for sc.Scan() && len(hosts) < max {
		var row map[string]string
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return nil, fmt.Errorf("the store's hosts are not JSON: %w", err)
		}
		if h := row[vlFieldHostname]; h != "" {
			hosts = append(hosts, h)
		}
	}
	slices.Sort(hosts)
	return hosts, sc.Err()
}
