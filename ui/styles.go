package ui

import "connlog/ui/theme"

// stylesFor picks the styles for a configuration.
func stylesFor(cfg Config) theme.Styles {
	if cfg.NoColor {
		return theme.Monochrome()
	}
	return theme.Default()
}
