# shellcheck shell=bash
# Same-run comparison of connlog and a reference command: one warm-up of
# each, then $runs runs alternating the two, so that both see the same page
# cache and the same background load.

# run_pair runs the commands in the arrays named $1 (connlog) and $2 (the
# reference) and sets c_wall, c_rss, r_wall, r_rss to the medians (ms, KiB).
# Their standard outputs of the last run are kept in $tmp/connlog.out and
# $tmp/reference.out for the workload's equivalence check.
run_pair() {
	local -n connlog_cmd=$1 reference_cmd=$2
	local i m cw=() cr=() rw=() rr=()
	note "  warm-up"
	MEASURE_OUT="$tmp/connlog.out" measure "${connlog_cmd[@]}" >/dev/null || die "connlog failed: ${connlog_cmd[*]}"
	MEASURE_OUT="$tmp/reference.out" measure "${reference_cmd[@]}" >/dev/null || die "the reference failed: ${reference_cmd[*]}"
	for ((i = 1; i <= runs; i++)); do
		m=$(MEASURE_OUT="$tmp/connlog.out" measure "${connlog_cmd[@]}") || die "connlog failed: ${connlog_cmd[*]}"
		cw+=("${m% *}") cr+=("${m#* }")
		m=$(MEASURE_OUT="$tmp/reference.out" measure "${reference_cmd[@]}") || die "the reference failed: ${reference_cmd[*]}"
		rw+=("${m% *}") rr+=("${m#* }")
		note "  run $i/$runs: connlog ${cw[-1]} ms ${cr[-1]} KiB, reference ${rw[-1]} ms ${rr[-1]} KiB"
	done
	c_wall=$(median "${cw[@]}") c_rss=$(median "${cr[@]}")
	r_wall=$(median "${rw[@]}") r_rss=$(median "${rr[@]}")
}

# figure prints a median wall time and peak RSS as one table cell.
figure() { printf '%s, %s\n' "$(seconds "$1")" "$(mib "$2")"; }
