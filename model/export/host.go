package export

import (
	"strconv"

	"connlog/model"
)

// EntryHost is the host an entry came from: the envelope's, or the
// journal's _HOSTNAME; "" when neither says.
func EntryHost(e *model.Entry) string {
	if e.Origin.Host == "" && e.Origin.Journal != nil {
		return e.Origin.Journal.Hostname
	}
	return e.Origin.Host
}

// HostsLabel names the hosts of a set of entries for a file name: the one
// host, or "N-hosts" when they come from several; "" when none is known.
func HostsLabel(es []*model.Entry) string {
	first, n := "", 0
	seen := map[string]bool{}
	for _, e := range es {
		h := EntryHost(e)
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		if n == 0 {
			first = h
		}
		n++
	}
	if n > 1 {
		return strconv.Itoa(n) + "-hosts"
	}
	return first
}
