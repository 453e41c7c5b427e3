# shellcheck shell=bash
# Workload W11: the triage summary (templates and top-N over the whole
# corpus) against a sort | uniq -c pipeline that masks digits with sed. The
# check compares the top users of both sides, count for count.

w11_summary() {
	local file=$1
	note "W11: templates and top-N, connlog summary vs sed | sort | uniq -c"
	local c=("$connlog" summary --format json --top 10000 "$file")
	local r=("$here/lib/w11_reference.sh" "$file")
	run_pair c r
	jq -r '.top.users[] | select(.other | not) | "\(.count) \(.value)"' "$tmp/connlog.out" | sort >"$tmp/w11.connlog.users"
	sed '1,/^users$/d' "$tmp/reference.out" | sort >"$tmp/w11.reference.users"
	local n templates check wr
	n=$(wc -l <"$tmp/w11.connlog.users")
	templates=$(jq '.template_count' "$tmp/connlog.out")
	if [ "$n" -gt 0 ] && cmp -s "$tmp/w11.connlog.users" "$tmp/w11.reference.users"; then
		check="OK: same $n users and counts; $templates templates"
	else
		check="MISMATCH: connlog $n users, reference $(wc -l <"$tmp/w11.reference.users")"
		diff "$tmp/w11.connlog.users" "$tmp/w11.reference.users" | head -n 10 >&2 || true
	fi
	wr=$(ratio "$c_wall" "$r_wall")
	add_result "W11 summary vs sort|uniq" "$(figure "$c_wall" "$c_rss")" "$(figure "$r_wall" "$r_rss")" \
		"wall $wr" "<=2 s, same users" "$(both "$(at_most "$(awk -v ms="$c_wall" 'BEGIN { print ms / 1000 }')" 2)" "$(ok_word "$check")")" "$check"
}
