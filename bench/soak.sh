#!/usr/bin/env bash
# Soak test of following a file across rename rotations.
#
# A writer appends numbered lines at SOAK_RATE lines/s (default 20000) for
# SOAK_SECONDS (default 60) to a file in a temporary directory and renames it
# to FILE.1 every SOAK_ROTATE (default 10s), while
#   connlog export --follow --format raw FILE > out
# reads it. At the end it prints the lines written and received and exits
# non-zero unless every line arrived exactly once and in order.
#
# Usage: bench/soak.sh            (from anywhere in the repository)
#        SOAK_SECONDS=15 bench/soak.sh
#        CONNLOG=/path/to/connlog bench/soak.sh   (test a binary already built)
set -euo pipefail

seconds=${SOAK_SECONDS:-60}
rate=${SOAK_RATE:-20000}
rotate=${SOAK_ROTATE:-10s}
catchup=${SOAK_CATCHUP_SECONDS:-10}   # seconds without progress before the reader is stopped

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
reader=
cleanup() {
	if [ -n "$reader" ] && kill -0 "$reader" 2>/dev/null; then
		kill "$reader" 2>/dev/null || true
		wait "$reader" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

cd "$root"
if [ -n "${CONNLOG:-}" ]; then
	cp "$CONNLOG" "$tmp/connlog"
else
	go build -o "$tmp/connlog" ./cmd/connlog
fi
go build -o "$tmp/soakwriter" ./bench/soakwriter

log=$tmp/app.log
: >"$log"
"$tmp/connlog" export --follow --format raw "$log" >"$tmp/out" 2>"$tmp/connlog.err" &
reader=$!

# Start writing only once the reader has the file open: lines written before
# that are read too, but a rotation before it would leave FILE.1 unread.
for _ in $(seq 100); do
	if ls -l "/proc/$reader/fd" 2>/dev/null | grep -q -- "-> $log\$"; then
		break
	fi
	kill -0 "$reader" 2>/dev/null || { echo "connlog exited early:" >&2; cat "$tmp/connlog.err" >&2; exit 1; }
	sleep 0.1
done

written=$("$tmp/soakwriter" -path "$log" -rate "$rate" -duration "${seconds}s" -rotate "$rotate")

# Let the reader catch up: stop when it has everything, or when it has made
# no progress for $catchup seconds.
received=0
idle=0
while [ "$idle" -lt "$((catchup * 10))" ]; do
	now=$(wc -l <"$tmp/out")
	[ "$now" -ge "$written" ] && break
	if [ "$now" -eq "$received" ]; then idle=$((idle + 1)); else idle=0; fi
	received=$now
	sleep 0.1
done
kill "$reader" 2>/dev/null || true
wait "$reader" 2>/dev/null || true
reader=

# Every sequence number exactly once, in order: the n-th line received must
# carry seq=n-1.
read -r received disorder first_bad < <(awk '
	{ if (match($0, /seq=[0-9]+/)) seq = substr($0, RSTART + 4, RLENGTH - 4) + 0; else seq = -1 }
	seq != NR - 1 && bad == 0 { bad = 1; first = NR ": " substr($0, 1, 80) }
	seq != NR - 1 { n++ }
	END { printf "%d %d %s\n", NR, n + 0, (first == "" ? "-" : first) }
' "$tmp/out")

echo "lines written:  $written"
echo "lines received: $received"
if [ "$received" -ne "$written" ] || [ "$disorder" -ne 0 ]; then
	echo "FAIL: $((written - received)) lines missing, $disorder out of place (first: $first_bad)" >&2
	if [ -s "$tmp/connlog.err" ]; then
		echo "connlog said:" >&2
		tail -n 20 "$tmp/connlog.err" >&2
	fi
	exit 1
fi
echo "OK: every line exactly once, in order"
