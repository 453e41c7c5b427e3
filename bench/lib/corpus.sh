# shellcheck shell=bash
# Benchmark corpora, generated once and kept in a cache directory keyed by
# size, seed and entry count, so that repeated runs compare the same bytes.
#
# Needs: $root (the repository), $tmp (a scratch directory), $gen (the
# corpus generator binary), and the functions of common.sh.

# corpus_file sets corpus_path to the docker-ts corpus of $1 bytes (as the
# generator reads sizes: 1GiB, 200MB) with seed $2, generating it if it is
# not cached yet. It writes to a temporary name first, so that an
# interrupted run never leaves a truncated corpus behind.
corpus_file() {
	local size=$1 seed=$2
	local path="$cache/docker-ts-$size-seed$seed.log"
	if [ ! -s "$path" ]; then
		note "generating $path (once)"
		"$gen" -size "$size" -envelope docker-ts -seed "$seed" -o "$path.part" ||
			die "the corpus generator failed for $path"
		mv "$path.part" "$path"
	fi
	corpus_path=$path
}

# corpus_journal sets corpus_dir to the directory of a journal of $1 entries with seed
# $2, built by piping the generator's journal export text into
# systemd-journal-remote, generating it if it is not cached. journal-remote
# drops invalid entries without a word, so the count is checked.
corpus_journal() {
	local entries=$1 seed=$2
	local dir="$cache/journal-$entries-seed$seed"
	if [ ! -s "$dir/entries" ]; then
		note "building the journal $dir of $entries entries (once)"
		rm -rf "$dir.part"
		mkdir -p "$dir.part" || die "cannot create $dir.part"
		"$gen" -size "${entries}lines" -envelope journal-export -seed "$seed" -o - |
			"$journal_remote" --output="$dir.part/x.journal" - 2>"$tmp/journal-remote.err" ||
			die "building the journal failed: $(tail -n 3 "$tmp/journal-remote.err")"
		local got
		got=$(journalctl -D "$dir.part" -o json --no-pager | wc -l)
		[ "$got" -eq "$entries" ] ||
			die "the journal in $dir.part holds $got entries, not $entries: journal-remote dropped some"
		printf '%s\n' "$got" >"$dir.part/entries"
		rm -rf "$dir" && mv "$dir.part" "$dir"
	fi
	corpus_dir=$dir
}
