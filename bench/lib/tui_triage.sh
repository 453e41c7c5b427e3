# shellcheck shell=bash
# Workload W12: the triage views of the loaded TUI over every entry of the
# corpus — top-N (s), templates (P) and sessions (S) — each timed from its
# key until its finished report is drawn. Each run loads the file afresh,
# so that every view counts from nothing (a view opened again counts only
# the rows that arrived since, which says nothing of the first opening).

# w12_views are the views measured: key, mode name in the debug log, and the
# words of the title of its finished report.
w12_views=("s top-n top values of the view" "P templates templates of the view" "S sessions sessions ·")

w12_triage() {
	local file=$1 i v name log screen shown
	local -A walls tooks counted
	note "W12: triage views of the loaded TUI, from the key to the report"
	tui_link_file "$file"
	for ((i = 1; i <= runs; i++)); do
		name="connlog-bench-w12-$$-$i" log="$tmp/w12-$i.log"
		tui_start "$name" "$log" big.log
		screen=$(tui_wait_loaded "$name")
		shown=$(status_counts <<<"$screen") && shown=${shown% *}
		for v in "${w12_views[@]}"; do
			w12_measure "$name" "$log" "$v"
		done
		tui_stop "$name"
	done
	for v in "${w12_views[@]}"; do
		local mode m check
		mode=$(cut -d' ' -f2 <<<"$v")
		read -ra ws <<<"${walls[$mode]}"
		read -ra ts <<<"${tooks[$mode]:-}"
		m=$(median "${ws[@]}")
		if [ "${counted[$mode]}" = "${shown//,/}" ]; then
			check="OK: counted ${counted[$mode]} entries = status line"
		else
			check="MISMATCH: counted ${counted[$mode]:-?} entries, status line $shown"
		fi
		add_result "W12 TUI $mode over every entry" "$m ms" "-" "-" "<=2000 ms" \
			"$(both "$(at_most "$m" 2000)" "$(ok_word "$check")")" "UI triage-counted: $(median_or_absent "${ts[@]}"); $check"
	done
}

# w12_measure presses the key of view $3 ("key mode title words") in
# session $1 (debug log $2), waits for the finished report, records the
# time from the key and the UI's own timing, and goes back to the table.
w12_measure() {
	local name=$1 log=$2 key mode title lines start ms screen took
	read -r key mode title <<<"$3"
	lines=$(wc -l <"$log")
	start=$(now_ms)
	tm send-keys -t "=$name:" "$key"
	while :; do
		screen=$(tui_screen "$name") || tui_fail "$name" "connlog exited while counting $mode"
		[[ $screen == *"$title"* && $screen != *"counting…"* ]] && break
		[ $(($(now_ms) - start)) -lt "$tui_timeout_ms" ] || tui_fail "$name" "the $mode view never finished"
		# Polled every 50 ms, not flat out: capture-pane in a tight loop
		# takes a core from the count it times, on a machine of two.
		sleep 0.05
	done
	ms=$(($(now_ms) - start))
	walls[$mode]+="$ms "
	if took=$(wait_timing "$log" "$((lines + 1))" triage-counted); then
		tooks[$mode]+="$took "
		counted[$mode]=$(tail -n +"$((lines + 1))" "$log" | timing_field triage-counted entries)
	fi
	note "  $mode: report on screen $ms ms after the key (UI triage-counted: ${took:-absent})"
	tm send-keys -t "=$name:" Escape
	sleep 0.5
}
