# shellcheck shell=bash
# Workload W7: connlog export --follow on a file appended at a high rate.
# Counts the lines that came out and the CPU connlog used.

# cpu_ticks prints utime+stime of process $1 in clock ticks. The command
# name in /proc/PID/stat may hold spaces, so fields are counted after ")".
cpu_ticks() {
	local stat
	stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	awk '{ print $12 + $13 }' <<<"$stat"
}

# wait_open waits until process $1 has the file $2 open, so that the
# writer starts only when the reader is there.
wait_open() {
	local i fd
	for ((i = 0; i < 100; i++)); do
		for fd in /proc/"$1"/fd/*; do
			[ "$(readlink "$fd" 2>/dev/null)" = "$2" ] && return 0
		done
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# w7_follow appends $follow_rate lines/s for $follow_seconds to a fresh file
# while connlog follows it, lets it catch up (at most 10 s without
# progress), and records lines lost and CPU (utime+stime over wall).
w7_follow() {
	local file="$tmp/follow.log" out="$tmp/follow.out" reader
	note "W7: export --follow at $follow_rate lines/s for $follow_seconds s"
	: >"$file"
	"$connlog" export --follow --format raw "$file" >"$out" 2>"$tmp/follow.err" &
	reader=$!
	track_pid "$reader"
	wait_open "$reader" "$file" || { cat "$tmp/follow.err" >&2; die "connlog export --follow did not open $file"; }
	local t0 c0 written
	t0=$(now_ms) c0=$(cpu_ticks "$reader")
	written=$("$writer" -path "$file" -rate "$follow_rate" -duration "${follow_seconds}s" -rotate 0 2>"$tmp/writer.err") ||
		die "the writer failed: $(cat "$tmp/writer.err")"
	local received=0 now idle=0
	while [ "$idle" -lt 100 ]; do
		now=$(wc -l <"$out")
		[ "$now" -ge "$written" ] && break
		if [ "$now" -eq "$received" ]; then idle=$((idle + 1)); else idle=0; fi
		received=$now
		sleep 0.1
	done
	local t1 c1
	t1=$(now_ms) c1=$(cpu_ticks "$reader") || die "connlog export --follow exited: $(tail -n 3 "$tmp/follow.err")"
	kill "$reader" 2>/dev/null || true
	wait "$reader" 2>/dev/null || true
	follow_verdict "$written" "$out" "$((c1 - c0))" "$((t1 - t0))" "$(sed -n 's/.*(\([0-9]*\) lines\/s).*/\1/p' "$tmp/writer.err")"
}

# follow_verdict checks the output $2 for every sequence number once, in
# order, and records the row: $1 lines written, $3 CPU ticks over $4 ms,
# $5 the writer's achieved rate.
follow_verdict() {
	local written=$1 out=$2 ticks=$3 ms=$4 rate=$5 received disorder cores
	read -r received disorder < <(awk '
		{ if (match($0, /seq=[0-9]+/)) seq = substr($0, RSTART + 4, RLENGTH - 4) + 0; else seq = -1 }
		seq != NR - 1 { n++ }
		END { printf "%d %d\n", NR, n + 0 }' "$out")
	cores=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v ms="$ms" 'BEGIN { printf "%.2f\n", t / hz / (ms / 1000) }')
	local lost=$((written - received)) check met
	check="written $written at ${rate:-?}/s, received $received, lost $lost, out of order $disorder"
	met=$(both "$([ "$lost" -eq 0 ] && [ "$disorder" -eq 0 ] && echo yes || echo NO)" "$(at_most "$cores" 1)")
	add_result "W7 follow ${follow_seconds}s" "CPU $cores cores" "-" "-" "0 lost, CPU<=1 core" "$met" "$check"
}
