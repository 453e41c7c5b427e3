#!/usr/bin/env bash
# Runs every fuzz target of the module for a while each.
#   scripts/fuzz.sh [DURATION] [PATTERN]
# DURATION is what `go test -fuzztime` takes (default 30s); PATTERN, when given,
# keeps only the targets whose name matches it (a grep -E pattern).
# Go runs one fuzz target per invocation, so targets are found by name and run in turn.
# A failing target stops the run; its crasher is written to the package's testdata/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
pattern=${2:-.}

mapfile -t targets < <(
	grep -rl --include='*_test.go' '^func Fuzz' . |
		while read -r file; do
			dir=$(dirname "$file")
			grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed "s|^func |$dir |"
		done | grep -E -- "$pattern" | sort -u
)
if [ ${#targets[@]} -eq 0 ]; then
	echo "no fuzz target matches '$pattern'" >&2
	exit 2
fi

for target in "${targets[@]}"; do
	read -r dir name <<<"$target"
	echo "== $dir $name ($duration)"
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$dir"
done
echo "${#targets[@]} fuzz targets ran for $duration each"
