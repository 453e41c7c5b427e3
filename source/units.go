package source

// NormalizeJournalUnit turns a unit name as the user typed it (-u) into the
// _SYSTEMD_UNIT value it means: "twingate-connector" becomes
// "twingate-connector.service"; globs are left as they are. Remote stores
// of journals match on the same values.
func NormalizeJournalUnit(name string) string { return normalizeJournalUnit(name) }
