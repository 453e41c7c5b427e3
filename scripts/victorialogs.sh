#!/usr/bin/env bash
# Builds the VictoriaLogs server the remote-store tests run against, from its Go module, once.
# Prints the path of the binary. A second run finds it in the cache and builds nothing.
#   VICTORIALOGS_CACHE  where the binary is kept (default: ~/.cache/connlog/victoria-logs-<version>)
set -euo pipefail
version=v1.52.2
dir="${VICTORIALOGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/connlog/victoria-logs-$version}"
bin="$dir/victoria-logs"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  echo "building victoria-logs $version into $dir (once; cached afterwards)" >&2
  GOBIN="$dir" CGO_ENABLED=0 go install "github.com/VictoriaMetrics/VictoriaLogs/app/victoria-logs@$version" >&2
fi
echo "$bin"
