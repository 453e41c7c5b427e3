# shellcheck shell=bash
# Workload W6: refilter the loaded TUI, typed in the filter bar with tmux
# send-keys, timed from the enter key until the new view is drawn.

# The measured queries: a level and a glob on a field, and three field
# terms over the connection events (W3's question).
w6_queries=('user:alice* level>=warn' 'event:closed_connection country:DE rx>1MB')
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
		# capture-pane flat out would take a core from the refilter it
		# times, on a machine of two: every 10 ms is precise enough.
		sleep 0.01
	done
	echo $(($(now_ms) - enter_ms))
}

# w6_refilter loads the file once, then for each measured query, $runs
# times, applies the other query and then the measured one, recording the
# time until the measured view is on screen and the UI's own view-built
# timing. The match count is checked against the headless export's.
w6_refilter() {
	local file=$1 name="connlog-bench-w6-$$" log="$tmp/w6.log" q
	note "W6: refilter the loaded TUI"
	tui_link_file "$file"
	tui_start "$name" "$log" big.log
	w6_screen=$(tui_wait_loaded "$name")
	for q in "${w6_queries[@]}"; do
		w6_measure "$name" "$log" "$q" "$file"
	done
	tui_stop "$name"
}

# w6_measure times query $3 in session $1 (debug log $2) and records its
# row, with the check against connlog export on the file $4.
w6_measure() {
	local name=$1 log=$2 query=$3 file=$4 shown i ms took lines walls=() tooks=() matched="" want check
	note "  W6 query: $query"
	for ((i = 1; i <= runs; i++)); do
		shown=$(status_counts <<<"$w6_screen") && shown=${shown% *}
		tui_apply_filter "$name" "$w6_other"
		tui_wait_view "$name" "$shown" >/dev/null
		w6_screen=$(tui_screen "$name") && shown=$(status_counts <<<"$w6_screen") && shown=${shown% *}
		lines=$(wc -l <"$log")
		tui_apply_filter "$name" "$query"
		ms=$(tui_wait_view "$name" "$shown")
		walls+=("$ms")
		if took=$(wait_timing "$log" "$((lines + 1))" view-built "$query"); then
			tooks+=("$took")
			matched=$(tail -n +"$((lines + 1))" "$log" | grep -F "query=\"$query\"" | timing_field view-built matched || true)
		fi
		w6_screen=$(tui_screen "$name")
		note "  run $i/$runs: view on screen $ms ms after enter (UI view-built: ${took:-absent})"
	done
	want=$("$connlog" export -q "$query" --format raw "$file" | wc -l)
	if [ "$matched" = "$want" ]; then check="OK: matched $matched = export"; else check="MISMATCH: matched ${matched:-?}, export $want"; fi
	local m
	m=$(median "${walls[@]}")
	add_result "W6 refilter $query" "$m ms" "-" "-" "<=300 ms" "$(both "$(at_most "$m" 300)" "$(ok_word "$check")")" \
		"UI view-built: $(median_or_absent "${tooks[@]}"); $check; status line $(status_counts <<<"$w6_screen" | sed 's| | of |')"
}
