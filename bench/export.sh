#!/usr/bin/env bash
# Throughput and peak memory of `connlog export` on a big file.
#
# Generates (or reuses) a docker-ts corpus of EXPORT_SIZE (default 1GiB) with
#   go run ./bench/gen -size SIZE -envelope docker-ts -seed 1 -o FILE
# then runs, for every format in EXPORT_FORMATS (default raw ndjson csv) and
# every compression in EXPORT_COMPRESS (default none gzip zstd),
#   connlog export --format F --compress C -o OUT FILE
# and prints the wall time, the throughput (corpus bytes / wall, in MB/s of
# 10^6 bytes), the peak resident memory (/usr/bin/time -f %M) and the output
# size. A first row copies the corpus with dd and fsync, the disk's floor.
# The output files are written beside the corpus and removed after each run.
#
# Usage: bench/export.sh                       (1 GiB, from anywhere in the repository)
#        EXPORT_SIZE=200MB bench/export.sh     (quick mode)
#        CONNLOG=/path/to/connlog bench/export.sh   (a binary already built)
#        EXPORT_DIR=/mnt/fast bench/export.sh  (where the corpus and outputs live)
set -euo pipefail

size=${EXPORT_SIZE:-1GiB}
formats=${EXPORT_FORMATS:-raw ndjson csv}
compressions=${EXPORT_COMPRESS:-none gzip zstd}
dir=${EXPORT_DIR:-${TMPDIR:-/tmp}/connlog-bench}
root=$(cd "$(dirname "$0")/.." && pwd)

[[ -x /usr/bin/time ]] || { echo "bench/export.sh needs GNU time: apt-get install time" >&2; exit 1; }
mkdir -p "$dir"
work=$(mktemp -d "$dir/export-run.XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$root"
bin=$work/connlog
if [[ -n ${CONNLOG:-} ]]; then
	cp "$CONNLOG" "$bin"
else
	go build -o "$bin" ./cmd/connlog
fi

corpus=$dir/docker-ts-$size-seed1.log
if [[ ! -s $corpus ]]; then
	echo "generating $corpus" >&2
	go run ./bench/gen -size "$size" -envelope docker-ts -seed 1 -o "$corpus.part"
	mv "$corpus.part" "$corpus"
fi
in_bytes=$(stat -c %s "$corpus")
cat "$corpus" >/dev/null # warm the page cache so every run reads at the same speed

# row NAME COMMAND…: run COMMAND under GNU time and print one table row.
row() {
	local name=$1
	shift
	rm -f "$work/out"
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null
	local wall rss out_bytes
	read -r wall rss <"$work/time"
	out_bytes=$(stat -c %s "$work/out")
	awk -v n="$name" -v w="$wall" -v r="$rss" -v i="$in_bytes" -v o="$out_bytes" 'BEGIN {
		mbs = (w > 0) ? i / 1e6 / w : 0
		printf "%-14s %8.2f %9.1f %10.1f %10.1f\n", n, w, mbs, r / 1024, o / 1e6
	}'
	rm -f "$work/out"
}

echo "corpus $corpus: $((in_bytes / 1000000)) MB, $(wc -l <"$corpus") lines; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %8s %9s %10s %10s\n' "export" "wall s" "MB/s" "peak MiB" "out MB"
row "dd+fsync" dd if="$corpus" of="$work/out" bs=1M conv=fsync status=none
for f in $formats; do
	for c in $compressions; do
		row "$f/$c" "$bin" export --format "$f" --compress "$c" -o "$work/out" "$corpus"
	done
done
