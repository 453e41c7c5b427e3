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

// hostSeen remembers the host of e for the manifest's "host", in order of
// first appearance, when the caller did not name it.
func (m *manifest) hostSeen(e *model.Entry) {
	if m.hostNamed || len(m.seenHosts) >= maxManifestHosts {
		return
	}
	h := e.Origin.HostName()
	if h == "" || len(m.seenHosts) > 0 && m.seenHosts[len(m.seenHosts)-1] == h || slices.Contains(m.seenHosts, h) {
		return
	}
	m.seenHosts = append(m.seenHosts, h)
}

// hostText is the manifest's "host": the caller's, or the hosts the
// entries named, comma-separated as the interface writes them.
func (m *manifest) hostText() string {
	if m.hostNamed {
		return m.Host
	}
	return strings.Join(m.seenHosts, ", ")
}
