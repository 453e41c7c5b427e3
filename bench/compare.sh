#!/usr/bin/env bash
# connlog against lnav, grep, jq and journalctl on the same corpus, in the
# same run, plus its own TUI latency, follow and memory-budget figures.
# Prints one table: the median wall time and peak RSS of each side, the
# ratio connlog/reference, the target and whether it is met, and the
# machine it ran on. See bench/README.md for what each workload does.
#
# Usage: bench/compare.sh [W1 … W12 | selftest]    (no argument: all of them; W9 and W10 are one run)
# Settings (environment):
#   BENCH_SIZE=1GiB          size of the docker-ts corpus (200MB for quick runs)
#   BENCH_SEED=1             corpus seed
#   BENCH_JOURNAL_ENTRIES=1000000   entries of the journal corpus (W4, W5)
#   BENCH_RUNS=5             measured runs per side, after one warm-up each
#   BENCH_FOLLOW_SECONDS=60  how long W7 appends
#   BENCH_FOLLOW_RATE=100000 lines per second W7 appends
#   BENCH_MAX_MEMORY=256MiB  W8's --max-memory
#   BENCH_CACHE=~/.cache/connlog-bench   where the corpora are kept
#   CONNLOG=PATH             measure this binary instead of building one
# Quick run: BENCH_SIZE=200MB BENCH_RUNS=1 BENCH_FOLLOW_SECONDS=10 bench/compare.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
for lib in common parse pair corpus batch summary tui tui_refilter tui_triage tui_memory tui_load journal_tui follow machine; do
	# shellcheck source=/dev/null
	. "$here/lib/$lib.sh"
done

size=${BENCH_SIZE:-1GiB}
seed=${BENCH_SEED:-1}
journal_entries=${BENCH_JOURNAL_ENTRIES:-1000000}
runs=${BENCH_RUNS:-5}
follow_seconds=${BENCH_FOLLOW_SECONDS:-60}
follow_rate=${BENCH_FOLLOW_RATE:-100000}
max_memory=${BENCH_MAX_MEMORY:-256MiB}
cache=${BENCH_CACHE:-$HOME/.cache/connlog-bench}
journal_remote=/lib/systemd/systemd-journal-remote

all_workloads=(W1 W2 W3 W4 W5 W6 W7 W8 W9 W11 W12)

# selected_workloads checks the arguments and prints the workloads to run,
# each once (W9 and W10 are measured by the same runs).
selected_workloads() {
	[ $# -eq 0 ] && set -- "${all_workloads[@]}"
	local w
	for w in "$@"; do
		case "${w^^}" in
		W[1-9]) printf '%s\n' "${w^^}" ;;
		W10) printf 'W9\n' ;;
		W11 | W12) printf '%s\n' "${w^^}" ;;
		*) echo "unknown workload $w: choose among W1 … W12, or selftest" >&2; exit 2 ;;
		esac
	done | awk '!seen[$0]++'
}

# check_tools stops early, with the way out, when a reference is missing.
check_tools() {
	local t missing=()
	for t in lnav jq journalctl tmux go column md5sum; do
		command -v "$t" >/dev/null || missing+=("$t")
	done
	[ -x /usr/bin/time ] || missing+=(/usr/bin/time)
	[ -x "$journal_remote" ] || missing+=("$journal_remote")
	[ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: run scripts/deps.sh bench (or make bench)"
}

# build_tools builds connlog (unless $CONNLOG names one) and the helpers.
build_tools() {
	connlog=$tmp/connlog gen=$tmp/gen writer=$tmp/soakwriter
	if [ -n "${CONNLOG:-}" ]; then
		cp "$CONNLOG" "$connlog" || die "cannot copy $CONNLOG"
	else
		note "building connlog"
		# Built aside, then copied, as an installed binary is: the file the
		# linker writes sits in the page cache in larger pieces, and the
		# kernel maps about 2 MiB more of it into the process (RssFile, in
		# W10's peak) than of a copy.
		(cd "$root" && CGO_ENABLED=1 go build -o "$connlog.built" ./cmd/connlog) || die "go build ./cmd/connlog failed"
		cp "$connlog.built" "$connlog" && rm -f "$connlog.built" || die "cannot copy the built connlog"
	fi
	(cd "$root" && go build -o "$gen" ./bench/gen && go build -o "$writer" ./bench/soakwriter) ||
		die "building the corpus generator or the writer failed"
}

# run_workload runs one workload, preparing the corpus it needs (in this
# shell, so that a failure to build it ends the run).
run_workload() {
	case "$1" in
	W4) corpus_journal "$journal_entries" "$seed" ;;
	W5) corpus_file "$size" "$seed" && corpus_journal "$journal_entries" "$seed" ;;
	W7) ;;
	*) corpus_file "$size" "$seed" ;;
	esac
	case "$1" in
	W1) w1_lnav "$corpus_path" ;;
	W2) w2_grep "$corpus_path" ;;
	W3) w3_jq "$corpus_path" ;;
	W4) w4_journalctl "$corpus_dir" ;;
	W5) w5_first_screen "$corpus_path" && w5_journal_first_screen "$corpus_dir" ;;
	W6) w6_refilter "$corpus_path" ;;
	W7) w7_follow ;;
	W8) w8_memory "$corpus_path" ;;
	W9) w9_w10_load "$corpus_path" ;;
	W11) w11_summary "$corpus_path" ;;
	W12) w12_triage "$corpus_path" ;;
	esac
}

main() {
	if [ "${1:-}" = selftest ]; then
		exec "$here/lib/parse_test.sh"
	fi
	local workloads
	workloads=$(selected_workloads "$@") || exit 2
	check_tools
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/connlog-bench.XXXXXX")
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	mkdir -p "$cache" || die "cannot create the cache directory $cache (set BENCH_CACHE)"
	results_file=$tmp/results.tsv
	: >"$results_file"
	build_tools
	local load_before w
	load_before=$(cut -d' ' -f1-3 /proc/loadavg)
	for w in $workloads; do
		# A workload that fails is reported in the table and the others
		# still run; its own processes and sessions are ended at once.
		# (errexit must stay on inside, so the subshell is not tested by
		# an if or ||: its status is read afterwards.)
		set +e
		(
			set -e
			trap end_started EXIT
			run_workload "$w"
		)
		local rc=$?
		set -e
		[ "$rc" -eq 0 ] || add_result "$w" "" "" "" "" "FAILED" "see the [bench] messages above"
	done
	echo
	print_table
	echo
	print_machine "$load_before"
	echo "corpus: docker-ts $size seed $seed; journal $journal_entries entries; medians of $runs runs per side after a warm-up"
}

main "$@"
