#!/usr/bin/env bash
# Makes cmd/connlog/default.pgo, the CPU profile `go build` optimizes connlog
# with (profile-guided optimization). The TUI runs under CONNLOG_CPUPROFILE
# through a session like an on-call engineer's on a big level-7 log: it loads
# the whole file, runs W6's queries, a word search and a query of the
# message, and opens the four triage views. Refresh the profile after a
# change to a hot path; a stale one costs speed, never correctness. It drives
# the TUI with the benchmark's own helpers (bench/lib), on their tmux server.
#
# Usage: bench/pgo.sh FILE
#   FILE: a big docker-ts connector log, such as the 1 GiB corpus that
#   `bench/compare.sh W9` generates (~/.cache/connlog-bench/docker-ts-1GiB-seed1.log)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
for lib in common parse tui tui_memory tui_load; do
	# shellcheck source=/dev/null
	. "$here/lib/$lib.sh"
done

file=${1:?usage: bench/pgo.sh FILE (a big docker-ts connector log)}
[ -s "$file" ] || die "$file is missing or empty"
file=$(realpath "$file")
command -v tmux >/dev/null || die "bench/pgo.sh needs tmux: apt-get install tmux"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/connlog-pgo.XXXXXX")
trap cleanup EXIT
trap 'exit 130' INT TERM

connlog=$tmp/connlog
(cd "$root" && go build -o "$connlog" ./cmd/connlog)
# The tmux server, started by the first session, passes its environment on
# to the TUI's.
export CONNLOG_CPUPROFILE=$tmp/cpu.pprof

# settle waits until the screen has not changed for two seconds and does
# not say the TUI is still at work (filtering, counting). The status line's
# clock ticks on, so times of day are left out.
settle() {
	local last="" now same=0
	for _ in $(seq 1200); do
		pause 0.5
		now=$(tui_screen pgo) || die "connlog exited"
		now=${now//[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/}
		if [[ $now == "$last" && $now != *"filtering…"* && $now != *"counting…"* ]]; then
			same=$((same + 1))
			[ "$same" -ge 4 ] && return 0
		else
			same=0
		fi
		last=$now
	done
	tui_fail pgo "the TUI did not settle"
}

keys() { tm send-keys -t "=pgo:" "$@"; }

# running reports whether process $1 runs: an exited one may stay a zombie
# for a while before tmux reaps it, and kill -0 still finds that.
running() { proc_stat "$1" && [ "${proc_fields[0]}" != Z ]; }

# The file is opened under a short name, as the benchmark's TUI workloads
# open it: a long path crowds the source's state out of the title, and the
# wait for the load looks for it there.
tui_link_file "$file"
tui_start pgo "$tmp/debug.log" big.log
tui_watch_load pgo 10
for q in 'user:alice* level>=warn' 'event:closed_connection country:DE rx>1MB' timeout 'message:*relay*' ''; do
	keys / C-u
	keys -l "$q"
	keys Enter
	settle
done
for view in s P S C; do
	keys "$view"
	settle
	keys Escape
done
keys q
quit_t0=$(now_ms)
for _ in $(seq 600); do
	running "$tui_pid" || break
	pause 0.1
done
! running "$tui_pid" || tui_fail pgo "connlog did not quit within a minute"
note "connlog quit $(($(now_ms) - quit_t0)) ms after q"
[ -s "$CONNLOG_CPUPROFILE" ] || die "connlog wrote no profile"
cp "$CONNLOG_CPUPROFILE" "$root/cmd/connlog/default.pgo"
echo "cmd/connlog/default.pgo: $(wc -c <"$root/cmd/connlog/default.pgo") bytes; see: go tool pprof -top cmd/connlog/default.pgo"
