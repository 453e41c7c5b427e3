package main

import (
	"runtime/debug"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	info := func(main string, settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Version: main}, Settings: settings}, true
		}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "64c0593a1b2c3d4e5f60718293a4b5c6d7e8f901"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	tests := []struct {
		name, set string
		read      func() (*debug.BuildInfo, bool)
		want      string
	}{
		{"set by the linker", "v1.2.3-4-gabc", info("v9.9.9", rev), "v1.2.3-4-gabc"},
		{"go install of a tag", "dev", info("v1.4.0"), "v1.4.0"},
		{"go build in a checkout", "dev", info("(devel)", rev), "dev-64c0593a1b2c"},
		{"with changes", "dev", info("(devel)", rev, dirty), "dev-64c0593a1b2c-modified"},
		{"no build info", "dev", none, "dev"},
		{"no vcs info", "dev", info("(devel)"), "dev"},
	}
	for _, tt := range tests {
		if got := buildVersion(tt.set, tt.read); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
