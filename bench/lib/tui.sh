# shellcheck shell=bash
# Workloads W5, W6 and W8: the real TUI driven in tmux, as a person would,
# watched through tm capture-pane and /proc.

tui_timeout_ms=600000 # the longest a TUI step may take before it is a failure

# tui_link_file links the file $1 as big.log in the scratch directory, where
# the TUI runs: the status line shows the file name twice, and a long path
# would crowd out the source state the harness waits for.
tui_link_file() { ln -sf "$1" "$tmp/big.log" || die "cannot link $1 into $tmp"; }

# tui_start starts connlog's TUI in a new tmux session $1 with the debug log
# $2 and the further arguments, and sets tui_t0 (ms, just before launch) and
# tui_pid (connlog's own pid: the pane execs it, so no shell is between).
tui_start() {
	local name=$1 log=$2
	shift 2
	local cmd
	cmd="cd $(printf '%q' "$tmp") && exec $(printf '%q ' "$connlog" --utc --debug-log "$log" "$@")"
	tui_keep_server
	track_session "$name"
	tui_t0=$(now_ms)
	tm new-session -d -s "$name" -x 160 -y 45 "$cmd" || die "tmux could not start $cmd"
	tui_pid=$(tm display-message -p -t "=$name:" '#{pane_pid}')
}

# tui_keep_server starts, once, a session that idles for the whole run: a
# tmux server exits when its last session ends, and a session started while
# it exits fails ("server exited unexpectedly"), which made W12 fail at
# random between one run's session and the next.
tui_keep_server() {
	tm has-session -t "=keepalive" 2>/dev/null && return
	tm new-session -d -s keepalive -x 20 -y 5 "sleep 86400" || die "tmux could not start its server"
	track_session keepalive
}

# tui_stop ends the session $1.
tui_stop() { tm kill-session -t "=$1" 2>/dev/null || true; }

# tui_screen prints what session $1 shows now; it fails when the session
# is gone (connlog exited).
tui_screen() { tm capture-pane -p -t "=$1:" 2>/dev/null; }

# tui_fail reports that the TUI in session $1 did not get somewhere, with
# the last screen it showed, and ends the run.
tui_fail() {
	note "last screen of $1:"
	tui_screen "$1" >&2 || note "(the session is gone: connlog exited)"
	die "$2"
}

# tui_wait_loaded waits until the TUI in session $1 has read its whole
# input: the source says "following" and the entry count has not moved for
# a second. It prints the last screen.
tui_wait_loaded() {
	local name=$1 screen counts last="" same=0 start
	start=$(now_ms)
	while :; do
		screen=$(tui_screen "$name") || tui_fail "$name" "connlog exited while loading"
		counts=$(status_counts <<<"$screen")
		if [[ $screen == *": following"* && -n $counts && $counts == "$last" ]]; then
			same=$((same + 1))
			[ "$same" -ge 5 ] && break
		else
			same=0
		fi
		last=$counts
		[ $(($(now_ms) - start)) -lt "$tui_timeout_ms" ] || tui_fail "$name" "loading did not finish"
		sleep 0.2
	done
	printf '%s\n' "$screen"
}

# newest_row_marks sets want_time and want_word from the last line of the
# file $1: the table's time of it and the first word of its message, which
# together say that the newest row is on screen.
newest_row_marks() {
	local last
	last=$(tail -n 1 "$1")
	want_time=$(screen_time <<<"$last")
	want_word=$(sed 's/^[^ ]* //; s/^\(\[[^]]*\] \)*//; s/ .*//' <<<"$last")
	[ -n "$want_time" ] || die "the last line of $1 has no docker-ts time: ${last:0:80}"
	[ "$want_word" != ANALYTICS ] || want_word="" # its row shows a summary, not the word
}

# w5_first_screen measures, $runs times, the time from launch until the
# file's newest line is on screen, polling capture-pane every 10 ms (see
# tui_wait_row); the UI's own first-frame timing is read from its debug
# log.
w5_first_screen() {
	local file=$1 i ms took walls=() tooks=()
	note "W5: open the TUI on $file until the newest line is drawn"
	newest_row_marks "$file"
	tui_link_file "$file"
	for ((i = 1; i <= runs; i++)); do
		local name="connlog-bench-w5-$$-$i" log="$tmp/w5-$i.log"
		tui_start "$name" "$log" big.log
		tui_wait_row "$name" "the newest line never showed"
		ms=$first_ms
		walls+=("$ms")
		took=$(wait_timing "$log" 1 first-frame) && tooks+=("$took")
		note "  run $i/$runs: newest line on screen after $ms ms (UI first-frame: ${took:-absent})"
		tui_stop "$name"
	done
	local m
	m=$(median "${walls[@]}")
	add_result "W5 TUI first screen" "$m ms" "-" "-" "<=200 ms" "$(at_most "$m" 200)" \
		"UI first-frame: $(median_or_absent "${tooks[@]}")"
}

# tui_wait_row polls session $1 until a row shows both $want_time and
# $want_word, and sets first_ms to the time from launch to the capture that
# showed it; it ends the run with $2 when the row never shows. The loop
# runs while connlog starts, on the same two cores: a poll starts one
# process, the capture-pane, matches in bash and pauses 10 ms (as W6's
# does). Flat out with two greps a poll, it delayed the start it timed:
# connlog's own first frame came after a median of 89 ms in five runs,
# and of 69 ms like this.
tui_wait_row() {
	local screen
	while :; do
		screen=$(tui_screen "$1") || tui_fail "$1" "connlog exited before the first screen"
		clock_ms
		screen_has_row "$screen" "$want_time" "$want_word" && break
		[ $((clock_now - tui_t0)) -lt "$tui_timeout_ms" ] || tui_fail "$1" "$2"
		pause 0.01
	done
	first_ms=$((clock_now - tui_t0))
}

# wait_timing prints the took= of the connlog-timing line $3 (with query $4
# when given) in the debug log $1 from its line $2 on, waiting up to two
# seconds for the line to be written; it fails when the line never comes.
wait_timing() {
	local log=$1 from=$2 deadline
	shift 2
	deadline=$(($(now_ms) + 2000))
	while [ "$(now_ms)" -lt "$deadline" ]; do
		tail -n +"$from" "$log" 2>/dev/null | timing_took "$@" && return 0
		sleep 0.05
	done
	return 1
}

# median_or_absent prints the median of the figures given (as ms) or says
# that the UI wrote no timing line.
median_or_absent() {
	if [ $# -eq 0 ]; then echo "no timing line in the debug log"; else echo "$(median "${@%.*}") ms"; fi
}
