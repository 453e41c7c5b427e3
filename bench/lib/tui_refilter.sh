# shellcheck shell=bash
# Workload W6: refilter the loaded TUI, typed in the filter bar with tmux
# send-keys, timed from the enter key until the new view is drawn.

w6_query='user:alice* level>=warn'
w6_other='level>=error' # applied between runs, so each run changes the view

# tui_apply_filter types query $2 into the filter bar of session $1 (the
# bar opens on the filter in force; ctrl+u clears it) and presses enter. It
# sets enter_ms to when enter was sent.
tui_apply_filter() {
	tm send-keys -t "=$1:" / C-u
	tm send-keys -t "=$1:" -l -- "$2"
	enter_ms=$(now_ms)
	tm send-keys -t "=$1:" Enter
}

# tui_wait_view waits until session $1 shows a finished view whose shown
# count differs from $2, and prints the milliseconds since enter_ms.
tui_wait_view() {
	local name=$1 before=$2 screen counts
	while :; do
		screen=$(tui_screen "$name") || tui_fail "$name" "connlog exited while filtering"
		counts=$(status_counts <<<"$screen")
		if [[ $screen != *"filtering…"* && -n $counts && ${counts% *} != "$before" ]]; then
			break
		fi
		[ $(($(now_ms) - enter_ms)) -lt "$tui_timeout_ms" ] || tui_fail "$name" "the filtered view never showed"
	done
	echo $(($(now_ms) - enter_ms))
}

# w6_refilter loads the file once, then $runs times applies the other
# query and then the measured one, recording the time until the measured
# view is on screen and the UI's own view-built timing.
w6_refilter() {
	local file=$1 name="connlog-bench-w6-$$" log="$tmp/w6.log"
	note "W6: refilter the loaded TUI with $w6_query"
	tui_link_file "$file"
	tui_start "$name" "$log" big.log
	local screen shown i ms took lines walls=() tooks=() matched=""
	screen=$(tui_wait_loaded "$name")
	for ((i = 1; i <= runs; i++)); do
		shown=$(status_counts <<<"$screen") && shown=${shown% *}
		tui_apply_filter "$name" "$w6_other"
		tui_wait_view "$name" "$shown" >/dev/null
		screen=$(tui_screen "$name") && shown=$(status_counts <<<"$screen") && shown=${shown% *}
		lines=$(wc -l <"$log")
		tui_apply_filter "$name" "$w6_query"
		ms=$(tui_wait_view "$name" "$shown")
		walls+=("$ms")
		if took=$(wait_timing "$log" "$((lines + 1))" view-built "$w6_query"); then
			tooks+=("$took")
			matched=$(tail -n +"$((lines + 1))" "$log" | grep -F "query=\"$w6_query\"" | timing_field view-built matched || true)
		fi
		screen=$(tui_screen "$name")
		note "  run $i/$runs: view on screen $ms ms after enter (UI view-built: ${took:-absent})"
	done
	tui_stop "$name"
	local m
	m=$(median "${walls[@]}")
	add_result "W6 TUI refilter" "$m ms" "-" "-" "<=300 ms" "$(at_most "$m" 300)" \
		"UI view-built: $(median_or_absent "${tooks[@]}")${matched:+, matched $matched}; status line $(status_counts <<<"$screen" | sed 's| | of |')"
}
