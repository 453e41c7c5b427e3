#!/usr/bin/env bash
# End-to-end test of connlog's terminal interface: builds the real binary and
# drives it in tmux as a person would (send-keys, capture-pane), on a fixture
# file and on a fixture journal. Every wait polls the screen until a deadline;
# when the screen does not show what it should, the script prints it and
# exits non-zero.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
session="connlog-e2e-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

cleanup() {
	tmux kill-session -t "$session" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

# shellcheck source=test/e2e/lib.sh
source "$root/test/e2e/lib.sh"

# start TERM COMMAND…: run connlog in a fresh 120x35 session; its exit
# status lands in $tmp/status.
start() {
	local term=$1
	shift
	tmux kill-session -t "$session" 2>/dev/null || true
	rm -f "$tmp/status"
	tmux new-session -d -s "$session" -x 120 -y 35 -c "$root" \
		"env TERM=$term $(printf '%q ' "$@") 2>$tmp/stderr; echo \$? >$tmp/status"
}

# quit presses q and checks that connlog exited cleanly.
quit() {
	keys q
	local deadline=$((SECONDS + 10))
	while ((SECONDS < deadline)); do
		if [[ -s $tmp/status ]]; then
			local status
			status=$(<"$tmp/status")
			[[ $status == 0 ]] || fail "connlog exited with status $status: $(cat "$tmp/stderr")"
			return 0
		fi
		sleep 0.1
	done
	fail "connlog did not quit on q"
}

# filter TEXT: replace the filter with TEXT through the filter bar.
filter() {
	keys /
	wait_for "enter apply"
	keys C-u
	keys -l "$1"
	keys Enter
	wait_for "filter: $1"
}

echo "building connlog"
(cd "$root" && go build -o "$tmp/connlog" ./cmd/connlog)

# A hostile line: a screen clear, a clipboard write, a bell, a bidi override
# and a byte that is not UTF-8.
printf 'login \033[2Jpwned \033]52;c;ZXZpbA==\a \342\200\256gnp.exe \377 end\n' >"$tmp/hostile.log"

echo "files: a failed connection's location and a hostile line (TERM=xterm-256color)"
start xterm-256color "$tmp/connlog" testdata/payloads/analytics.log "$tmp/hostile.log"
wait_for "FOLLOW"
filter "event:failed*"
wait_for "failed_to_connect"
keys Enter
wait_for "CONNECTION FAILED"
wait_for "Seattle, WA, US"
keys Enter
filter "pwned"
wait_for "␛[2Jpwned ␛]52;c;ZXZpbA==\\x07 ‹U+202E›gnp.exe \\xff end"
quit

echo "journal: a closed connection's location and a hostile message (TERM=screen)"
mkdir "$tmp/journal"
/lib/systemd/systemd-journal-remote --output="$tmp/journal/fixture.journal" - \
	<"$root/testdata/journal/connector.export" 2>/dev/null
start screen "$tmp/connlog" -D "$tmp/journal"
wait_for "State: Error"
wait_for "suppressed by journald"
filter "event:closed*"
wait_gone "State: Error"
keys Enter
wait_for "CONNECTION CLOSED"
wait_for "Seattle, WA, US"
keys Enter
filter "bidi"
wait_for "␛[31mred␛[0m ‹U+202E› bidi"
quit

echo "PASS"
