package query

import (
	"slices"

	"connlog/model"
)

// A Linux audit record's hostname= is the remote end of a login (sshd's
// client), not the host that wrote the record: host: reads instead its
// node=, the host a forwarded record came from (besides the envelope's
// host, as for every entry), and hostname: reads the client. An AQtive
// Guard record's hostname is its analyzer's own, and host: reads it.
var linuxAuditHostKeys = []string{model.KeyAuditNode}

// hostContextKeys are the keys a host term reads to tell a Linux audit
// record from the entries whose hostname is theirs (see model.IsLinuxAudit),
// and where such a record names its host: a load for the term rebuilds them.
var hostContextKeys = []string{model.KeyLogType, model.KeyAuditType, model.KeyAuditNode}

// readKeys returns every field key the term reads on some entry.
func (m *fieldMatcher) readKeys() []string {
	if m.attr != AttrHost {
		return m.keys
	}
	keys := slices.Clone(m.keys)
	for _, k := range hostContextKeys {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}
