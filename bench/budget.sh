#!/usr/bin/env bash
# bench/budget.sh: peak RSS (VmHWM) of the TUI under --max-memory, against
# the budget, through a load, a follow, the triage views and an export.
#
#   bench/budget.sh BIG.LOG MORE.LOG [BUDGET…]     (default budgets: 32MiB 64MiB 128MiB)
#
# For each budget it copies BIG.LOG, opens it in the TUI (in its own tmux
# server), waits for the load to end, appends MORE.LOG at BUDGET_RATE lines/s
# for BUDGET_FOLLOW_SECONDS, opens s, P, S and C in turn while the writer
# goes on, then writes a zstd bundle of the view; then the same without
# following (--no-follow, no writer), and with BIG.LOG piped in (its raw
# bytes are then held by the entries, not re-read from the file). It prints
# VmHWM after each step.
# Not run in CI: it takes about a minute a budget.
#
#   CONNLOG=PATH                 the binary (default: built from the tree into a scratch directory)
#   BUDGET_FOLLOW_SECONDS=20     how long the writer appends before the views open
#   BUDGET_RATE=1000             lines/s appended
#   BUDGET_GCTRACE=1             write the runtime's gctrace to the scratch directory
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 2 ] || {
	echo "usage: $0 BIG.LOG MORE.LOG [BUDGET…]" >&2
	exit 2
}
big=$(realpath "$1") more=$(realpath "$2")
shift 2
[ $# -gt 0 ] || set -- 32MiB 64MiB 128MiB
follow_seconds=${BUDGET_FOLLOW_SECONDS:-20}
rate=${BUDGET_RATE:-1000}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/connlog-budget.XXXXXX")
sock="connlog-budget-$$"
writer_pid=""
tm() { tmux -L "$sock" "$@"; }
cleanup() {
	[ -z "$writer_pid" ] || kill "$writer_pid" 2>/dev/null || true
	tm kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

connlog=${CONNLOG:+$(realpath "$CONNLOG")}
if [ -z "$connlog" ]; then
	connlog=$tmp/connlog
	(cd "$root" && go build -o "$connlog" ./cmd/connlog)
fi

# kib prints field $2 (VmHWM, VmRSS) of /proc/$1/status in KiB.
kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# mib prints KiB as MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# budget_kib prints a budget written as NMiB in KiB.
budget_kib() { echo $((${1%MiB} * 1024)); }

screen() { tm capture-pane -p -t t; }

# wait_quiet waits until the status line's counts have not moved for a
# second and no view is counting.
wait_quiet() {
	local last="" same=0 s counts
	for _ in $(seq 1 3000); do
		s=$(screen)
		counts=$(grep -o -m 1 '[0-9,]*/[0-9,]*' <<<"$s" || true)
		if [[ -n $counts && $counts == "$last" && $s != *"counting…"* && $s != *"loading"* ]]; then
			same=$((same + 1))
			[ "$same" -ge 5 ] && return 0
		else
			same=0
		fi
		last=$counts
		sleep 0.2
	done
	echo "timed out; last screen:" >&2
	screen >&2
	return 1
}

# wait_counted waits until no view says counting…, then two seconds more.
wait_counted() {
	for _ in $(seq 1 600); do
		[[ $(screen) != *"counting…"* ]] && break
		sleep 0.2
	done
	sleep 2
}

# step prints VmHWM and VmRSS after step $2 of run $1.
step() {
	local hwm rss
	hwm=$(kib "$pid" VmHWM) rss=$(kib "$pid" VmRSS)
	printf '%-8s %-14s %-12s VmHWM %7s MiB (%.2fx)  VmRSS %7s MiB\n' "$budget" "$1" "$2" \
		"$(mib "$hwm")" "$(awk -v h="$hwm" -v b="$(budget_kib "$budget")" 'BEGIN { print h / b }')" "$(mib "$rss")"
}

# run opens the TUI under $budget (with the further flags) and goes
# through the steps; $1 names the run, $2 is yes to append while it runs.
run() {
	local name=$1 follow=$2
	shift 2
	cp "$big" "$tmp/follow.log"
	mkdir -p "$tmp/out"
	local env=""
	[ -z "${BUDGET_GCTRACE:-}" ] || env="GODEBUG=gctrace=1"
	local input="$tmp/follow.log" from=""
	if [ "$name" = piped ]; then
		input=- from="<$tmp/follow.pipe"
		mkfifo "$tmp/follow.pipe"
		cat "$big" >"$tmp/follow.pipe" &
	fi
	tm new-session -d -s t -x 120 -y 35 -c "$tmp/out" \
		"exec env $env $connlog --max-memory $budget $* $input 2>$tmp/stderr-$budget-$name $from"
	pid=$(tm display-message -p -t t '#{pane_pid}')
	wait_quiet
	step "$name" load
	if [ "$follow" = yes ]; then
		python3 - "$more" "$tmp/follow.log" "$rate" <<-'EOF' &
			import sys, time
			src, dst, rate = sys.argv[1], sys.argv[2], int(sys.argv[3])
			with open(src, 'rb') as f, open(dst, 'ab', buffering=0) as out:
			    batch, t0, n = [], time.time(), 0
			    for line in f:
			        batch.append(line)
			        if len(batch) >= max(rate // 10, 1):
			            out.write(b''.join(batch)); n += len(batch); batch = []
			            d = t0 + n / rate - time.time()
			            if d > 0: time.sleep(d)
		EOF
		writer_pid=$!
		sleep "$follow_seconds"
		step "$name" follow
	fi
	local k
	for k in s P S C; do
		tm send-keys -t t "$k"
		wait_counted
		step "$name" "view $k"
		tm send-keys -t t Escape
		sleep 0.5
	done
	tm send-keys -t t x
	sleep 1.5
	tm send-keys -t t Down Right Right Right Down Right Right
	sleep 0.5
	tm send-keys -t t Enter
	for _ in $(seq 1 600); do
		[ -n "$(ls "$tmp/out")" ] && [[ $(screen) != *"%"* ]] && break
		sleep 0.2
	done
	sleep 1
	step "$name" export
	echo "         (exported: $(du -sh "$tmp/out" | cut -f1))"
	[ -z "$writer_pid" ] || kill "$writer_pid" 2>/dev/null || true
	writer_pid=""
	tm kill-server 2>/dev/null || true
	rm -rf "$tmp/out" "$tmp/follow.log" "$tmp/follow.pipe"
}

for budget in "$@"; do
	[[ $budget =~ ^[0-9]+MiB$ ]] || {
		echo "budget $budget: give it in MiB (64MiB)" >&2
		exit 2
	}
	run follow yes
	run no-follow no --no-follow
	run piped no
done
[ -z "${BUDGET_GCTRACE:-}" ] || {
	mkdir -p /tmp/connlog-budget-gctrace
	cp "$tmp"/stderr-* /tmp/connlog-budget-gctrace/
	echo "gctrace in /tmp/connlog-budget-gctrace" >&2
}
