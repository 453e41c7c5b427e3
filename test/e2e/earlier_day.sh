#!/usr/bin/env bash
# End-to-end test of times without a date on a log from an earlier day, with
# the real binary, as the on-call engineer meets it the morning after: the
# log was written on 2026-11-20, today is later, and 08:00:30 must mean
# 08:00:30 on the day of the log.
#  - in the interface, driven in tmux: ':' 08:00:30 lands on that row, near
#    the top of the screen, saying its date, and ':' outside the log says so;
#    the filter since:08:01:30 keeps the rows from then on, its line naming
#    the day taken; the export dialog's time window 08:00:10 to 08:00:19
#    writes those ten entries;
#  - --since and --until on a file in the interface: the window, shown as the
#    filter, and a window after the log says in the empty table and the
#    footer what it spans; a log piped in without naming standard input;
#    -n N FILE, the last N lines;
#  - ':' in a log whose times go back (a replayed backlog) lands on the
#    backlog's row;
#  - on the command line: export --since 08:01:30 FILE prints the lines from
#    then on, and a window after the log says on stderr what the log spans;
#    piped in, stderr names the day its first lines gave 08:01:30.
# Every wait polls with a deadline; a failure prints the screen or output.
#
# Usage: test/e2e/earlier_day.sh BIN
set -euo pipefail

bin=$(realpath "${1:?usage: test/e2e/earlier_day.sh BIN}")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
session="connlog-earlier-day-e2e-$$"
tmux_server="connlog-earlier-day-e2e-$$" # a server of its own: nothing done to the user's reaches it
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC

cleanup() {
	end_server
	rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=test/e2e/lib.sh
source "$root/test/e2e/lib.sh"

# A connector's log of 2026-11-20: one line a second from 08:00:00, tick 0
# to tick 199, longer than the screen so that where a row lands shows.
log="$tmp/yesterday.log"
for i in $(seq 0 199); do
	printf '2026-11-20T08:%02d:%02d.000000+0000 connector-host-1 twingate-connector[812]: [INFO] [connector] tick %d\n' \
		$((i / 60)) $((i % 60)) "$i"
done >"$log"

# row_of TEXT: the screen line (0-based) that shows TEXT, or -1.
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1 | awk '{print $1 - 1}'; }

echo "tui: ':' 08:00:30 lands on tick 30, near the top"
start "$bin" --no-follow "$log"
wait_for "200/200"
press : "go to time:"
keys -l "08:00:30"
wait_for "go to time: 08:00:30"
keys Enter
wait_for "> 08:00:30"
wait_for "at 2026-11-20 08:00:30.000" # the row shows its time of day alone
header=$(row_of "TIME")
target=$(row_of "> 08:00:30")
((header >= 0)) || fail "no table header on screen"
# One row of context above the target, then the target.
((target == header + 2)) || fail "tick 30 is on screen row $target, the header on $header: not near the top"
screen | grep -F "> 08:00:30" | grep -qF "tick 30" || fail "the cursor row is not tick 30"

echo "tui: ':' before the log says so"
press : "go to time:"
keys -l "07:00"
wait_for "go to time: 07:00"
keys Enter
wait_for "before the first entry (2026-11-20 08:00:00)"
screen | grep '^>' | grep -qF "tick 0" || fail "the cursor is not on the first row"

echo "tui: /since:08:01:30 keeps ticks 90 to 199"
press / "enter apply"
keys -l "since:08:01:30"
wait_for "since:08:01:30"
keys Enter
wait_for "110/200"
wait_for "filter: since:08:01:30 (2026-11-20 08:01:30)"
keys g
wait_for "tick 90"
screen | grep '^>' | grep -qF "tick 90" || fail "the first row of the filtered view is not tick 90"

echo "tui: the export dialog's time window 08:00:10–08:00:19 writes ticks 10 to 19"
# The window takes rows of the view: clear the filter first.
press / "enter apply"
keys C-u
keys Enter
wait_for "200/200"
press x "Export"
press Right "‹ time window ›"
press Down "> from"
keys -l "08:00:10"
press Down "> to"
keys -l "08:00:19"
wait_for "10 entries from 2026-11-20 08:00:10 UTC to 2026-11-20 08:00:19 UTC (9s)"
press Down "> format"
press Down "> compression"
press Down "> redact"
press Down "> path"
keys C-u
keys -l "$tmp/window.log" # .log: the raw lines, by the ending
wait_for "$tmp/window.log"
keys Enter
wait_for "wrote $tmp/window.log"
expected=$(sed -n '11,20p' "$log")
[[ $(cat "$tmp/window.log") == "$expected" ]] ||
	fail "window.log is not ticks 10 to 19 as raw lines: $(head -3 "$tmp/window.log")"
keys Escape
keys q
wait_for_file() {
	local deadline=$((SECONDS + 10))
	while ((SECONDS < deadline)); do [[ -s $1 ]] && return 0; sleep 0.1; done
	fail "connlog did not exit"
}
wait_for_file "$tmp/status"

echo "tui: --since 08:01:30 --until 08:02:59 FILE shows ticks 90 to 179, the window in the filter bar"
rm -f "$tmp/status"
start "$bin" --no-follow --since 08:01:30 --until 08:02:59 "$log"
wait_for "90/200"
wait_for "filter: since:08:01:30 until:08:02:59 (2026-11-20 08:01:30, 2026-11-20 08:02:59)"
keys g
wait_for "tick 90"
screen | grep '^>' | grep -qF "tick 90" || fail "the first row of the window is not tick 90"
keys G
wait_for "tick 179"
screen | grep '^>' | grep -qF "tick 179" || fail "the last row of the window is not tick 179"
keys q
wait_for_file "$tmp/status"

echo "tui: --since 10:00 FILE, after the log: the empty table says what the log spans (80x24)"
rm -f "$tmp/status"
start "$bin" --no-follow --since 10:00 "$log"
tm resize-window -t "$session" -x 80 -y 24
wait_for "0/200"
wait_for "(no entries since 2026-11-20 10:00;"
# The footer says it too, with the span of the whole log.
wait_for "the input spans 2026-11-20 08:00–08:03"
[[ $(screen | grep -cF "no entries since 2026-11-20 10:00; the input spans 2026-11-20 08:00–08:03") == 2 ]] ||
	fail "the table and the footer do not both give the log's span"
keys q
wait_for_file "$tmp/status"

echo "tui: a log piped in, no input named, is read: --since 08:01:30 shows ticks 90 to 199"
rm -f "$tmp/status"
start sh -c "cat '$log' | '$bin' --since 08:01:30"
wait_for "110/200"
keys G
wait_for "tick 199"
keys q
wait_for_file "$tmp/status"

echo "tui: -n 20 FILE shows the last 20 lines, ticks 180 to 199"
rm -f "$tmp/status"
start "$bin" --no-follow -n 20 "$log"
wait_for "20/20"
wait_for "tick 180"
! screen | grep -qF "tick 179" || fail "tick 179, before the last 20 lines, is shown"
keys q
wait_for_file "$tmp/status"

echo "tui: ':' in a log whose times go back lands on the backlog's row, not the first"
rm -f "$tmp/status"
backwards="$tmp/backwards.log"
printf '%s\n' \
	'2026-11-20T10:00:00.000Z [INFO] [connector] newer first' \
	'2026-11-20T10:00:01.000Z [INFO] [connector] newer second' \
	'2026-11-19T10:00:00.000Z [WARN] [connector] older (replayed backlog)' \
	'2026-11-19T10:00:01.000Z [WARN] [connector] older 2' \
	'2026-11-20T10:00:02.000Z [INFO] [connector] newer third' >"$backwards"
start "$bin" --no-follow "$backwards"
wait_for "5/5"
press : "go to time:"
keys -l "2026-11-19 10:00"
wait_for "go to time: 2026-11-19 10:00"
keys Enter
wait_for "> 11-19 10:00:00.000"
screen | grep '^>' | grep -qF "older (replayed backlog)" || fail "the cursor is not on the backlog's first row"
! screen | grep -qF "before the first entry" || fail "it says the time is before the first entry"
keys q
wait_for_file "$tmp/status"

echo "cli: export --since 08:01:30 FILE prints ticks 90 to 199"
out=$("$bin" export --since 08:01:30 "$log" 2>"$tmp/cli.err") || fail "export exited $?: $(cat "$tmp/cli.err")"
[[ $(wc -l <<<"$out") == 110 ]] || fail "export printed $(wc -l <<<"$out") lines; want 110"
head -1 <<<"$out" | grep -qF "tick 90" || fail "the first line is not tick 90: $(head -1 <<<"$out")"
[[ ! -s $tmp/cli.err ]] || fail "stderr on a window with entries: $(cat "$tmp/cli.err")"

echo "cli: piped in, stderr names the day the first lines gave 08:01:30"
out=$("$bin" export --since 08:01:30 - <"$log" 2>"$tmp/cli.err") || fail "export exited $?: $(cat "$tmp/cli.err")"
[[ $(wc -l <<<"$out") == 110 ]] || fail "export of standard input printed $(wc -l <<<"$out") lines; want 110"
[[ $(cat "$tmp/cli.err") == "connlog: --since 08:01:30 is 2026-11-20 08:01:30 (the day of the first lines read from standard input)" ]] ||
	fail "stderr does not name the day taken: $(cat "$tmp/cli.err")"

echo "cli: a window after the log says what the log spans"
out=$("$bin" export --since 10:00 "$log" 2>"$tmp/cli.err") || fail "export exited $?"
[[ -z $out ]] || fail "export --since 10:00 printed lines"
grep -qF "no entries since 2026-11-20 10:00; the input spans 2026-11-20 08:00–08:03" "$tmp/cli.err" ||
	fail "stderr does not give the span: $(cat "$tmp/cli.err")"

echo "earlier_day.sh: ok"
