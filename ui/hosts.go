package ui

import "connlog/model"

// manyHosts reports whether the entries come, or may come, from several
// hosts: a fleet read from a log store, or entries read so far that name
// more than one (a journal of several machines, syslog files of several
// hosts). Then every row shows its host and every export carries it.
func (m Model) manyHosts(sn *model.Snapshot) bool {
	return m.cfg.Fleet || sn.ManyHosts()
}
