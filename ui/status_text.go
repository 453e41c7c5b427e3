package ui

import "connlog/ui/theme"

// commas formats n with thousands separators (see theme.Commas).
func commas(n int64) string { return theme.Commas(n) }
