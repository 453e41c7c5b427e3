# shellcheck shell=bash
# Pure text helpers of the harness: medians, ratios, human units, and the
# parsers of what connlog prints (its debug log's timing lines, its status
# line). bench/lib/parse_test.sh checks each of them on sample input.

# median prints the median of its integer arguments (the mean of the two
# middle ones for an even count, rounded down).
median() {
	printf '%s\n' "$@" | sort -n | awk '
		{ v[NR] = $1 }
		END {
			if (NR == 0) exit 1
			if (NR % 2) print v[(NR + 1) / 2]
			else print int((v[NR / 2] + v[NR / 2 + 1]) / 2)
		}'
}

# ratio prints $1/$2 with two decimals, or "-" when $2 is zero.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f\n", a / b }'
}

# at_most prints "yes" when the ratio $1 is at most $2, else "NO".
at_most() {
	awk -v r="$1" -v lim="$2" 'BEGIN { print (r != "-" && r + 0 <= lim + 0) ? "yes" : "NO" }'
}

# seconds prints milliseconds $1 as seconds with three decimals.
seconds() { awk -v ms="$1" 'BEGIN { printf "%.3f s\n", ms / 1000 }'; }

# mib prints KiB $1 as MiB with one decimal.
mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB\n", k / 1024 }'; }

# timing_took prints the took= milliseconds of the last line of the debug
# log on standard input that reads
#   connlog-timing EVENT [key=value|key="quoted value"]... took=<ms>ms
# for EVENT $1 and, when $2 is given, query="$2". Nothing is printed (and the
# status is 1) when no such line is there. Fractional milliseconds are kept.
timing_took() {
	local event=$1 query=${2-}
	awk -v ev="$event" -v q="$query" -v hasq="${2+1}" '
		{
			i = index($0, "connlog-timing " ev " ")
			if (i == 0) next
			rest = substr($0, i)
			if (hasq && index(rest, " query=\"" q "\" ") == 0) next
			if (match(rest, / took=[0-9]+(\.[0-9]+)?ms/)) {
				found = substr(rest, RSTART + 6, RLENGTH - 8)
			}
		}
		END { if (found == "") exit 1; print found }'
}

# timing_field prints the value of key $2 (an unquoted number) in the last
# "connlog-timing $1" line on standard input, such as matched= or entries=.
timing_field() {
	local event=$1 key=$2
	awk -v ev="$event" -v key="$key" '
		{
			i = index($0, "connlog-timing " ev " ")
			if (i == 0) next
			rest = substr($0, i)
			if (match(rest, " " key "=[0-9]+")) found = substr(rest, RSTART + length(key) + 2, RLENGTH - length(key) - 2)
		}
		END { if (found == "") exit 1; print found }'
}

# status_counts prints "SHOWN TOTAL" from a captured screen on standard
# input: the status line's "1,234/5,678" part, commas removed.
status_counts() {
	awk '
		NR == 1 || / │ / {
			if (match($0, /[0-9][0-9,]*\/[0-9][0-9,]* /)) {
				s = substr($0, RSTART, RLENGTH - 1)
				gsub(/[, ]/, "", s)
				split(s, p, "/")
				print p[1], p[2]
				exit
			}
		}'
}

# counts_of sets counts_now to what status_counts prints for the screen
# $1 ("" when it shows no counts), without starting a process: the load
# loops call it ten times a second while connlog is being timed.
counts_of() {
	local line first=1 re='([0-9][0-9,]*)/([0-9][0-9,]*) '
	counts_now=""
	while IFS= read -r line; do
		if { [ "$first" = 1 ] || [[ $line == *" │ "* ]]; } && [[ $line =~ $re ]]; then
			counts_now="${BASH_REMATCH[1]//,/} ${BASH_REMATCH[2]//,/}"
			return 0
		fi
		first=0
	done <<<"$1"
}

# screen_has_row reports whether a line of the screen $1 holds both $2 and
# $3 (as grep -F "$2" | grep -qF "$3" would), without starting a process.
screen_has_row() {
	local line
	while IFS= read -r line; do
		[[ $line == *"$2"* && $line == *"$3"* ]] && return 0
	done <<<"$1"
	return 1
}

# status_loss prints the loss counter of the status line on standard input
# ("LOSS 1,234"), commas removed, or 0 when the status line shows none.
status_loss() {
	local n
	n=$(grep -o -m 1 'LOSS [0-9][0-9,]*' | head -n 1 | tr -d 'LOS ,')
	printf '%s\n' "${n:-0}"
}

# commas prints an integer with thousands separators, as connlog's status
# line does.
commas() {
	printf '%s\n' "$1" | sed -e ':a' -e 's/^\([0-9]\{1,\}\)\([0-9]\{3\}\)/\1,\2/;ta'
}

# screen_time prints the time of a docker-ts line (on standard input) as the
# table shows it in UTC: HH:MM:SS.mmm, truncated to the millisecond.
screen_time() {
	sed -n 's/^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T\([0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]\{3\}\).*/\1/p' | head -n 1
}
