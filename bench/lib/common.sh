# shellcheck shell=bash
# Shared helpers of bench/compare.sh: messages, cleanup of everything the run
# starts, timing of one command, and the result table.

# note prints a progress message on standard error, so that the table on
# standard output stays clean.
note() { printf '[bench] %s\n' "$*" >&2; }

# die reports a failure and ends the run (the EXIT trap cleans up).
die() {
	printf '[bench] FAILED: %s\n' "$*" >&2
	exit 1
}

# Processes and tmux sessions the run started, ended by the EXIT trap.
started_pids=()
started_sessions=()

# The TUI workloads run on a tmux server of their own, so that nothing else
# on the machine (another tmux user, a kill-server) touches their sessions.
tmux_socket="connlog-bench-$$"

# tm runs tmux on the harness's own server.
tm() { tmux -L "$tmux_socket" "$@"; }

# track_pid and track_session register what cleanup must end.
track_pid() { started_pids+=("$1"); }
track_session() { started_sessions+=("$1"); }

# end_started ends the processes and tmux sessions this run started, by
# their id, never by name.
end_started() {
	local p s
	for p in "${started_pids[@]}"; do
		if kill -0 "$p" 2>/dev/null; then
			kill "$p" 2>/dev/null || true
			wait "$p" 2>/dev/null || true
		fi
	done
	for s in "${started_sessions[@]}"; do
		tm kill-session -t "=$s" 2>/dev/null || true
	done
}

# cleanup ends what the run started, its own tmux server included (and
# its socket, which tmux leaves behind after kill-server), and removes the
# scratch directory.
cleanup() {
	end_started
	tm kill-server 2>/dev/null || true
	local sock="${TMUX_TMPDIR:-/tmp}/tmux-$UID/$tmux_socket"
	if [ -S "$sock" ]; then rm -f "$sock"; fi
	if [ -n "${tmp:-}" ]; then rm -rf "$tmp"; fi
}

# now_ms prints the wall clock in milliseconds, from bash's own clock
# (no process is started, so it can be read in a tight polling loop).
now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	printf '%s\n' "$((t / 1000))"
}

# clock_ms sets clock_now to the wall clock in milliseconds, as now_ms
# prints it, without the subshell that $(now_ms) starts: a loop polling
# while connlog is timed must start as few processes as it can, since each
# takes CPU from what it times.
clock_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	clock_now=$((t / 1000))
}

# pause sleeps $1 seconds without starting a process (sleep is one): it
# waits for a line that never comes on a pipe of its own.
pause() {
	[ -n "${pause_fd:-}" ] || exec {pause_fd}<> <(:)
	read -r -t "$1" -u "$pause_fd" _ || true
}

# measure runs a command under /usr/bin/time and prints "WALL_MS RSS_KIB".
# The wall time is taken around the command at millisecond resolution,
# because time's %e has only 10 ms steps; the peak RSS is time's %M. The
# command's standard output goes to $MEASURE_OUT (default /dev/null); a
# failure is reported with the command's last error lines, never hidden.
measure() {
	local tf="$tmp/time.out" ef="$tmp/measure.err" out=${MEASURE_OUT:-/dev/null}
	local t0 t1 rc=0
	t0=$(now_ms)
	/usr/bin/time -f '%e %M' -o "$tf" "$@" >"$out" 2>"$ef" || rc=$?
	t1=$(now_ms)
	if [ "$rc" -ne 0 ]; then
		note "command failed (exit $rc): $*"
		tail -n 5 "$ef" >&2
		return 1
	fi
	local rss
	rss=$(awk 'END { print $2 }' "$tf")
	printf '%s %s\n' "$((t1 - t0))" "$rss"
}

# Results: one tab-separated row per workload, printed by print_table.
results_file=""

# add_result records a row: workload, connlog figure, reference figure,
# ratio, target, verdict, check. Empty fields print as "-".
add_result() {
	local IFS=$'\t'
	printf '%s\n' "$*" >>"$results_file"
}

# print_table prints the recorded rows as an aligned table.
print_table() {
	{
		printf 'workload\tconnlog\treference\tratio\ttarget\tmet\tcheck\n'
		awk -F'\t' -v OFS='\t' '{ for (i = 1; i <= 7; i++) if ($i == "") $i = "-"; print }' "$results_file"
	} | column -t -s $'\t'
}
