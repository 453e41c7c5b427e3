#!/usr/bin/env bash
# Soak test of following a file across rotations of every kind.
#
# A writer appends numbered lines at SOAK_RATE lines/s (default 25000) for
# SOAK_SECONDS (default 120) to a file in a temporary directory and rotates
# it every SOAK_ROTATE (default 10s) the SOAK_MODE way (default mixed: by
# rename, copytruncate, delete and copytruncate with the copy gzipped at
# once, in turn), while two readers follow it:
#   connlog export --follow --format raw FILE > out
#   soakstore: the TUI's store (file source, decoder, model.Store re-reading
#              raw bytes), checked at the end by a raw export of every held
#              row and by searches
# At the end it prints the lines written and received and exits non-zero
# unless every line arrived exactly once and in order, in both.
#
# Usage: bench/soak.sh            (from anywhere in the repository)
#        SOAK_SECONDS=15 SOAK_MODE=copytruncate bench/soak.sh
#        CONNLOG=/path/to/connlog bench/soak.sh   (test a binary already built)
set -euo pipefail

seconds=${SOAK_SECONDS:-120}
rate=${SOAK_RATE:-25000}
rotate=${SOAK_ROTATE:-10s}
mode=${SOAK_MODE:-mixed}
catchup=${SOAK_CATCHUP_SECONDS:-10}   # seconds without progress before the reader is stopped

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
reader=
store=
cleanup() {
	for p in $reader $store; do
		if kill -0 "$p" 2>/dev/null; then
			kill "$p" 2>/dev/null || true
			wait "$p" 2>/dev/null || true
		fi
	done
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
go build -o "$tmp/soakstore" ./bench/soakstore

log=$tmp/app.log
: >"$log"
"$tmp/connlog" export --follow --format raw "$log" >"$tmp/out" 2>"$tmp/connlog.err" &
reader=$!
"$tmp/soakstore" -path "$log" -count-file "$tmp/written" >"$tmp/store.out" 2>&1 &
store=$!

# Start writing only once both readers have the file open: lines written
# before that are read too, but a rotation before it would leave FILE.1 unread.
for p in $reader $store; do
	for _ in $(seq 100); do
		if ls -l "/proc/$p/fd" 2>/dev/null | grep -q -- "-> $log\$"; then
			break
		fi
		kill -0 "$p" 2>/dev/null || { echo "a reader exited early:" >&2; cat "$tmp/connlog.err" "$tmp/store.out" >&2; exit 1; }
		sleep 0.1
	done
done

written=$("$tmp/soakwriter" -path "$log" -rate "$rate" -duration "${seconds}s" -rotate "$rotate" -mode "$mode")
echo "$written" >"$tmp/written"

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

# The store stops following by itself once it holds every line ("held" is
# printed); past the catch-up time it is told to stop. Either way it then
# checks what it has, which takes a while: wait for that.
for _ in $(seq "$((catchup * 10))"); do
	grep -q "^held" "$tmp/store.out" && break
	sleep 0.1
done
grep -q "^held" "$tmp/store.out" || kill "$store" 2>/dev/null || true
store_status=0
wait "$store" || store_status=$?
store=

# Every sequence number exactly once, in order: the n-th line received must
# carry seq=n-1.
read -r received disorder first_bad < <(awk '
	{ if (match($0, /seq=[0-9]+/)) seq = substr($0, RSTART + 4, RLENGTH - 4) + 0; else seq = -1 }
	seq != NR - 1 && bad == 0 { bad = 1; first = NR ": " substr($0, 1, 80) }
	seq != NR - 1 { n++ }
	END { printf "%d %d %s\n", NR, n + 0, (first == "" ? "-" : first) }
' "$tmp/out")

echo "rotations:      every $rotate, $mode"
echo "lines written:  $written"
echo "export -f:      $received received, $disorder out of place"
sed 's/^/store:          /' "$tmp/store.out"
status=0
if [ "$received" -ne "$written" ] || [ "$disorder" -ne 0 ]; then
	echo "FAIL: export -f: $((written - received)) lines missing, $disorder out of place (first: $first_bad)" >&2
	if [ -s "$tmp/connlog.err" ]; then
		echo "connlog said:" >&2
		tail -n 20 "$tmp/connlog.err" >&2
	fi
	status=1
fi
if [ "$store_status" -ne 0 ] || ! grep -q "^raw export $written lines, 0 wrong" "$tmp/store.out"; then
	echo "FAIL: the store does not hold every line exactly once, in order, re-readable and searchable" >&2
	status=1
fi
[ "$status" -eq 0 ] && echo "OK: every line exactly once, in order, in export -f and in the store (raw export and search)"
exit "$status"
