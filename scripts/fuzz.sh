#!/usr/bin/env bash
# Runs every fuzz target of the module, one at a time, for a while each.
#   scripts/fuzz.sh [DURATION] [PATTERN]
# DURATION is what `go test -fuzztime` takes (default 30s); PATTERN, when given,
# keeps only the targets whose "package name" matches it (a grep -E pattern).
# Go fuzzes one target per invocation, so the targets are listed first (by
# `go test -list`, which sees build tags as the build does) and run in turn.
# The first crash stops the run with a failure; Go writes the crashing input
# to the package's testdata/fuzz, where it becomes a regression seed.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
pattern=${2:-.}
go=${GO:-go}

# `go test -list` prints a package's matching names, then "ok <package> <time>".
listing=$("$go" test -list '^Fuzz' ./...)
mapfile -t targets < <(
	awk '/^Fuzz/ { names[n++] = $1; next }
	     /^ok[ \t]/ { for (i = 0; i < n; i++) print $2, names[i]; n = 0 }' <<<"$listing" |
		grep -E -- "$pattern" || true
)
if [ ${#targets[@]} -eq 0 ]; then
	echo "no fuzz target matches '$pattern'" >&2
	exit 2
fi

for target in "${targets[@]}"; do
	read -r pkg name <<<"$target"
	echo "== $pkg $name ($duration)"
	"$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg"
done
echo "${#targets[@]} fuzz targets ran for $duration each"
