# shellcheck shell=bash
# Workload W8: the TUI on the big file under a memory budget, as on a small
# host. connlog's own RSS is sampled from /proc while it loads.

# size_kib prints a size as connlog reads it (256MiB, 300MB) in KiB.
size_kib() {
	awk -v s="$1" 'BEGIN {
		n = s + 0; u = toupper(substr(s, length(n "") + 1))
		m["KIB"] = 1; m["MIB"] = 1024; m["GIB"] = 1048576
		m["KB"] = 1000 / 1024; m["MB"] = 1e6 / 1024; m["GB"] = 1e9 / 1024; m[""] = 1 / 1024; m["B"] = 1 / 1024
		if (!(u in m)) exit 1
		printf "%d\n", n * m[u]
	}'
}

# proc_kib prints field $2 (VmRSS, VmHWM) of /proc/$1/status in KiB.
proc_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null; }

# w8_memory loads the file in the TUI with --max-memory, waits until loading
# ends, and records connlog's peak RSS (VmHWM) against the budget and the
# loss counter the status line shows.
w8_memory() {
	local file=$1 name="connlog-bench-w8-$$" log="$tmp/w8.log" budget
	budget=$(size_kib "$max_memory") || die "BENCH_MAX_MEMORY=$max_memory: want a size such as 256MiB"
	note "W8: TUI on $file with --max-memory $max_memory"
	tui_link_file "$file"
	tui_start "$name" "$log" --max-memory "$max_memory" big.log
	tui_watch_load "$name" 10
	local screen=$load_screen counts=$load_counts peak=$peak_kib
	local secs loss mem
	secs=$(seconds "$load_ms")
	loss=$(status_loss <<<"$screen")
	mem=$(grep -o -m 1 'mem [^│]*' <<<"$screen" | head -n 1 | sed 's/ *$//')
	tui_stop "$name"
	local r
	r=$(ratio "$peak" "$budget")
	add_result "W8 TUI --max-memory $max_memory" "peak RSS $(mib "$peak")" "budget $(mib "$budget")" \
		"RSS $r" "RSS<=1x budget" "$(at_most "$r" 1)" \
		"loaded in $secs; held ${counts#* } entries, loss counter $loss; ${mem:-no mem figure}"
}
