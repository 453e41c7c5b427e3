package theme

import "connlog/model"

// Commas formats n with thousands separators: 1,234,567.
func Commas(n int64) string { return model.Commas(n) }
