# shellcheck shell=bash
# Workloads W9 and W10: the TUI loading the whole file against lnav loading
# it and counting its lines. One run of each side gives both figures: W9 the
# time until every line is indexed, W10 the peak RSS holding them.

# tui_watch_load follows the TUI in session $1 (pid $tui_pid) until it has
# read its whole input (the source says "following" and the entry count
# has been the same on $2 screens read 100 ms apart), and sets load_ms (from
# launch to the screen that first showed the final count), peak_kib (VmHWM:
# the kernel keeps the peak, so it is read once, at the end), load_counts
# ("SHOWN TOTAL"), load_screen and load_cpu_ms (the CPU time, user and
# system, connlog had used by the end: on a shared machine steadier than the
# wall time, and what a load costs whatever the cores).
#
# Reading the screen starts a process (tmux's capture-pane) on the two
# cores connlog is timed on, so the screen is read only when connlog's CPU
# time has stopped rising for a sample of 100 ms, and once a second in any
# case; connlog's CPU time is read from /proc, with no process started. A
# capture every 100 ms delayed the end of the 1 GiB load by 0.4-0.6 s (8%),
# and lnav is timed with no observer at all.
tui_watch_load() {
	local name=$1 still=$2 screen last="" same=0 prev=-1 next_look=0
	load_ms=0 peak_kib=0
	while :; do
		kill -0 "$tui_pid" 2>/dev/null || tui_fail "$name" "connlog (pid $tui_pid) exited while loading"
		proc_cpu_ticks "$tui_pid" || tui_fail "$name" "connlog (pid $tui_pid) exited while loading"
		clock_ms
		if [ "$prev" -ge 0 ] && [ $((cpu_ticks - prev)) -le 2 ] || [ "$clock_now" -ge "$next_look" ]; then
			next_look=$((clock_now + 1000))
			screen=$(tui_screen "$name") || tui_fail "$name" "connlog exited while loading"
			counts_of "$screen"
			clock_ms
			if [[ $screen == *": following"* && -n $counts_now && $counts_now == "$last" ]]; then
				same=$((same + 1))
				[ "$same" -ge "$still" ] && break
			else
				same=0 load_ms=$((clock_now - tui_t0))
			fi
			last=$counts_now
		fi
		prev=$cpu_ticks
		[ $((clock_now - tui_t0)) -lt "$tui_timeout_ms" ] || tui_fail "$name" "loading did not finish"
		pause 0.1
	done
	peak_kib=$(proc_kib "$tui_pid" VmHWM) || tui_fail "$name" "connlog (pid $tui_pid) exited after loading"
	load_counts=$(status_counts <<<"$screen") load_screen=$screen
	load_cpu_ms=$((cpu_ticks * 1000 / $(getconf CLK_TCK)))
}

# proc_stat sets proc_fields to the fields of /proc/$1/stat from the state
# (field 3) on, read by the shell itself: no process is started, not even a
# subshell. It fails when the process is gone.
proc_stat() {
	local stat
	read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
	# The command name, in parentheses, may hold blanks: the fields
	# counted start after it.
	read -r -a proc_fields <<<"${stat##*) }"
}

# proc_cpu_ticks sets cpu_ticks to the CPU time (user and system, in clock
# ticks) of process $1.
proc_cpu_ticks() {
	proc_stat "$1" || return 1
	cpu_ticks=$((proc_fields[11] + proc_fields[12]))
}

# w9_w10_load runs, $runs times after a warm-up of each, lnav counting the
# lines of the file and the TUI loading it, alternately, and records W9
# (wall) and W10 (peak RSS) with the check that both saw every line and the
# TUI evicted nothing.
w9_w10_load() {
	local file=$1 i m lines cw=() cr=() rw=() rr=() held="" loss=""
	local r=(lnav -n -c ';SELECT count(*) FROM all_logs' "$file")
	note "W9/W10: load the whole file, connlog's TUI vs lnav"
	tui_link_file "$file"
	lines=$(wc -l <"$file")
	for ((i = 0; i <= runs; i++)); do
		m=$(MEASURE_OUT="$tmp/reference.out" measure "${r[@]}") || die "lnav failed: ${r[*]}"
		local name="connlog-bench-w9-$$-$i"
		tui_start "$name" "$tmp/w9-$i.log" big.log
		tui_watch_load "$name" 10
		tui_stop "$name"
		held=${load_counts#* } loss=$(status_loss <<<"$load_screen")
		if [ "$i" -eq 0 ]; then
			note "  warm-up: connlog ${load_ms} ms (CPU ${load_cpu_ms} ms) ${peak_kib} KiB, lnav ${m% *} ms ${m#* } KiB"
			continue
		fi
		rw+=("${m% *}") rr+=("${m#* }") cw+=("$load_ms") cr+=("$peak_kib")
		note "  run $i/$runs: connlog ${load_ms} ms (CPU ${load_cpu_ms} ms) ${peak_kib} KiB (held $held), lnav ${m% *} ms ${m#* } KiB"
	done
	local rn c_wall c_rss r_wall r_rss wr rr check
	rn=$(grep -Eo '^[[:space:]]*[0-9]+[[:space:]]*$' "$tmp/reference.out" | tr -d ' ' | tail -n 1)
	check=$(load_check "$lines" "$held" "$rn" "$loss")
	c_wall=$(median "${cw[@]}") c_rss=$(median "${cr[@]}") r_wall=$(median "${rw[@]}") r_rss=$(median "${rr[@]}")
	wr=$(ratio "$c_wall" "$r_wall") rr=$(ratio "$c_rss" "$r_rss")
	add_result "W9 TUI load vs lnav" "$(seconds "$c_wall")" "$(seconds "$r_wall")" "wall $wr" "wall<=0.5x" \
		"$(both "$(at_most "$wr" 0.5)" "$(ok_word "$check")")" "$check"
	add_result "W10 TUI RSS vs lnav" "$(mib "$c_rss")" "$(mib "$r_rss")" "RSS $rr" "RSS<=0.5x, 0 evicted" \
		"$(both "$(at_most "$rr" 0.5)" "$(ok_word "$check")")" "$check"
}

# load_check compares the file's line count $1 with the entries the TUI
# held $2 and lnav's count $3, and requires the loss counter $4 to be 0.
load_check() {
	if [ "$1" = "$2" ] && [ "$1" = "$3" ] && [ "$4" = 0 ]; then
		echo "OK: both hold all $1 lines, 0 evicted"
	else
		echo "MISMATCH: file $1 lines, connlog held ${2:-?} (loss ${4:-?}), lnav counted ${3:-?}"
	fi
}
