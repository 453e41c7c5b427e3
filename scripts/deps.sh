#!/usr/bin/env bash
# Installs the Debian packages connlog needs, only those that are missing.
#   scripts/deps.sh run    what building and running needs (journald headers)
#   scripts/deps.sh test   ... and what the tests need (journal-remote, tmux, zstd)
#   scripts/deps.sh bench  ... and the reference tools of the benchmarks
# Uses sudo only when not root.
set -euo pipefail

need=(libsystemd-dev pkg-config)
case "${1:-run}" in
  run) ;;
  test) need+=(systemd-journal-remote tmux zstd gzip) ;;
  bench) need+=(systemd-journal-remote tmux zstd gzip lnav jq time) ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The end-to-end scripts read CSV and JSON with python3; any python3 on PATH will do.
if [ "${1:-run}" != run ] && ! command -v python3 >/dev/null; then
  missing+=(python3)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root to install: ${missing[*]} (no sudo found)" >&2; exit 1; }
  sudo="sudo"
fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
