#!/usr/bin/env bash
# Makes cmd/connlog/default.pgo, the CPU profile `go build` optimizes connlog
# with (profile-guided optimization). The TUI runs under CONNLOG_CPUPROFILE
# through a session like an on-call engineer's on a big level-7 log: it loads
# the whole file, runs W6's queries, a word search and a query of the
# message, and opens the four triage views. Refresh the profile after a
# change to a hot path; a stale one costs speed, never correctness.
#
# Usage: bench/pgo.sh FILE
#   FILE: a big docker-ts connector log, such as the 1 GiB corpus that
#   `bench/compare.sh W9` generates (~/.cache/connlog-bench/docker-ts-1GiB-seed1.log)
set -euo pipefail

file=${1:?usage: bench/pgo.sh FILE (a big docker-ts connector log)}
[ -s "$file" ] || { echo "bench/pgo.sh: $file is missing or empty" >&2; exit 1; }
file=$(realpath "$file")
command -v tmux >/dev/null || { echo "bench/pgo.sh needs tmux: apt-get install tmux" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/connlog-pgo.XXXXXX")
sock=connlog-pgo-$$
# The server's socket is removed too: tmux leaves it behind after kill-server.
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$UID/$sock"; rm -rf "$work"' EXIT

cd "$root"
go build -o "$work/connlog" ./cmd/connlog
w=$(printf %q "$work")
tmux -L "$sock" new -d -s s -x 160 -y 45 \
	"CONNLOG_CPUPROFILE=$w/cpu.pprof $w/connlog $(printf %q "$file"); touch $w/exited; sleep 60"

screen() { tmux -L "$sock" capture-pane -p -t s; }

# settle waits until the screen has not changed for two seconds and does
# not say the TUI is still at work (loading, filtering, counting). The
# status line's clock ticks on, so times of day are left out.
settle() {
	local last="" now same=0
	for _ in $(seq 1200); do
		sleep 0.5
		now=$(screen)
		now=${now//[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/}
		if [[ $now == "$last" && $now != *"filtering…"* && $now != *"…"*"counting"* ]]; then
			same=$((same + 1))
			[ "$same" -ge 4 ] && return 0
		else
			same=0
		fi
		last=$now
	done
	echo "bench/pgo.sh: the TUI did not settle; its screen:" >&2
	screen >&2
	exit 1
}

query() {
	tmux -L "$sock" send-keys -t s / C-u
	tmux -L "$sock" send-keys -t s -l "$1"
	tmux -L "$sock" send-keys -t s Enter
	settle
}

settle
for q in 'user:alice* level>=warn' 'event:closed_connection country:DE rx>1MB' timeout 'message:*relay*' ''; do
	query "$q"
done
for view in s P S C; do
	tmux -L "$sock" send-keys -t s "$view"
	settle
	tmux -L "$sock" send-keys -t s Escape
done
tmux -L "$sock" send-keys -t s q
for _ in $(seq 100); do
	[ -e "$work/exited" ] && break
	sleep 0.1
done
[ -s "$work/cpu.pprof" ] || { echo "bench/pgo.sh: connlog wrote no profile" >&2; exit 1; }
cp "$work/cpu.pprof" cmd/connlog/default.pgo
echo "cmd/connlog/default.pgo: $(wc -c <cmd/connlog/default.pgo) bytes; see: go tool pprof -top cmd/connlog/default.pgo"
