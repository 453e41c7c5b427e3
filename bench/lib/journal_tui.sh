# shellcheck shell=bash
# W5 on a journal: the TUI opened on a journal directory (-D) until the
# newest entry of the connector unit is drawn. Uses tui.sh's helpers.

# journal_newest_marks sets want_time (the entry's journal time as the row
# shows it with --utc) and want_word (a word of its row) for the newest
# entry of the connector unit in the journal directory $1.
journal_newest_marks() {
	local json usec msg
	json=$(journalctl -D "$1" -u twingate-connector -n 1 -o json --no-pager) ||
		die "journalctl cannot read the journal in $1"
	usec=$(jq -r .__REALTIME_TIMESTAMP <<<"$json")
	msg=$(jq -r .MESSAGE <<<"$json")
	want_time=$(date -u -d "@$((usec / 1000000))" +%H:%M:%S).$(printf %03d $(((usec / 1000) % 1000)))
	if [[ $msg == ANALYTICS* ]]; then
		want_word=$(jq -r '.user.email // empty' <<<"${msg#ANALYTICS }")
	else
		want_word=$(grep -o 'conn=[^ ]*' <<<"$msg" | head -n 1)
	fi
	[ -n "$want_word" ] || want_word=""
}

# w5_journal_first_screen measures, $runs times, the time from launch until
# the newest entry of the journal in $1 is on screen.
w5_journal_first_screen() {
	local dir=$1 i ms walls=()
	note "W5: open the TUI on the journal $dir until the newest entry is drawn"
	journal_newest_marks "$dir"
	for ((i = 1; i <= runs; i++)); do
		local name="connlog-bench-w5j-$$-$i" log="$tmp/w5j-$i.log"
		tui_start "$name" "$log" -D "$dir"
		tui_wait_row "$name" "the newest entry never showed"
		ms=$first_ms
		walls+=("$ms")
		note "  run $i/$runs: newest entry on screen after $ms ms"
		tui_stop "$name"
	done
	local m
	m=$(median "${walls[@]}")
	add_result "W5 TUI first screen, journal" "$m ms" "-" "-" "<=200 ms" "$(at_most "$m" 200)" \
		"$(grep -c . <<<"$(ls "$dir"/*.journal*)") files, $(cat "$dir/entries" 2>/dev/null || echo '?') entries"
}
