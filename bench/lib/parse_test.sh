#!/usr/bin/env bash
# Checks the harness's text helpers (parse.sh) on sample input: the medians
# and ratios that go into the table, and the parsers of connlog's timing
# lines and status line. Exits non-zero on the first wrong answer.
#
# Usage: bench/lib/parse_test.sh   (also: bench/compare.sh selftest)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib/parse.sh
. "$here/parse.sh"

failures=0
# check compares what a helper printed with what the case expects.
check() {
	local name=$1 got=$2 want=$3
	if [ "$got" != "$want" ]; then
		printf 'FAIL %s: got %q, want %q\n' "$name" "$got" "$want" >&2
		failures=$((failures + 1))
	fi
}

# Medians: odd, even, unsorted, one value.
check "median odd" "$(median 5 1 3)" 3
check "median even" "$(median 4 1 3 2)" 2
check "median one" "$(median 7)" 7
check "median unsorted large" "$(median 1200 980 15000 1010 990)" 1010

# Ratios, verdicts and units.
check "ratio" "$(ratio 1 8)" 0.12
check "ratio by zero" "$(ratio 5 0)" -
check "at_most met" "$(at_most 0.15 0.2)" yes
check "at_most equal" "$(at_most 0.20 0.2)" yes
check "at_most missed" "$(at_most 0.35 0.2)" NO
check "at_most no ratio" "$(at_most - 0.2)" NO
check "seconds" "$(seconds 1234)" "1.234 s"
check "mib" "$(mib 262144)" "256.0 MiB"
check "commas small" "$(commas 999)" 999
check "commas large" "$(commas 1234567)" 1,234,567

# The debug log's timing lines, with the log prefix the TUI's logger adds.
log='connlog 2026/02/10 08:00:00 connlog-timing first-frame entries=8123456 took=143ms
connlog 2026/02/10 08:00:09 connlog-timing view-built query="user:alice*" matched=10 of=8123456 took=90ms
connlog 2026/02/10 08:00:10 connlog-timing view-built query="user:alice* level>=warn" matched=4321 of=8123456 took=212.5ms
connlog 2026/02/10 08:00:11 connlog-timing view-built query="level>=warn" matched=9 of=8123456 took=77ms'
check "first-frame took" "$(timing_took first-frame <<<"$log")" 143
check "view-built exact query" "$(timing_took view-built 'user:alice* level>=warn' <<<"$log")" 212.5
check "view-built prefix query is another query" "$(timing_took view-built 'user:alice*' <<<"$log")" 90
check "view-built any query: the last" "$(timing_took view-built <<<"$log")" 77
check "matched" "$(timing_field view-built matched <<<"$(grep 'alice\* level' <<<"$log")")" 4321
check "entries" "$(timing_field first-frame entries <<<"$log")" 8123456
check "absent event" "$(timing_took view-built 'kind:audit' <<<"$log" || echo none)" none

# The status line of a captured screen.
screen=' big.log · big.log: following        │ FOLLOW │ 1,234/5,678,901 │ LOSS 12,345 │ E 47 │ W 161 │ 0/s │ mem 250MB/268MB │ 12:51:43 UTC
[1 All] 2 Connections  3 Service
  TIME         LVL KIND      SUMMARY'
check "status counts" "$(status_counts <<<"$screen")" "1234 5678901"
check "status loss" "$(status_loss <<<"$screen")" 12345
check "status filtering counts" "$(status_counts <<<' x │ FOLLOW │ filtering… 12/34 │ E 0')" "12 34"
check "status no loss" "$(status_loss <<<' x │ FOLLOW │ 12/34 │ E 0 │')" 0

# counts_of, the load loops' parser that starts no process, reads what
# status_counts reads: the first line's counts or those of a line of the
# status bar, never a count in the table's text.
for s in "$screen" ' x │ FOLLOW │ filtering… 12/34 │ E 0' $'title\n 9/10 in a row\n x │ 3/4 │' $'no counts\n 1/2 here' ''; do
	counts_of "$s"
	check "counts_of ${s:0:24}" "$counts_now" "$(status_counts <<<"$s")"
done
counts_of $'no counts\n x │ 1,000/2,000 │'
check "counts_of a status bar below" "$counts_now" "1000 2000"

# screen_has_row: both strings on one line, as two greps in a pipe find.
rows=$'08:00:01.5 DBG relay keepalive\n08:00:02.0 INF conn=ab opened'
check "row on one line" "$(screen_has_row "$rows" 08:00:02.0 conn=ab && echo yes)" yes
check "row split over two lines" "$(screen_has_row "$rows" 08:00:01.5 conn=ab || echo no)" no
check "row absent" "$(screen_has_row "$rows" 09:00 relay || echo no)" no
check "row glob characters are literal" "$(screen_has_row 'a*b [x]' '*b' '[x]' && echo yes)" yes
check "row glob does not match others" "$(screen_has_row 'aXb x' '*b' '[x]' || echo no)" no

# The table's time of a docker-ts line: truncated, not rounded.
check "screen time" "$(screen_time <<<'2026-02-10T08:01:04.420857586Z [INFO] [connector] processing')" 08:01:04.420

if [ "$failures" -ne 0 ]; then
	echo "parse_test: $failures failed" >&2
	exit 1
fi
echo "parse_test: ok"
