# shellcheck shell=bash
# Workloads W1-W4: headless connlog exports against lnav, grep, a
# grep|sed|jq pipeline and journalctl. Each checks that the reference did
# the same work (same count, same connections, same bytes) and records one
# row of the table.

# w1_lnav compares counting errors with lnav's SQL over its generic log
# format, which recognises the docker-ts time and the [ERROR] token.
w1_lnav() {
	local file=$1
	note "W1: count errors, connlog vs lnav"
	local c=("$connlog" export -q 'level>=error' --format raw "$file")
	local r=(lnav -n -c ';SELECT count(*) FROM all_logs WHERE log_level="error"' "$file")
	run_pair c r
	local cn rn
	cn=$(wc -l <"$tmp/connlog.out")
	rn=$(grep -Eo '^[[:space:]]*[0-9]+[[:space:]]*$' "$tmp/reference.out" | tr -d ' ' | tail -n 1)
	local wr rr
	wr=$(ratio "$c_wall" "$r_wall") rr=$(ratio "$c_rss" "$r_rss")
	add_result "W1 errors vs lnav" "$(figure "$c_wall" "$c_rss")" "$(figure "$r_wall" "$r_rss")" \
		"wall $wr, RSS $rr" "wall<=0.2x, RSS<=0.5x" \
		"$(both "$(at_most "$wr" 0.2)" "$(at_most "$rr" 0.5)")" "$(same_count "$cn" "$rn")"
}

# w2_grep compares the same export with grep counting the [ERROR] token:
# the speed of reading the file.
w2_grep() {
	local file=$1
	note "W2: count errors, connlog vs grep -c"
	local c=("$connlog" export -q 'level>=error' --format raw "$file")
	local r=(grep -c '\[ERROR\]' "$file")
	run_pair c r
	local cn rn wr
	cn=$(wc -l <"$tmp/connlog.out")
	rn=$(cat "$tmp/reference.out")
	wr=$(ratio "$c_wall" "$r_wall")
	add_result "W2 errors vs grep" "$(figure "$c_wall" "$c_rss")" "$(figure "$r_wall" "$r_rss")" \
		"wall $wr" "wall<=2x" "$(at_most "$wr" 2)" "$(same_count "$cn" "$rn")"
}

# w3_jq compares a question about connections with the grep|sed|jq
# pipeline, and checks that both selected the same connection ids.
w3_jq() {
	local file=$1
	note "W3: big closed connections from DE, connlog vs grep|sed|jq"
	local c=("$connlog" export -q 'event:closed_connection country:DE rx>1MB' --format ndjson "$file")
	local r=("$here/lib/w3_reference.sh" "$file")
	run_pair c r
	jq -r '.fields.connection.id' "$tmp/connlog.out" | sort >"$tmp/w3.connlog.ids"
	jq -r '.connection.id' "$tmp/reference.out" | sort >"$tmp/w3.reference.ids"
	local n check wr
	n=$(wc -l <"$tmp/w3.connlog.ids")
	if cmp -s "$tmp/w3.connlog.ids" "$tmp/w3.reference.ids"; then
		check="OK: same $n connections"
	else
		check="MISMATCH: connlog $n, reference $(wc -l <"$tmp/w3.reference.ids")"
		diff "$tmp/w3.connlog.ids" "$tmp/w3.reference.ids" | head -n 10 >&2 || true
	fi
	wr=$(ratio "$c_wall" "$r_wall")
	add_result "W3 connections vs jq" "$(figure "$c_wall" "$c_rss")" "$(figure "$r_wall" "$r_rss")" \
		"wall $wr" "wall<=0.1x, same ids" "$(both "$(at_most "$wr" 0.1)" "$(ok_word "$check")")" "$check"
}

# w4_journalctl compares a journal backfill with journalctl -o cat and
# checks that both printed the same bytes. connlog export reads the last
# 10000 entries of a journal unless told otherwise, so it is given -n all,
# which is what journalctl does without -n.
w4_journalctl() {
	local dir=$1
	note "W4: journal backfill, connlog vs journalctl -o cat"
	local c=("$connlog" export -D "$dir" -u twingate-connector -n all --format raw)
	local r=(journalctl -D "$dir" -u twingate-connector -o cat --no-pager)
	run_pair c r
	local cs rs check wr
	cs=$(md5sum <"$tmp/connlog.out") rs=$(md5sum <"$tmp/reference.out")
	if [ "$cs" = "$rs" ]; then
		check="OK: same $(wc -l <"$tmp/connlog.out") lines (md5 ${cs:0:8})"
	else
		check="MISMATCH: connlog $(wc -l <"$tmp/connlog.out") lines, journalctl $(wc -l <"$tmp/reference.out")"
	fi
	wr=$(ratio "$c_wall" "$r_wall")
	add_result "W4 journal vs journalctl" "$(figure "$c_wall" "$c_rss")" "$(figure "$r_wall" "$r_rss")" \
		"wall $wr" "wall<=0.5x, same lines" "$(both "$(at_most "$wr" 0.5)" "$(ok_word "$check")")" "$check"
}

# both prints "yes" when both verdicts are yes.
both() { if [ "$1" = yes ] && [ "$2" = yes ]; then echo yes; else echo NO; fi; }

# ok_word turns a check message into a verdict.
ok_word() { case "$1" in OK*) echo yes ;; *) echo NO ;; esac; }

# same_count prints the check of two counts of matching lines.
same_count() {
	if [ "$1" = "$2" ]; then echo "OK: both count $1"; else echo "MISMATCH: connlog $1, reference ${2:-?}"; fi
}
