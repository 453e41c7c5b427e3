package export

import (
	"slices"
	"strings"

	"connlog/model"
)

// maxManifestHosts bounds the hosts a manifest names when the caller named
// none (a headless export learns them as it reads): a fleet's count per
// host is in "hosts".
const maxManifestHosts = 64

// hostSeen remembers the host of e: the manifest's "host" when the caller
// did not name it, and whether the entries came from several hosts (see
// severalHosts).
func (m *manifest) hostSeen(e *model.Entry) {
	h := e.Origin.HostName()
	if h != "" && e.Origin.Journal != nil {
		m.hostOutsideRaw = true
	}
	if len(m.seenHosts) >= maxManifestHosts {
		return
	}
	if h == "" || len(m.seenHosts) > 0 && m.seenHosts[len(m.seenHosts)-1] == h || slices.Contains(m.seenHosts, h) {
		return
	}
	m.seenHosts = append(m.seenHosts, h)
}

// hostText is the manifest's "host": the caller's, or the hosts the
// entries named, sorted, comma-separated as the interface writes them.
func (m *manifest) hostText() string {
	if m.hostNamed {
		return m.Host
	}
	return strings.Join(slices.Sorted(slices.Values(m.seenHosts)), ", ")
}

// severalHosts reports whether the entries came from more than one host,
// or may have (a fleet: Options.Hosts): each entry's host then matters,
// which raw.log does not keep.
func (m *manifest) severalHosts() bool {
	return m.Hosts != nil || len(m.seenHosts) > 1
}

// reopened is the member the reopen command reads: raw.log, the lines as
// read, or entries.ndjson, which keeps each entry's host, when raw.log
// would lose it: the entries come from several hosts (severalHosts), or
// from a journal or a log store, whose lines do not name their host. The
// reopened view then shows the hosts, and a query on the host selects the
// same entries.
func (m *manifest) reopened() string {
	if m.severalHosts() || m.hostOutsideRaw {
		return bundleNDJSON
	}
	return bundleRaw
}
